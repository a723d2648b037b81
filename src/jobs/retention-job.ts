import type { AccessDeps } from "../core/access/access-deps.js";
import { purgeClosedRequests, type RetentionSettings } from "../core/access/purge-closed-requests.js";
import type { Logger } from "../core/ports/logger.js";
import type { ScheduledJob } from "./scheduler.js";

/**
 * Retention, once a day (and once at start, as every job): closed access requests older than the
 * configured period lose their personal data. Each request is purged at most once (the store
 * checks it is not purged yet), so two machines or a rerun purge nothing twice; a failing run is
 * logged and the next day's run picks up what is left.
 */
export function retentionJob(
  deps: Pick<AccessDeps, "accessRequests" | "accessUnitOfWork"> & { logger: Logger },
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
    },
  };
}
