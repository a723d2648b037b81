import type { AccessDeps } from "../core/access/access-deps.js";
import { purgeClosedRequests, type RetentionSettings } from "../core/access/purge-closed-requests.js";
import type { Logger } from "../core/ports/logger.js";
import type { WatchStore } from "../core/ports/watch-store.js";
import type { ScheduledJob } from "../core/shared/scheduled-job.js";

/**
 * Retention, once a day (and once at start, as every job): closed access requests older than the
 * configured period lose their personal data, and watch notices (who was told of which change)
 * older than it are deleted. Each request is purged at most once (the store checks it is not
 * purged yet), so two machines or a rerun purge nothing twice; a failing run is logged and the
 * next day's run picks up what is left. The watches themselves stay: a person removes their own.
 */
export function retentionJob(
  deps: Pick<AccessDeps, "accessRequests" | "accessUnitOfWork"> & {
    watches: Pick<WatchStore, "purgeNoticesBefore">;
    logger: Logger;
  },
  settings: RetentionSettings,
  options: { everyMs?: number } = {},
): ScheduledJob {
  return {
    name: "retention",
    everyMs: options.everyMs ?? 24 * 60 * 60_000,
    async run(now) {
      if (settings.days <= 0) return;
      try {
        const { purged } = await purgeClosedRequests(deps, now, settings);
        if (purged > 0) deps.logger.info({ purged, days: settings.days }, "closed access requests purged");
      } catch (err) {
        deps.logger.error({ err }, "retention failed");
      }
      // Apart from the requests, so that one failing does not keep the other's data longer.
      try {
        const before = new Date(now.getTime() - settings.days * 24 * 60 * 60_000);
        const notices = await deps.watches.purgeNoticesBefore(before);
        if (notices > 0) deps.logger.info({ notices, days: settings.days }, "old watch notices deleted");
      } catch (err) {
        deps.logger.error({ err }, "retention of watch notices failed");
      }
    },
  };
}
