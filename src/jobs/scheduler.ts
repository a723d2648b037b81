import type { Clock } from "../core/ports/clock.js";
import type { Logger } from "../core/ports/logger.js";
import type { ScheduledJob } from "../core/shared/scheduled-job.js";

/**
 * A small in-process scheduler for background jobs (catalog resync now; digests, reminders and
 * outbox delivery later). Whether a job is due is decided by the Clock port, not by timers, so
 * tests move a fake clock and call `tick()`; the timer only decides how often we look.
 * A job never overlaps itself: while a run is in flight its next due time is skipped. A failing
 * run is logged and the job runs again at its next due time: errors never escape.
 */
export interface Scheduler {
  /** Starts every due job that is not running; resolves when the runs started by this tick end. */
  tick(): Promise<void>;
  /** Looks for due jobs every `tickMs` until stopped. */
  start(): void;
  /** No new runs; resolves once the runs in flight have finished. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  clock: Clock;
  logger: Logger;
  jobs: readonly ScheduledJob[];
  /** How often to look for due jobs. */
  tickMs?: number;
}

interface JobState {
  job: ScheduledJob;
  nextRunAt: number;
  running: Promise<void> | null;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { clock, logger } = options;
  const tickMs = options.tickMs ?? 30_000;
  const startedAt = clock.now().getTime();
  // Every job is due on the first tick: a process that was down catches up at once.
  const states: JobState[] = options.jobs.map((job) => ({ job, nextRunAt: startedAt, running: null }));
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  function launch(state: JobState, now: Date): Promise<void> {
    const begun = performance.now();
    const run = (async () => {
      try {
        await state.job.run(now);
        logger.debug(
          { job: state.job.name, ms: Math.round(performance.now() - begun) },
          "scheduled job finished",
        );
      } catch (err) {
        logger.error({ err, job: state.job.name }, "scheduled job failed");
      } finally {
        state.running = null;
      }
    })();
    state.running = run;
    return run;
  }

  async function tick(): Promise<void> {
    if (stopped) return;
    const now = clock.now();
    const runs: Promise<void>[] = [];
    for (const state of states) {
      if (now.getTime() < state.nextRunAt) continue;
      if (state.running) {
        logger.debug({ job: state.job.name }, "scheduled job still running; skipping this turn");
        continue;
      }
      // Due times stay on the job's grid; after a long pause we run once, not once per missed slot.
      const missed = Math.floor((now.getTime() - state.nextRunAt) / state.job.everyMs);
      state.nextRunAt += (missed + 1) * state.job.everyMs;
      runs.push(launch(state, now));
    }
    await Promise.all(runs);
  }

  return {
    tick,
    start() {
      if (timer || stopped) return;
      timer = setInterval(() => void tick(), tickMs);
      // The scheduler alone must not keep the process alive.
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await Promise.all(states.map((state) => state.running ?? Promise.resolve()));
    },
  };
}
