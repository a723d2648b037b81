import { isDueForResync } from "../core/catalog/resync-schedule.js";
import { type SyncCatalogDeps, syncCatalogSourceReporting } from "../core/catalog/sync-catalog.js";
import type { CatalogSyncSummary } from "../core/ports/catalog-store.js";
import type { Logger } from "../core/ports/logger.js";
import type { ScheduledJob } from "../core/shared/scheduled-job.js";

export interface CatalogResyncJobOptions {
  /** Interval for sources without their own (DATADESK_CATALOG_SYNC_MINUTES); 0 = on demand only. */
  defaultIntervalMinutes: number;
  /** How often to look for due sources. */
  checkEveryMs?: number;
  /** Called after a sync that added or updated datasets (access requests for datasets made public close). */
  afterChange?: (communityId: string, now: Date) => Promise<unknown>;
  /** Called after every successful sync with its summary (watchers and champions are told). */
  afterSync?: (communityId: string, summary: CatalogSyncSummary) => Promise<unknown>;
}

/**
 * Keeps imported catalogs current: on each run, resyncs every source (of every community) whose
 * interval has elapsed since its last attempt. Sources are synced one after another, so a
 * resync never competes with itself for the database, and one source failing (portal down,
 * file moved) is logged and does not hold back the others.
 */
export function catalogResyncJob(
  deps: SyncCatalogDeps & { logger: Logger },
  options: CatalogResyncJobOptions,
): ScheduledJob {
  return {
    name: "catalog-resync",
    everyMs: options.checkEveryMs ?? 60_000,
    async run(now) {
      const sources = await deps.catalogs.listSources();
      const due = sources.filter((source) => isDueForResync(source, now, options.defaultIntervalMinutes));
      for (const source of due) {
        const where = { source: source.name, communityId: source.communityId };
        try {
          const result = await syncCatalogSourceReporting(deps, source);
          if (result.ok) {
            const { added, updated, removed, unchanged, skipped } = result.summary;
            deps.logger.info({ ...where, added, updated, removed, unchanged, skipped }, "catalog resynced");
            if (added + updated > 0) await options.afterChange?.(source.communityId, now);
            await options.afterSync?.(source.communityId, result.summary);
          } else {
            deps.logger.warn(
              { ...where, code: result.error.code, ...result.error.params },
              "catalog resync failed",
            );
          }
        } catch (err) {
          deps.logger.error({ ...where, err }, "catalog resync failed unexpectedly");
        }
      }
    },
  };
}
