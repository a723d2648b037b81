import type { Platform } from "../shared/platform.js";

/** How long an event id is remembered: Slack retries within minutes, gateway replays within seconds. */
export const PROCESSED_EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;
/** How often a store may purge expired ids on its own, so the table never grows without bound. */
export const PROCESSED_EVENT_PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Platform events we already handled. It exists because platforms deliver some events more than
 * once (Slack retries an event it thinks we missed, Discord replays messages after a gateway
 * RESUME) and a person must get one answer, not two. `firstTime` records the id atomically: of
 * any number of concurrent callers with the same id, in one process or in several sharing one
 * database, exactly one gets true. Ids are forgotten after a while (`purgeOlderThan`, which
 * implementations also run by themselves now and then), long after any platform stops retrying.
 */
export interface ProcessedEvents {
  /** Records the event; true only for the first caller with this platform and id. */
  firstTime(platform: Platform, eventId: string): Promise<boolean>;
  /** Forgets ids recorded before `cutoff`; answers how many were forgotten. */
  purgeOlderThan(cutoff: Date): Promise<number>;
}
