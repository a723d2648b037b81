import { type DigestDeliveryDeps, runDigests } from "../core/digest/digest-delivery.js";
import type { ScheduledJob } from "../core/shared/scheduled-job.js";

/**
 * The weekly digests' clock. Each community's digest becomes due at its own weekday and hour
 * (its timezone); looking every few minutes sends it within minutes of that, and a bot that was
 * down sends it when it is back. Every run on every replica may look: each target's digest for a
 * week is claimed once, so nothing goes out twice.
 */
export function digestJob(deps: DigestDeliveryDeps, options: { everyMs?: number } = {}): ScheduledJob {
  return {
    name: "weekly-digests",
    everyMs: options.everyMs ?? 5 * 60_000,
    async run(now) {
      try {
        const run = await runDigests(deps, now);
        if (run.sent + run.skipped + run.failed > 0) deps.logger.info({ ...run }, "weekly digests ran");
      } catch (err) {
        deps.logger.error({ err }, "weekly digests failed");
      }
    },
  };
}
