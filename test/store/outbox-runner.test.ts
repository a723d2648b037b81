import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/core/ports/clock.js";
import { silentLogger } from "../../src/core/ports/logger.js";
import type { PlatformDelivery } from "../../src/core/ports/platform-delivery.js";
import type { Card } from "../../src/core/shared/card.js";
import { createOutboxRunner } from "../../src/jobs/outbox-runner.js";
import { OutboxQueue } from "../../src/store/outbox/outbox-queue.js";
import { SqlOutbox } from "../../src/store/outbox/sql-outbox.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const card: Card = { fallbackText: "hello", blocks: [{ type: "section", text: ["hello"] }] };

/** Records deliveries and how many ran at once; each takes a little while. */
function slowDelivery() {
  const delivered: string[] = [];
  let running = 0;
  let maxConcurrent = 0;
  const delivery: PlatformDelivery = {
    platform: "slack",
    async deliver(_target, _card, key) {
      running += 1;
      maxConcurrent = Math.max(maxConcurrent, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      delivered.push(key);
      running -= 1;
      return { channelId: "C1", messageId: key };
    },
    update: async () => {},
  };
  return { delivery, delivered, maxConcurrent: () => maxConcurrent };
}

describe(`outbox runner (${testDriver})`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => db.drop());
  beforeEach(async () => {
    await db.sql.exec(`DELETE FROM "OutboxMessage"`);
  });

  const enqueue = (...keys: string[]) =>
    new SqlOutbox(db.sql, systemClock).enqueue(
      keys.map((dedupeKey) => ({
        dedupeKey,
        communityId: null,
        platform: "slack" as const,
        target: { kind: "channel" as const, channelId: "C1" },
        card,
      })),
    );

  it("drains in the background until stopped", async () => {
    const { delivery, delivered } = slowDelivery();
    const runner = createOutboxRunner({
      queue: new OutboxQueue(db.sql),
      deliveries: [delivery],
      clock: systemClock,
      logger: silentLogger,
      everyMs: 25,
    });
    runner.start();
    await enqueue("bg-1");
    await expect.poll(() => delivered, { timeout: 5_000 }).toEqual(["bg-1"]);
    await runner.stop();
    await enqueue("bg-2");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(delivered).toEqual(["bg-1"]);
    expect(await runner.drain()).toEqual({ sent: 0, retried: 0, dead: 0 });
  });

  it("never runs two drains at once, and each message is sent once", async () => {
    const { delivery, delivered, maxConcurrent } = slowDelivery();
    const outcomes: string[] = [];
    const runner = createOutboxRunner({
      queue: new OutboxQueue(db.sql),
      deliveries: [delivery],
      clock: systemClock,
      logger: silentLogger,
      everyMs: 3_600_000,
      onOutcome: (platform, outcome) => outcomes.push(`${platform}:${outcome}`),
    });
    await enqueue("c-1", "c-2", "c-3");
    const results = await Promise.all([runner.drain(), runner.drain(), runner.drain()]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(3);
    expect([...delivered].sort()).toEqual(["c-1", "c-2", "c-3"]);
    expect(maxConcurrent()).toBe(1);
    expect(outcomes).toEqual(["slack:sent", "slack:sent", "slack:sent"]);
    await runner.stop();
  });
});
