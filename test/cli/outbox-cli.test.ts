import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CatalogCliContext } from "../../src/cli/catalog/catalog-cli-context.js";
import { CatalogCliError } from "../../src/cli/catalog/catalog-cli-context.js";
import { outboxDeadCommand, outboxRetryCommand } from "../../src/cli/outbox-command.js";
import { OutboxQueue } from "../../src/store/outbox/outbox-queue.js";
import { timeOrderedId } from "../../src/store/time-ordered-id.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { type CapturedStream, catalogCliFor } from "../support/catalog-cli.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

/** Dead letters are what an admin must see and be able to send again once the cause is fixed. */
describe(`datadesk outbox dead|retry (${testDriver})`, () => {
  let db: TestDatabase;
  let ctx: CatalogCliContext;
  let stdout: CapturedStream;
  const clock = new FakeClock("2026-11-21T10:00:00Z");
  const ids = { dead1: timeOrderedId(), dead2: timeOrderedId(), sent: timeOrderedId() };

  beforeAll(async () => {
    db = await openTestDatabase();
    ({ ctx, stdout } = await catalogCliFor(db, { clock }));
    const insert = (id: string, key: string, status: string, error: string | null) =>
      db.sql.query(
        `INSERT INTO "OutboxMessage" ("id", "dedupeKey", "platform", "target", "payload", "status", "attempts", "lastError")
         VALUES ($1::uuid, $2, 'slack', '{"kind":"channel","channelId":"C1"}', '{}', $3::"OutboxStatus", 8, $4)`,
        [id, key, status, error],
      );
    await insert(ids.dead1, "problem:1:public:slack", "dead", "not_in_channel");
    await insert(ids.dead2, "digest:c:T1:2026-W47", "dead", "channel_not_found\nat line 2");
    await insert(ids.sent, "problem:2:public:slack", "sent", null);
  });
  afterAll(async () => db.drop());
  beforeEach(() => {
    stdout.text = "";
  });

  it("lists dead letters with their last error, and nothing else", async () => {
    await outboxDeadCommand(ctx, {});
    expect(stdout.text).toContain(ids.dead1);
    expect(stdout.text).toContain("not_in_channel");
    expect(stdout.text).toContain("channel_not_found at line 2");
    expect(stdout.text).not.toContain(ids.sent);
    expect(stdout.text).toContain("2 dead letter(s)");
    stdout.text = "";
    await outboxDeadCommand(ctx, { json: true, limit: "1" });
    expect(JSON.parse(stdout.text)).toHaveLength(1);
    await expect(outboxDeadCommand(ctx, { limit: "0" })).rejects.toThrow(CatalogCliError);
  });

  it("retries the named dead letter with fresh attempts, never a sent message", async () => {
    await expect(outboxRetryCommand(ctx, [], {})).rejects.toThrow(CatalogCliError);
    await expect(outboxRetryCommand(ctx, ["not-an-id"], {})).rejects.toThrow(/Not a message id/);
    await outboxRetryCommand(ctx, [ids.dead1, ids.sent], {});
    expect(stdout.text).toContain("1 message(s) handed back");
    const rows = await db.sql.query<{ id: string; status: string; attempts: number }>(
      `SELECT "id", "status"::text AS "status", "attempts" FROM "OutboxMessage" ORDER BY "dedupeKey"`,
    );
    expect(rows.find((r) => r.id === ids.dead1)).toMatchObject({ status: "pending", attempts: 0 });
    expect(rows.find((r) => r.id === ids.sent)).toMatchObject({ status: "sent" });
    expect(rows.find((r) => r.id === ids.dead2)).toMatchObject({ status: "dead" });
    // The worker can claim it again.
    expect((await new OutboxQueue(db.sql).listDead()).map((d) => d.id)).toEqual([ids.dead2]);
    stdout.text = "";
    await outboxRetryCommand(ctx, [], { all: true });
    expect(stdout.text).toContain("1 message(s) handed back");
    await outboxDeadCommand(ctx, {});
    expect(stdout.text).toContain("No dead letters");
  });
});
