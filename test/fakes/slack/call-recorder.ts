// An append-only list of things the fake observed plus "wait until something matching shows up".
// Waiting also scans what was already recorded: Bolt often finishes its Web API call before the
// test gets around to awaiting it, and a wait-for-future-only API would make those tests racy.

interface Waiter<T> {
  matches: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class CallRecorder<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();

  record(item: T): void {
    this.items.push(item);
    for (const waiter of [...this.waiters]) {
      if (waiter.matches(item)) {
        this.settle(waiter);
        waiter.resolve(item);
      }
    }
  }

  waitFor(matches: (item: T) => boolean, timeoutMs: number, describe: () => string): Promise<T> {
    const existing = this.items.find(matches);
    if (existing !== undefined) return Promise.resolve(existing);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        matches,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.settle(waiter);
          reject(new Error(`Timed out after ${timeoutMs}ms waiting for ${describe()}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Fails every pending wait, so a closing fake never leaves a test hanging until its timeout. */
  rejectAll(reason: string): void {
    for (const waiter of [...this.waiters]) {
      this.settle(waiter);
      waiter.reject(new Error(reason));
    }
  }

  clear(): void {
    this.items.length = 0;
  }

  private settle(waiter: Waiter<T>): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
  }
}
