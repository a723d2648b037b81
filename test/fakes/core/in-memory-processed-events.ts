import type { Clock } from "../../../src/core/ports/clock.js";
import {
  PROCESSED_EVENT_PURGE_EVERY_MS,
  PROCESSED_EVENT_RETENTION_MS,
  type ProcessedEvents,
} from "../../../src/core/ports/processed-events.js";
import type { Platform } from "../../../src/core/shared/platform.js";
import { FakeClock } from "./fake-clock.js";

/**
 * An in-memory ProcessedEvents with the SQL store's behaviour (first caller wins, hourly
 * opportunistic purge of ids older than the retention), checked by the same contract test.
 */
export class InMemoryProcessedEvents implements ProcessedEvents {
  /** `platform:eventId` → when it was first seen. */
  readonly seen = new Map<string, Date>();
  private lastPurgeAt: number | null = null;

  constructor(private readonly clock: Clock = new FakeClock()) {}

  async firstTime(platform: Platform, eventId: string): Promise<boolean> {
    const now = this.clock.now();
    const key = `${platform}:${eventId}`;
    const first = !this.seen.has(key);
    if (first) this.seen.set(key, now);
    if (this.lastPurgeAt === null || now.getTime() - this.lastPurgeAt >= PROCESSED_EVENT_PURGE_EVERY_MS) {
      this.lastPurgeAt = now.getTime();
      await this.purgeOlderThan(new Date(now.getTime() - PROCESSED_EVENT_RETENTION_MS));
    }
    return first;
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    let purged = 0;
    for (const [key, at] of this.seen) {
      if (at < cutoff) {
        this.seen.delete(key);
        purged++;
      }
    }
    return purged;
  }
}
