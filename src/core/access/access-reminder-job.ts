import type { Logger } from "../ports/logger.js";
import type { ScheduledJob } from "../shared/scheduled-job.js";
import type { AccessJobDeps } from "./access-deps.js";
import { runAccessReminders } from "./access-sla.js";
import type { AccessSlaSettings } from "./access-sla-settings.js";
import { resolveRequestsForPublicDatasets } from "./resolve-public-datasets.js";

/**
 * Access requests' clock: reminders, escalations, still-waiting notes, expiry notices and expired
 * grants. Each fires once (the store's once-only marks and compare-and-set), so running every few
 * minutes, or on two machines, sends nothing twice; a run that fails is logged and the next one
 * picks up where it stopped.
 */
export function accessReminderJob(
  deps: AccessJobDeps & { logger: Logger },
  settings: AccessSlaSettings,
  options: { everyMs?: number } = {},
): ScheduledJob {
  return {
    name: "access-reminders",
    everyMs: options.everyMs ?? 5 * 60_000,
    async run(now) {
      try {
        const run = await runAccessReminders(deps, now, settings);
        if (Object.values(run).some((count) => count > 0))
          deps.logger.info({ ...run }, "access reminders ran");
      } catch (err) {
        deps.logger.error({ err }, "access reminders failed");
      }
    },
  };
}

/**
 * After a catalog sync of `communityId` that added or updated datasets: open requests whose
 * dataset is now public close with a note. The sync summary carries counts, not ids, so this
 * passes the datasets of every open request of the community; resolveRequestsForPublicDatasets
 * checks each dataset again, so the extra ids are harmless. Never throws: a failure is logged and
 * the next sync tries again.
 */
export async function resolveAccessAfterSync(
  deps: AccessJobDeps & { logger: Logger },
  communityId: string,
  now: Date,
): Promise<number> {
  try {
    const open = await deps.accessRequests.list({
      communityId,
      statuses: ["pending", "needs_info"],
      limit: 1000,
    });
    const datasetIds = [...new Set(open.map((request) => request.dataset.id))];
    const closed = await resolveRequestsForPublicDatasets(deps, communityId, datasetIds, now);
    if (closed > 0)
      deps.logger.info({ communityId, closed }, "access requests closed: datasets became public");
    return closed;
  } catch (err) {
    deps.logger.error({ err, communityId }, "closing access requests for public datasets failed");
    return 0;
  }
}
