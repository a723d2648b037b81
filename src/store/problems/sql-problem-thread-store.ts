import type { PostedRef } from "../../core/ports/platform-delivery.js";
import type {
  CommentMirror,
  NewComment,
  ProblemComment,
  ProblemThread,
  ProblemThreadStore,
} from "../../core/ports/problem-thread-store.js";
import type { Platform } from "../../core/shared/platform.js";
import type { SqlExecutor } from "../sql-executor.js";
import { timeOrderedId } from "../time-ordered-id.js";

type Query = Pick<SqlExecutor, "query">;

const THREAD_COLUMNS = `t."id", t."problemId", t."platform"::text AS "platform", t."channelId", t."messageId", t."threadId"`;
const COMMENT_SELECT = `SELECT c."id", c."problemId", c."authorPersonId", p."displayName" AS "authorName",
       c."platform"::text AS "platform", c."channelId", c."platformMessageId", c."body", c."version",
       c."createdAt", c."editedAt", c."deletedAt"
  FROM "ProblemComment" c JOIN "Person" p ON p."id" = c."authorPersonId"`;

type CommentRow = Omit<ProblemComment, "platform"> & { platform: string };
const toComment = (row: CommentRow): ProblemComment => ({ ...row, platform: row.platform as Platform });
const toThread = (row: Omit<ProblemThread, "platform"> & { platform: string }): ProblemThread => ({
  ...row,
  platform: row.platform as Platform,
});

/**
 * Where a problem card's thread is, recorded by the outbox worker once the card is out. Several
 * workers may record the same post (a repost after a crash): the first row stays.
 */
export async function recordProblemThread(
  sql: Query,
  thread: { problemId: string; platform: Platform; ref: PostedRef; threadId: string },
  at: Date,
): Promise<void> {
  await sql.query(
    `INSERT INTO "ProblemThread" ("id", "problemId", "platform", "channelId", "messageId", "threadId", "createdAt")
     VALUES ($1::uuid, $2::uuid, $3::"Platform", $4, $5, $6, $7::timestamptz)
     ON CONFLICT ("platform", "channelId", "threadId") DO NOTHING`,
    [
      timeOrderedId(),
      thread.problemId,
      thread.platform,
      thread.ref.channelId,
      thread.ref.messageId,
      thread.threadId,
      at.toISOString(),
    ],
  );
}

/** Problem threads and their comments in SQL; give it a transaction to commit with the outbox. */
export class SqlProblemThreadStore implements ProblemThreadStore {
  constructor(private readonly sql: Query) {}

  async threadAt(platform: Platform, place: { channelId?: string | undefined; threadId: string }) {
    const [row] = await this.sql.query<Omit<ProblemThread, "platform"> & { platform: string }>(
      `SELECT ${THREAD_COLUMNS} FROM "ProblemThread" t
        WHERE t."platform" = $1::"Platform" AND t."threadId" = $2 AND ($3::text IS NULL OR t."channelId" = $3)
        ORDER BY t."createdAt", t."id" LIMIT 1`,
      [platform, place.threadId, place.channelId ?? null],
    );
    return row ? toThread(row) : null;
  }

  async threadsOf(problemId: string) {
    const rows = await this.sql.query<Omit<ProblemThread, "platform"> & { platform: string }>(
      `SELECT ${THREAD_COLUMNS} FROM "ProblemThread" t WHERE t."problemId" = $1::uuid ORDER BY t."createdAt", t."id"`,
      [problemId],
    );
    return rows.map(toThread);
  }

  async addComment(comment: NewComment) {
    const id = timeOrderedId();
    const inserted = await this.sql.query(
      `INSERT INTO "ProblemComment" ("id", "problemId", "authorPersonId", "platform", "channelId", "platformMessageId", "body", "createdAt")
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::"Platform", $5, $6, $7, $8::timestamptz)
       ON CONFLICT ("platform", "channelId", "platformMessageId") DO NOTHING RETURNING "id"`,
      [
        id,
        comment.problemId,
        comment.authorPersonId,
        comment.platform,
        comment.channelId,
        comment.platformMessageId,
        comment.body,
        comment.at.toISOString(),
      ],
    );
    return inserted.length === 0 ? null : this.byId(id);
  }

  async commentAt(platform: Platform, channelId: string, platformMessageId: string) {
    const [row] = await this.sql.query<CommentRow>(
      `${COMMENT_SELECT} WHERE c."platform" = $1::"Platform" AND c."channelId" = $2 AND c."platformMessageId" = $3`,
      [platform, channelId, platformMessageId],
    );
    return row ? toComment(row) : null;
  }

  async editComment(commentId: string, body: string, at: Date) {
    // Compare-and-set on the text: a replayed edit (same text) or an edit of a deleted comment writes nothing.
    const updated = await this.sql.query(
      `UPDATE "ProblemComment" SET "body" = $2, "version" = "version" + 1, "editedAt" = $3::timestamptz
        WHERE "id" = $1::uuid AND "deletedAt" IS NULL AND "body" <> $2 RETURNING "id"`,
      [commentId, body, at.toISOString()],
    );
    return updated.length === 0 ? null : this.byId(commentId);
  }

  async deleteComment(commentId: string, at: Date) {
    const updated = await this.sql.query(
      `UPDATE "ProblemComment" SET "deletedAt" = $2::timestamptz
        WHERE "id" = $1::uuid AND "deletedAt" IS NULL RETURNING "id"`,
      [commentId, at.toISOString()],
    );
    return updated.length === 0 ? null : this.byId(commentId);
  }

  async recordMirrors(mirrors: readonly CommentMirror[], at: Date) {
    if (mirrors.length === 0) return;
    await this.sql.query(
      `INSERT INTO "CommentMirror" ("id", "commentId", "threadId", "platform", "anchorKey", "createdAt")
       SELECT m."id", m."commentId", m."threadId", m."platform"::"Platform", m."anchorKey", $2::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS m("id" uuid, "commentId" uuid, "threadId" uuid, "platform" text, "anchorKey" text)
       ON CONFLICT ("anchorKey") DO NOTHING`,
      [JSON.stringify(mirrors.map((m) => ({ id: timeOrderedId(), ...m }))), at.toISOString()],
    );
  }

  async mirrorsOf(commentId: string) {
    const rows = await this.sql.query<Omit<CommentMirror, "platform"> & { platform: string }>(
      `SELECT "commentId", "threadId", "platform"::text AS "platform", "anchorKey" FROM "CommentMirror"
        WHERE "commentId" = $1::uuid ORDER BY "createdAt", "id"`,
      [commentId],
    );
    return rows.map((row) => ({ ...row, platform: row.platform as Platform }));
  }

  async commentsOf(problemId: string) {
    const rows = await this.sql.query<CommentRow>(
      `${COMMENT_SELECT} WHERE c."problemId" = $1::uuid AND c."deletedAt" IS NULL ORDER BY c."createdAt", c."id"`,
      [problemId],
    );
    return rows.map(toComment);
  }

  private async byId(id: string): Promise<ProblemComment | null> {
    const [row] = await this.sql.query<CommentRow>(`${COMMENT_SELECT} WHERE c."id" = $1::uuid`, [id]);
    return row ? toComment(row) : null;
  }
}
