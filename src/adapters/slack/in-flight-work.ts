/**
 * Replies still being worked on. Slack is acknowledged before we answer (its 3-second rule), so
 * stopping the receiver does not wait for answers: this does, so a deploy does not swallow the
 * replies people were promised.
 */
export interface InFlightWork {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Resolves true once nothing is in flight, false if `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
}

/**
 * At most this many replies are worked on at once; the rest wait their turn. Acks are cheap and
 * answers are not (database, rendering): with no cap, a burst starts every answer at once, they
 * all compete for the one event loop (and, on PGlite, the database that runs on it), and new
 * acks queue behind them past Slack's 3 seconds. Measured in bench/slack-load.ts: at 200 req/s on
 * PGlite, uncapped acks reached p50 6.9 s; capped at 4, p50 11 ms, none lost (16 was worse, 1 no
 * better).
 */
export const DEFAULT_REPLY_CONCURRENCY = 4;

export function createInFlightWork(concurrency = DEFAULT_REPLY_CONCURRENCY): InFlightWork {
  const pending = new Set<Promise<unknown>>();
  let active = 0;
  const waiting: Array<() => void> = [];
  const turn = async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
  return {
    run(task) {
      const running = turn(task);
      const tracked = running.then(
        () => undefined,
        () => undefined,
      );
      pending.add(tracked);
      void tracked.then(() => pending.delete(tracked));
      return running;
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      try {
        // Work can start while we wait (a request that was already being read), so loop.
        while (pending.size > 0) {
          const settled = await Promise.race([Promise.all([...pending]).then(() => true as const), timedOut]);
          if (!settled) return false;
        }
        return true;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
