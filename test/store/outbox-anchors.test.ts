import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/ports/logger.js";
import type { OutboundMessage } from "../../src/core/ports/outbox.js";
import type { Card } from "../../src/core/shared/card.js";
import { createOutboxWorker } from "../../src/jobs/outbox-worker.js";
import { OutboxQueue } from "../../src/store/outbox/outbox-queue.js";
import { SqlOutbox } from "../../src/store/outbox/sql-outbox.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { ScriptedDelivery } from "../fakes/core/scripted-delivery.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const cardSaying = (text: string): Card => ({
  fallbackText: text,
  blocks: [{ type: "section", text: [text] }],
});

/** The problem card posted in the problems channel, remembered under its anchor. */
function post(version: number, key = "problem:1:card"): OutboundMessage {
  return {
    dedupeKey: `${key}:post`,
    communityId: null,
    platform: "slack",
    target: { kind: "channel", channelId: "C-problems" },
    card: cardSaying(`votes: ${version}`),
    anchor: { key, version },
  };
}

/** An edit of that card to its `version`. */
function edit(version: number, key = "problem:1:card"): OutboundMessage {
  return {
    dedupeKey: `${key}:v${version}`,
    communityId: null,
    platform: "slack",
    target: { kind: "anchor", key },
    card: cardSaying(`votes: ${version}`),
    anchor: { key, version },
  };
}

describe(`outbox edits of anchored posts (${testDriver})`, () => {
  let db: TestDatabase;
  let clock: FakeClock;
  let slack: ScriptedDelivery;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => db.drop());
  beforeEach(async () => {
    await db.sql.exec(`DELETE FROM "OutboxMessage"; DELETE FROM "PostedMessage";`);
    clock = new FakeClock();
    slack = new ScriptedDelivery("slack");
  });

  const enqueue = (...messages: OutboundMessage[]) => new SqlOutbox(db.sql, clock).enqueue(messages);
  const drain = (maxAttempts = 8) =>
    createOutboxWorker({
      queue: new OutboxQueue(db.sql),
      deliveries: [slack],
      clock,
      logger: silentLogger,
      random: () => 0.5,
      baseDelayMs: 1_000,
      maxAttempts,
    }).drain();
  const shown = async () =>
    db.sql.query<{ channelId: string; messageId: string; version: number }>(
      `SELECT "channelId", "messageId", "version" FROM "PostedMessage"`,
    );

  it("posts the card, remembers where it landed, then edits that message in place", async () => {
    await enqueue(post(0));
    expect(await drain()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(await shown()).toEqual([{ channelId: "C-problems", messageId: "m1", version: 0 }]);
    await enqueue(edit(1));
    expect(await drain()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(slack.updated).toEqual([
      { ref: { channelId: "C-problems", messageId: "m1" }, card: cardSaying("votes: 1") },
    ]);
    expect(slack.delivered).toHaveLength(1);
    expect((await shown())[0]?.version).toBe(1);
  });

  it("skips an edit older than the card already shown, without calling the platform", async () => {
    await enqueue(post(0));
    await drain();
    await enqueue(edit(2));
    await drain();
    await enqueue(edit(1));
    expect(await drain()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(slack.updated.map((u) => u.card.fallbackText)).toEqual(["votes: 2"]);
    expect((await shown())[0]?.version).toBe(2);
    expect(await db.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(3);
  });

  it("holds an edit whose post is not delivered yet, then applies it once the post landed", async () => {
    await enqueue(edit(1));
    slack.failures.push(new Error("503"));
    await enqueue(post(0));
    // The edit was enqueued first: it finds no post and waits; the post fails once and waits too.
    expect(await drain()).toEqual({ sent: 0, retried: 2, dead: 0 });
    expect(slack.updated).toEqual([]);
    clock.advanceMs(1_000);
    // Backoff of the first retry: 1 s × (0.5 + 0.5). Both are due again, the older (the edit)
    // first: it still finds no post; then the post lands.
    expect(await drain()).toEqual({ sent: 1, retried: 1, dead: 0 });
    expect(await shown()).toHaveLength(1);
    clock.advanceMs(2_000);
    expect(await drain()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(slack.updated.map((u) => u.card.fallbackText)).toEqual(["votes: 1"]);
    expect((await shown())[0]?.version).toBe(1);
  });

  it("dead-letters an edit whose post never arrives, after the usual limit", async () => {
    await enqueue(edit(1, "problem:404:card"));
    await drain(2);
    clock.advanceMs(60_000);
    expect(await drain(2)).toEqual({ sent: 0, retried: 0, dead: 1 });
    const [dead] = await new OutboxQueue(db.sql).listDead();
    expect(dead?.lastError).toMatch(/not delivered yet/);
    expect(slack.updated).toEqual([]);
  });

  it("keeps anchors per platform and per key", async () => {
    await enqueue(post(0, "problem:1:card"), post(3, "problem:2:card"));
    await drain();
    await enqueue(edit(2, "problem:2:card"), edit(1, "problem:1:card"));
    expect(await drain()).toEqual({ sent: 2, retried: 0, dead: 0 });
    expect(slack.updated.map((u) => [u.ref.messageId, u.card.fallbackText])).toEqual([["m1", "votes: 1"]]);
  });
});
