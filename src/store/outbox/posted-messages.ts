import type { PostedRef } from "../../core/ports/platform-delivery.js";
import type { Platform } from "../../core/shared/platform.js";
import type { SqlExecutor } from "../sql-executor.js";
import { timeOrderedId } from "../time-ordered-id.js";

/**
 * Where anchored posts landed (PostedMessage) and the newest card version each shows. Versions
 * only grow: recording an older one changes nothing, so an edit that arrives late is never
 * taken for the current state.
 */
export class PostedMessages {
  constructor(private readonly sql: Pick<SqlExecutor, "query">) {}

  async find(platform: Platform, key: string): Promise<{ ref: PostedRef; version: number } | null> {
    const [row] = await this.sql.query<{ channelId: string; messageId: string; version: number }>(
      `SELECT "channelId", "messageId", "version" FROM "PostedMessage" WHERE "platform" = $1::"Platform" AND "anchorKey" = $2`,
      [platform, key],
    );
    return row ? { ref: { channelId: row.channelId, messageId: row.messageId }, version: row.version } : null;
  }

  /** A post landed at `ref` showing `version` (a repost moves the anchor to the new message). */
  async recordPost(
    platform: Platform,
    key: string,
    ref: PostedRef,
    version: number,
    now: Date,
  ): Promise<void> {
    await this.sql.query(
      `INSERT INTO "PostedMessage" ("id", "platform", "anchorKey", "channelId", "messageId", "version", "createdAt", "updatedAt")
       VALUES ($1::uuid, $2::"Platform", $3, $4, $5, $6, $7::timestamptz, $7::timestamptz)
       ON CONFLICT ("platform", "anchorKey") DO UPDATE SET "channelId" = EXCLUDED."channelId",
         "messageId" = EXCLUDED."messageId", "version" = GREATEST("PostedMessage"."version", EXCLUDED."version"),
         "updatedAt" = EXCLUDED."updatedAt"`,
      [timeOrderedId(), platform, key, ref.channelId, ref.messageId, version, now.toISOString()],
    );
  }

  /** The post now shows `version`. */
  async recordEdit(platform: Platform, key: string, version: number, now: Date): Promise<void> {
    await this.sql.query(
      `UPDATE "PostedMessage" SET "version" = GREATEST("version", $3), "updatedAt" = $4::timestamptz
        WHERE "platform" = $1::"Platform" AND "anchorKey" = $2`,
      [platform, key, version, now.toISOString()],
    );
  }
}
