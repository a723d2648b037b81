import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProcessedEvents } from "../../src/core/ports/processed-events.js";
import type { FakeClock } from "../fakes/core/fake-clock.js";

export interface ProcessedEventsFixture {
  events: ProcessedEvents;
  /** A second instance over the same storage (on Postgres: its own connection pool, like another process). */
  other: ProcessedEvents;
  /** The clock both instances stamp and purge with. */
  clock: FakeClock;
  teardown(): Promise<void>;
}

/**
 * The behaviour every ProcessedEvents must have, run against the in-memory fake and the SQL
 * store so the fake the core tests rely on cannot quietly diverge from the real one.
 */
export function processedEventsContract(name: string, setup: () => Promise<ProcessedEventsFixture>): void {
  describe(`ProcessedEvents contract: ${name}`, () => {
    let fixture: ProcessedEventsFixture;
    beforeAll(async () => {
      fixture = await setup();
    });
    afterAll(async () => fixture.teardown());

    it("says true the first time an event id is seen and false after", async () => {
      const { events } = fixture;
      expect(await events.firstTime("slack", "Ev-once")).toBe(true);
      expect(await events.firstTime("slack", "Ev-once")).toBe(false);
      expect(await events.firstTime("slack", "Ev-once")).toBe(false);
      expect(await events.firstTime("slack", "Ev-other")).toBe(true);
    });

    it("keeps platforms apart: the same id on another platform is another event", async () => {
      const { events } = fixture;
      expect(await events.firstTime("slack", "1234")).toBe(true);
      expect(await events.firstTime("discord", "1234")).toBe(true);
      expect(await events.firstTime("discord", "1234")).toBe(false);
    });

    it("lets exactly one of many concurrent callers with the same id go first", async () => {
      const { events, other } = fixture;
      const calls = Array.from({ length: 12 }, (_, i) =>
        (i % 2 === 0 ? events : other).firstTime("discord", "race-1"),
      );
      const results = await Promise.all(calls);
      expect(results.filter((first) => first)).toHaveLength(1);
    });

    it("shares what it saw with another instance over the same storage", async () => {
      const { events, other } = fixture;
      expect(await events.firstTime("slack", "Ev-shared")).toBe(true);
      expect(await other.firstTime("slack", "Ev-shared")).toBe(false);
    });

    it("forgets ids recorded before the cutoff and keeps the newer ones", async () => {
      const { events, clock } = fixture;
      clock.set("2026-11-22T00:00:00Z");
      await events.firstTime("slack", "Ev-old");
      clock.set("2026-11-22T06:00:00Z");
      await events.firstTime("slack", "Ev-new");

      const purged = await events.purgeOlderThan(new Date("2026-11-22T03:00:00Z"));

      expect(purged).toBeGreaterThanOrEqual(1);
      expect(await events.firstTime("slack", "Ev-new")).toBe(false);
      expect(await events.firstTime("slack", "Ev-old")).toBe(true);
    });

    it("purges ids older than a day by itself once an hour has passed", async () => {
      const { events, clock } = fixture;
      clock.set("2026-11-24T00:00:00Z");
      expect(await events.firstTime("slack", "Ev-expiring")).toBe(true);
      clock.set("2026-11-24T23:00:00Z");
      // Within a day the id is still remembered.
      expect(await events.firstTime("slack", "Ev-expiring")).toBe(false);
      clock.set("2026-11-25T01:30:00Z");
      // More than a day later (and more than an hour since the last purge): this call purges…
      await events.firstTime("slack", "Ev-trigger");
      // …so the expired id counts as new again.
      expect(await events.firstTime("slack", "Ev-expiring")).toBe(true);
    });
  });
}
