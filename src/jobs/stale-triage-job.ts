import type { Logger } from "../core/ports/logger.js";
import { remindStaleProblems, type StaleTriageDeps } from "../core/problems/stale-triage.js";
import type { ScheduledJob } from "../core/shared/scheduled-job.js";

/**
 * Problems nobody triaged: looked for every 15 minutes (windows are business days, so minutes
 * late is on time). Each problem is raised once whichever replica runs it; a failed run is logged
 * and the next one picks up where it stopped.
 */
export function staleTriageJob(
  deps: StaleTriageDeps & { logger: Logger },
  options: { everyMs?: number } = {},
): ScheduledJob {
  return {
    name: "stale-triage",
    everyMs: options.everyMs ?? 15 * 60_000,
    async run(now) {
      try {
        const { reminded } = await remindStaleProblems(deps, now);
        if (reminded > 0) deps.logger.info({ reminded }, "stale problems raised to triage");
      } catch (err) {
        deps.logger.error({ err }, "stale triage reminders failed");
      }
    },
  };
}
