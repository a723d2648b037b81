import { createOutboxWorker, type DrainResult, type OutboxWorkerOptions } from "./outbox-worker.js";
import { createScheduler } from "./scheduler.js";

export interface OutboxRunner {
  /** One drain now, after any drain in flight (drains never overlap in this process). */
  drain(): Promise<DrainResult>;
  /** Drains every `everyMs` until stopped. */
  start(): void;
  /** No new drains; resolves once the one in flight (if any) finished. */
  stop(): Promise<void>;
}

export interface OutboxRunnerOptions extends OutboxWorkerOptions {
  /** Time between the starts of two background drains. */
  everyMs: number;
}

/**
 * The outbox worker on a timer: drains periodically through the scheduler (a failing drain is
 * logged, never thrown) and on demand (tests, admin commands), one drain at a time.
 */
export function createOutboxRunner(options: OutboxRunnerOptions): OutboxRunner {
  const worker = createOutboxWorker(options);
  let tail: Promise<unknown> = Promise.resolve();
  let stopped = false;

  function drain(): Promise<DrainResult> {
    if (stopped) return Promise.resolve({ sent: 0, retried: 0, dead: 0 });
    const run = tail.then(() => worker.drain());
    tail = run.catch(() => undefined);
    return run;
  }

  const scheduler = createScheduler({
    clock: options.clock,
    logger: options.logger,
    tickMs: options.everyMs,
    jobs: [
      {
        name: "outbox-delivery",
        everyMs: options.everyMs,
        run: async () => {
          const result = await drain();
          if (result.sent + result.retried + result.dead > 0)
            options.logger.info({ ...result }, "outbox drained");
        },
      },
    ],
  });

  return {
    drain,
    start: () => scheduler.start(),
    async stop() {
      stopped = true;
      await scheduler.stop();
      await tail;
    },
  };
}
