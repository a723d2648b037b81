import type { Clock } from "../../core/ports/clock.js";
import { type OutboundMessage, type Outbox, outboundMessageSchema } from "../../core/ports/outbox.js";
import type { SqlExecutor } from "../sql-executor.js";
import { timeOrderedId } from "../time-ordered-id.js";

type Sql = Pick<SqlExecutor, "query">;

const ENQUEUE = `
INSERT INTO "OutboxMessage" ("id", "communityId", "dedupeKey", "platform", "target", "payload", "anchorKey", "anchorVersion", "nextAttemptAt")
SELECT m."id", m."communityId", m."dedupeKey", m."platform"::"Platform", m."target", m."payload",
       m."anchorKey", m."anchorVersion", $2::timestamptz
FROM jsonb_to_recordset($1::jsonb)
  AS m("id" uuid, "communityId" uuid, "dedupeKey" text, "platform" text, "target" jsonb, "payload" jsonb, "anchorKey" text, "anchorVersion" int)
ON CONFLICT ("dedupeKey") DO NOTHING`;

/**
 * The outbox table behind the core's Outbox port. Give it the transaction of the change that
 * causes the messages (`new SqlOutbox(tx, clock)`) so both commit or neither does.
 *
 * Messages are due from the Clock's now, the same clock the worker claims with: the database's
 * own now() would disagree with it (a millisecond column rounds up, a test clock is elsewhere in
 * time) and a message could look not yet due to the worker that should send it.
 */
export class SqlOutbox implements Outbox {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
  ) {}

  async enqueue(messages: readonly OutboundMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const rows = messages.map((message) => {
      const m = outboundMessageSchema.parse(message);
      return {
        // Time-ordered, so the worker handles one batch in the order it was enqueued (a post
        // before the edits of it).
        id: timeOrderedId(),
        communityId: m.communityId,
        dedupeKey: m.dedupeKey,
        platform: m.platform,
        target: m.target,
        payload: m.card,
        anchorKey: m.anchor?.key ?? null,
        anchorVersion: m.anchor?.version ?? null,
      };
    });
    await this.sql.query(ENQUEUE, [JSON.stringify(rows), this.clock.now().toISOString()]);
  }
}
