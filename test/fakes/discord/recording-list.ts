/**
 * An append-only list of observations (REST calls, gateway frames, interaction callbacks) that tests
 * can await. Waiting checks what was already recorded first, so a test never races the bot: it does
 * not matter whether the bot's request arrived before or after the test started waiting.
 */
export class RecordingList<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<{
    predicate: (item: T) => boolean;
    resolve: (item: T) => void;
    reject: (error: Error) => void;
    timer: NodeJS.Timeout;
  }>();

  constructor(private readonly label: string) {}

  push(item: T): void {
    this.items.push(item);
    for (const waiter of [...this.waiters]) {
      if (!waiter.predicate(item)) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve(item);
    }
  }

  /** Resolves with the first recorded (or future) item matching `predicate`; rejects after timeoutMs. */
  waitFor(predicate: (item: T) => boolean, timeoutMs = 5_000, describe?: (items: T[]) => string): Promise<T> {
    const existing = this.items.find(predicate);
    if (existing !== undefined) return Promise.resolve(existing);
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          const seen = describe ? `\n${describe(this.items)}` : "";
          reject(new Error(`fake-discord: no matching ${this.label} within ${timeoutMs}ms.${seen}`));
        }, timeoutMs),
      };
      // A forgotten waiter must never keep the test process alive.
      waiter.timer.unref();
      this.waiters.add(waiter);
    });
  }

  /** Fails every pending waiter, e.g. when the fake is closed under a test that is still waiting. */
  rejectAll(reason: string): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`fake-discord: ${reason} while waiting for ${this.label}`));
    }
    this.waiters.clear();
  }
}
