import { addMinutes } from "date-fns";
import type { CatalogSourceSummary } from "../ports/catalog-store.js";

/**
 * When a catalog source is next resynced. A source's own interval wins; without one it follows
 * the community default (DATADESK_CATALOG_SYNC_MINUTES). 0, on either level, means "on demand
 * only". The clock starts at the last attempt, failed or not, so a source whose portal is down
 * is retried once per interval rather than on every scheduler tick.
 */
export type ResyncSource = Pick<CatalogSourceSummary, "syncIntervalMinutes" | "lastSyncedAt" | "lastRun">;

/** Minutes between scheduled resyncs, or null when the source is resynced on demand only. */
export function resyncIntervalMinutes(source: ResyncSource, defaultMinutes: number): number | null {
  const minutes = source.syncIntervalMinutes ?? defaultMinutes;
  return minutes > 0 ? minutes : null;
}

export function lastSyncAttemptAt(source: ResyncSource): Date | null {
  const times = [source.lastSyncedAt, source.lastRun?.startedAt ?? null].filter(
    (time): time is Date => time !== null,
  );
  if (times.length === 0) return null;
  return new Date(Math.max(...times.map((time) => time.getTime())));
}

/** Null for on-demand sources; a source never attempted is due at once (the epoch). */
export function nextResyncAt(source: ResyncSource, defaultMinutes: number): Date | null {
  const minutes = resyncIntervalMinutes(source, defaultMinutes);
  if (minutes === null) return null;
  const last = lastSyncAttemptAt(source);
  return last ? addMinutes(last, minutes) : new Date(0);
}

export function isDueForResync(source: ResyncSource, now: Date, defaultMinutes: number): boolean {
  const next = nextResyncAt(source, defaultMinutes);
  return next !== null && next.getTime() <= now.getTime();
}
