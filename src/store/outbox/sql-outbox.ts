import { type OutboundMessage, type Outbox, outboundMessageSchema } from "../../core/ports/outbox.js";
import type { SqlExecutor } from "../sql-executor.js";

type Sql = Pick<SqlExecutor, "query">;

const ENQUEUE = `
INSERT INTO "OutboxMessage" ("id", "communityId", "dedupeKey", "platform", "target", "payload")
SELECT gen_random_uuid(), m."communityId", m."dedupeKey", m."platform"::"Platform", m."target", m."payload"
FROM jsonb_to_recordset($1::jsonb) AS m("communityId" uuid, "dedupeKey" text, "platform" text, "target" jsonb, "payload" jsonb)
ON CONFLICT ("dedupeKey") DO NOTHING`;

/**
 * The outbox table behind the core's Outbox port. Give it the transaction of the change that
 * causes the messages (`new SqlOutbox(tx)`) so both commit or neither does.
 */
export class SqlOutbox implements Outbox {
  constructor(private readonly sql: Sql) {}

  async enqueue(messages: readonly OutboundMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const rows = messages.map((message) => {
      const m = outboundMessageSchema.parse(message);
      return {
        communityId: m.communityId,
        dedupeKey: m.dedupeKey,
        platform: m.platform,
        target: m.target,
        payload: m.card,
      };
    });
    await this.sql.query(ENQUEUE, [JSON.stringify(rows)]);
  }
}
