import type { Logger } from "../ports/logger.js";
import type { ScheduledJob } from "../shared/scheduled-job.js";
import { type TellOverdueDeps, tellOverdueWatchers } from "./tell-overdue.js";

/**
 * Watched datasets that became overdue by their own update frequency, looked for every hour
 * (overdue is decided by the UTC day, so a new day is seen within the hour). Each spell is told
 * once whichever replica looks; a failed look is logged and the next one tells it.
 */
export function watchOverdueJob(
  deps: TellOverdueDeps & { logger: Logger },
  options: { everyMs?: number } = {},
): ScheduledJob {
  return {
    name: "watch-overdue",
    everyMs: options.everyMs ?? 60 * 60_000,
    async run() {
      try {
        const told = await tellOverdueWatchers(deps);
        if (told > 0) deps.logger.info({ told }, "watchers told of overdue datasets");
      } catch (err) {
        deps.logger.error({ err }, "telling watchers of overdue datasets failed");
      }
    },
  };
}
