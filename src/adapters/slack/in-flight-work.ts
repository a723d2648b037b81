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

export function createInFlightWork(): InFlightWork {
  const pending = new Set<Promise<unknown>>();
  return {
    run(task) {
      const running = task();
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
