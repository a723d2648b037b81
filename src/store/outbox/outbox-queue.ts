import { z } from "zod";
import { type DeliveryTarget, deliveryTargetSchema } from "../../core/ports/outbox.js";
import type { PostedRef } from "../../core/ports/platform-delivery.js";
import { type Card, cardSchema } from "../../core/shared/card.js";
import { type Platform, platformSchema } from "../../core/shared/platform.js";
import { recordProblemThread } from "../problems/sql-problem-thread-store.js";
import type { SqlExecutor } from "../sql-executor.js";
import { PostedMessages } from "./posted-messages.js";

/**
 * The worker's side of the outbox table: claim due messages under a lease, then mark each sent,
 * retry-later or dead. Claims use FOR UPDATE SKIP LOCKED so several replicas on one Postgres
 * never take the same message; the lease (nextAttemptAt pushed forward) hands a message back if
 * the worker that claimed it dies before finishing.
 */
export interface ClaimedMessage {
  id: string;
  dedupeKey: string;
  platform: Platform;
  target: DeliveryTarget;
  card: Card;
  /** A post: where to remember it landed. An edit (`anchor` target): the card's version. */
  anchor: { key: string; version: number } | null;
  /** Including this one. */
  attempts: number;
}

export type ClaimResult = { ok: true; message: ClaimedMessage } | { ok: false; id: string; problem: string };

const rowSchema = z.object({
  id: z.string(),
  dedupeKey: z.string(),
  platform: platformSchema,
  target: deliveryTargetSchema,
  payload: cardSchema,
  anchorKey: z.string().min(1).nullable(),
  anchorVersion: z.number().int().min(0).nullable(),
  attempts: z.number().int(),
});

export interface DeadLetter {
  id: string;
  dedupeKey: string;
  platform: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

export class OutboxQueue {
  constructor(private readonly sql: SqlExecutor) {}

  async claimDue(now: Date, limit: number, leaseMs: number): Promise<ClaimResult[]> {
    // RETURNING comes back in no particular order: sort the claims oldest first (an anchored
    // post before its edits; ids are time-ordered within one enqueue).
    const rows = await this.sql.query<Record<string, unknown>>(
      `WITH claimed AS (
         UPDATE "OutboxMessage" SET "attempts" = "attempts" + 1, "nextAttemptAt" = $2::timestamptz + ($3::int * interval '1 millisecond')
          WHERE "id" IN (
            SELECT "id" FROM "OutboxMessage"
             WHERE "status" = 'pending' AND "nextAttemptAt" <= $2::timestamptz
             ORDER BY "nextAttemptAt", "createdAt", "id" LIMIT $1
             FOR UPDATE SKIP LOCKED)
          RETURNING "id", "dedupeKey", "platform"::text AS "platform", "target", "payload", "anchorKey", "anchorVersion",
                    "attempts", "createdAt")
       SELECT * FROM claimed ORDER BY "createdAt", "id"`,
      [limit, now.toISOString(), leaseMs],
    );
    // A row that no longer parses (written by an older version, edited by hand) is reported,
    // not delivered half-right.
    return rows.map((row): ClaimResult => {
      const parsed = rowSchema.safeParse(row);
      if (!parsed.success)
        return { ok: false, id: String(row.id), problem: parsed.error.issues[0]?.message ?? "invalid row" };
      const { payload, anchorKey, anchorVersion, ...rest } = parsed.data;
      const anchor =
        anchorKey !== null && anchorVersion !== null ? { key: anchorKey, version: anchorVersion } : null;
      return { ok: true, message: { ...rest, card: payload, anchor } };
    });
  }

  /**
   * Runs `fn` with the anchored posts while no other worker edits the same anchor, so two
   * edits of one card are never in flight at once (the older could land last). On Postgres, an
   * advisory lock in a transaction held across the platform call (replicas share the table);
   * PGlite has one process and its runner never overlaps drains, so no lock is needed there.
   */
  async withAnchor<T>(
    platform: Platform,
    key: string,
    fn: (posted: PostedMessages) => Promise<T>,
  ): Promise<T> {
    if (this.sql.driver !== "postgres") return fn(new PostedMessages(this.sql));
    return this.sql.transaction(async (tx) => {
      await tx.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('posted-message:' || $1 || ':' || $2, 0))`,
        [platform, key],
      );
      return fn(new PostedMessages(tx));
    });
  }

  /** Anchored posts outside any lock: recording where a new post landed needs none (versions only grow). */
  posted(): PostedMessages {
    return new PostedMessages(this.sql);
  }

  /** A problem card's post opened its thread at `threadId` (the target's `thread` asked for it). */
  async recordThread(
    problemId: string,
    platform: Platform,
    ref: PostedRef,
    threadId: string,
    now: Date,
  ): Promise<void> {
    await recordProblemThread(this.sql, { problemId, platform, ref, threadId }, now);
  }

  async markSent(id: string, now: Date): Promise<void> {
    await this.sql.query(
      `UPDATE "OutboxMessage" SET "status" = 'sent', "sentAt" = $2::timestamptz, "lastError" = NULL WHERE "id" = $1::uuid`,
      [id, now.toISOString()],
    );
  }

  /**
   * Hands a claimed message back for `at`. `refundAttempt` undoes the claim's attempt count: a
   * platform that said "wait" (429) did not fail the message, so waiting must not bring it
   * closer to the dead-letter limit.
   */
  async retryLater(
    id: string,
    at: Date,
    error: string,
    options: { refundAttempt?: boolean } = {},
  ): Promise<void> {
    await this.sql.query(
      `UPDATE "OutboxMessage" SET "nextAttemptAt" = $2::timestamptz, "lastError" = $3,
              "attempts" = CASE WHEN $4::boolean THEN GREATEST("attempts" - 1, 0) ELSE "attempts" END
        WHERE "id" = $1::uuid AND "status" = 'pending'`,
      [id, at.toISOString(), error.slice(0, 2000), options.refundAttempt === true],
    );
  }

  async markDead(id: string, error: string): Promise<void> {
    await this.sql.query(
      `UPDATE "OutboxMessage" SET "status" = 'dead', "lastError" = $2 WHERE "id" = $1::uuid`,
      [id, error.slice(0, 2000)],
    );
  }

  /** Dead letters, newest first, for admins. */
  async listDead(limit = 50): Promise<DeadLetter[]> {
    return this.sql.query<DeadLetter & Record<string, unknown>>(
      `SELECT "id", "dedupeKey", "platform"::text AS "platform", "attempts", "lastError", "createdAt"
         FROM "OutboxMessage" WHERE "status" = 'dead' ORDER BY "createdAt" DESC, "id" LIMIT $1`,
      [limit],
    );
  }

  /**
   * Gives dead letters another round of attempts from `now` (an admin fixed the cause: the bot
   * was invited to the channel, a token was renewed). Only dead ones: a message being delivered
   * or already sent is never sent again. Returns how many were requeued.
   */
  async requeueDead(ids: readonly string[] | "all", now: Date): Promise<number> {
    const rows = await this.sql.query(
      `UPDATE "OutboxMessage" SET "status" = 'pending', "attempts" = 0, "nextAttemptAt" = $1::timestamptz
        WHERE "status" = 'dead' AND ($2::boolean OR "id" = ANY($3::uuid[])) RETURNING "id"`,
      [now.toISOString(), ids === "all", ids === "all" ? [] : [...ids]],
    );
    return rows.length;
  }
}
