import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/ports/logger.js";
import type { OutboundMessage } from "../../src/core/ports/outbox.js";
import { DeliveryFailure, type PlatformDelivery } from "../../src/core/ports/platform-delivery.js";
import type { Card } from "../../src/core/shared/card.js";
import { createOutboxWorker } from "../../src/jobs/outbox-worker.js";
import { OutboxQueue } from "../../src/store/outbox/outbox-queue.js";
import { SqlOutbox } from "../../src/store/outbox/sql-outbox.js";
import { ScriptedDelivery } from "../fakes/core/scripted-delivery.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const card: Card = { fallbackText: "hello", blocks: [{ type: "section", text: ["hello"] }] };

function message(key: string, platform: "slack" | "discord" = "slack"): OutboundMessage {
  return { dedupeKey: key, communityId: null, platform, target: { kind: "user", userId: "U1" }, card };
}

class TestClock {
  constructor(public time = new Date("2026-11-21T10:00:00Z")) {}
  now = () => this.time;
  advance(ms: number) {
    this.time = new Date(this.time.getTime() + ms);
  }
}

describe(`outbox (${testDriver})`, () => {
  let db: TestDatabase;
  let clock: TestClock;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => db.drop());
  beforeEach(async () => {
    await db.sql.exec(`DELETE FROM "OutboxMessage"`);
    clock = new TestClock();
  });

  const worker = (
    delivery: PlatformDelivery,
    extra: Partial<Parameters<typeof createOutboxWorker>[0]> = {},
  ) =>
    createOutboxWorker({
      queue: new OutboxQueue(db.sql),
      deliveries: [delivery],
      clock,
      logger: silentLogger,
      random: () => 0.5,
      ...extra,
    });

  it("stores a logical message once, however often it is enqueued", async () => {
    const outbox = new SqlOutbox(db.sql, clock);
    await outbox.enqueue([message("a"), message("a"), message("b")]);
    await outbox.enqueue([message("a")]);
    expect(await db.prisma.outboxMessage.count()).toBe(2);
  });

  it("writes nothing when the transaction that caused the message rolls back", async () => {
    await expect(
      db.sql.transaction(async (tx) => {
        await new SqlOutbox(tx, clock).enqueue([message("rolled-back")]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });

  it("treats a message as due from the worker's clock, wherever the database's clock is", async () => {
    for (const offsetMs of [-3_600_000, 3_600_000]) {
      const skewed = new TestClock(new Date(Date.now() + offsetMs));
      await new SqlOutbox(db.sql, skewed).enqueue([message(`skew${offsetMs}`)]);
      const slack = new ScriptedDelivery("slack");
      const sameClock = createOutboxWorker({
        queue: new OutboxQueue(db.sql),
        deliveries: [slack],
        clock: skewed,
        logger: silentLogger,
      });
      expect((await sameClock.drain()).sent).toBe(1);
    }
  });

  it("delivers each message once and marks it sent", async () => {
    await new SqlOutbox(db.sql, clock).enqueue([message("m1"), message("m2")]);
    const slack = new ScriptedDelivery("slack");
    expect(await worker(slack).drain()).toEqual({ sent: 2, retried: 0, dead: 0 });
    expect(await worker(slack).drain()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(slack.delivered.map((d) => d.key).sort()).toEqual(["m1", "m2"]);
    expect(await db.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(2);
  });

  it("waits as long as a 429 asks, backs off on other errors, then delivers", async () => {
    await new SqlOutbox(db.sql, clock).enqueue([message("rl")]);
    const slack = new ScriptedDelivery("slack");
    slack.failures.push(new DeliveryFailure("ratelimited", false, 30_000), new Error("socket hang up"));
    const w = worker(slack, { baseDelayMs: 1_000 });
    expect(await w.drain()).toEqual({ sent: 0, retried: 1, dead: 0 });
    clock.advance(29_000);
    expect(await w.drain()).toEqual({ sent: 0, retried: 0, dead: 0 });
    clock.advance(1_000);
    expect(await w.drain()).toEqual({ sent: 0, retried: 1, dead: 0 });
    // Waiting as asked used up no attempt, so the hang-up is the first real failure:
    // 1 s × 2^(1−1) × (0.5 + 0.5) = 1 s later.
    clock.advance(999);
    expect((await w.drain()).sent).toBe(0);
    clock.advance(1);
    expect((await w.drain()).sent).toBe(1);
    expect(slack.delivered).toHaveLength(1);
  });

  it("never dead-letters for rate limits, and holds the rest of a batch while the platform asks to wait", async () => {
    await new SqlOutbox(db.sql, clock).enqueue(["a", "b", "c"].map((key) => message(key)));
    let calls = 0;
    let limited = 0;
    const sent: string[] = [];
    const busy: PlatformDelivery = {
      platform: "slack",
      async deliver(_target, _card, key) {
        calls++;
        // Rate limited for the first 12 sends it sees, whatever the message.
        if (limited < 12) {
          limited++;
          throw new DeliveryFailure("ratelimited", false, 1_000);
        }
        sent.push(key);
        return { channelId: "C1", messageId: key };
      },
      update: async () => {},
    };
    const w = worker(busy, { maxAttempts: 2 });
    for (let round = 0; round < 14; round++) {
      await w.drain();
      clock.advance(1_000);
    }
    expect(sent.sort()).toEqual(["a", "b", "c"]);
    // One send per drain while limited: the other two waited instead of earning 429s.
    expect(calls).toBe(15);
    expect(await db.prisma.outboxMessage.count({ where: { status: "dead" } })).toBe(0);
  });

  it("dead-letters permanent failures at once and transient ones after the limit", async () => {
    await new SqlOutbox(db.sql, clock).enqueue([message("perm"), message("flaky")]);
    const attempts: string[] = [];
    const failing: PlatformDelivery = {
      platform: "slack",
      async deliver(_target, _card, key) {
        attempts.push(key);
        throw key === "perm" ? new DeliveryFailure("channel_not_found", true) : new Error("503");
      },
      update: async () => {},
    };
    const w = worker(failing, { maxAttempts: 2, baseDelayMs: 10 });
    await w.drain();
    clock.advance(60_000);
    await w.drain();
    clock.advance(60_000);
    expect(await w.drain()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(attempts.sort()).toEqual(["flaky", "flaky", "perm"]);
    const dead = await new OutboxQueue(db.sql).listDead();
    expect(dead.map((d) => [d.dedupeKey, d.lastError]).sort()).toEqual([
      ["flaky", "503"],
      ["perm", "channel_not_found"],
    ]);
  });

  it("hands back the claims of a worker that died, after the lease", async () => {
    await new SqlOutbox(db.sql, clock).enqueue([message("orphan")]);
    const queue = new OutboxQueue(db.sql);
    const claimed = await queue.claimDue(clock.now(), 10, 60_000);
    expect(claimed).toHaveLength(1);
    const slack = new ScriptedDelivery("slack");
    expect((await worker(slack).drain()).sent).toBe(0);
    clock.advance(60_000);
    expect((await worker(slack).drain()).sent).toBe(1);
  });

  it("leaves messages for a platform this process does not run", async () => {
    await new SqlOutbox(db.sql, clock).enqueue([message("for-discord", "discord")]);
    const slack = new ScriptedDelivery("slack");
    expect(await worker(slack).drain()).toEqual({ sent: 0, retried: 1, dead: 0 });
    expect(await db.prisma.outboxMessage.count({ where: { status: "pending" } })).toBe(1);
  });

  it("lets racing workers deliver every message exactly once", async () => {
    await new SqlOutbox(db.sql, clock).enqueue(Array.from({ length: 120 }, (_, i) => message(`race-${i}`)));
    const slack = new ScriptedDelivery("slack");
    const slow: PlatformDelivery = {
      platform: "slack",
      deliver: async (t, c, k) => {
        await new Promise((r) => setTimeout(r, 1));
        return slack.deliver(t, c, k);
      },
      update: (ref, c) => slack.update(ref, c),
    };
    const results = await Promise.all([1, 2, 3].map(() => worker(slow, { batchSize: 10 }).drain()));
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(120);
    const keys = slack.delivered.map((d) => d.key);
    expect(new Set(keys).size).toBe(120);
    expect(keys).toHaveLength(120);
  });
});
