import type { Clock } from "../core/ports/clock.js";
import type { Logger } from "../core/ports/logger.js";
import {
  PROCESSED_EVENT_PURGE_EVERY_MS,
  PROCESSED_EVENT_RETENTION_MS,
  type ProcessedEvents,
} from "../core/ports/processed-events.js";
import type { Platform } from "../core/shared/platform.js";
import type { SqlExecutor } from "./sql-executor.js";

export interface SqlProcessedEventsOptions {
  retentionMs?: number;
  purgeEveryMs?: number;
  logger?: Logger;
}

/**
 * The ProcessedEvents port over raw SQL. The unique (platform, eventId) index decides who is
 * first: `INSERT … ON CONFLICT DO NOTHING RETURNING` inserts a row for exactly one caller, even
 * across processes sharing one Postgres. Expired ids are purged opportunistically — at most once
 * per `purgeEveryMs` per process, by whichever call comes first — rather than by a scheduled job,
 * because the table is only written when events arrive, so it can only grow when calls happen.
 */
export class SqlProcessedEvents implements ProcessedEvents {
  private readonly retentionMs: number;
  private readonly purgeEveryMs: number;
  private lastPurgeAt: number | null = null;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly clock: Clock,
    private readonly options: SqlProcessedEventsOptions = {},
  ) {
    this.retentionMs = options.retentionMs ?? PROCESSED_EVENT_RETENTION_MS;
    this.purgeEveryMs = options.purgeEveryMs ?? PROCESSED_EVENT_PURGE_EVERY_MS;
  }

  async firstTime(platform: Platform, eventId: string): Promise<boolean> {
    const now = this.clock.now();
    const rows = await this.sql.query<{ id: string }>(
      `INSERT INTO "ProcessedEvent" ("id", "platform", "eventId", "processedAt")
       VALUES (gen_random_uuid(), $1::"Platform", $2, $3::timestamptz)
       ON CONFLICT ("platform", "eventId") DO NOTHING
       RETURNING "id"`,
      [platform, eventId, now.toISOString()],
    );
    await this.purgeIfDue(now);
    return rows.length === 1;
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    const rows = await this.sql.query<{ id: string }>(
      `DELETE FROM "ProcessedEvent" WHERE "processedAt" < $1::timestamptz RETURNING "id"`,
      [cutoff.toISOString()],
    );
    return rows.length;
  }

  /** A failed purge must not fail the event: it is retried on the next call. */
  private async purgeIfDue(now: Date): Promise<void> {
    if (this.lastPurgeAt !== null && now.getTime() - this.lastPurgeAt < this.purgeEveryMs) return;
    const previous = this.lastPurgeAt;
    this.lastPurgeAt = now.getTime();
    try {
      await this.purgeOlderThan(new Date(now.getTime() - this.retentionMs));
    } catch (err) {
      this.lastPurgeAt = previous;
      this.options.logger?.warn({ err }, "could not purge expired processed event ids");
    }
  }
}
