// Two bot processes on one Postgres, one killed with SIGKILL while delivering: every outbox
// message still reaches Discord exactly once, and the weekly digest both bots raced to send
// reaches each digest channel once (bench/outbox-kill.ts runs the same at scale).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOutboxKill } from "../support/outbox-kill-run.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

describe.skipIf(testDriver !== "postgres")(
  "outbox delivery when a process is killed",
  { timeout: 150_000 },
  () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase({ community: false });
    });
    afterAll(async () => {
      await db?.drop();
    });

    it("delivers every message and the due digest exactly once after a SIGKILL mid-run", async () => {
      const logs: string[] = [];
      const result = await runOutboxKill({
        databaseUrl: db.url ?? "",
        messages: 150,
        leaseSeconds: 3,
        killAt: 0.25,
        timeoutMs: 90_000,
        log: (line) => logs.push(line),
        digest: true,
      });
      expect(result, logs.slice(-20).join("\n")).toMatchObject({
        lost: 0,
        duplicated: 0,
        dead: 0,
        delivered: 150,
      });
      expect(result.deliveredBeforeKill).toBeLessThan(150);
      expect(result.secondsToAllSent).not.toBeNull();
      // Both bots ran the digest job against the same claims: one digest per channel and week.
      const digestChannels = Object.values(result.digest?.messagesPerChannel ?? {});
      expect(digestChannels, logs.slice(-20).join("\n")).toEqual([1, 1]);
      expect(result.digest).toMatchObject({ runs: 2, duplicatedRuns: 0, enqueued: 2, unsent: 0 });
    });
  },
);
