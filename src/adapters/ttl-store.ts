/**
 * A small in-memory map whose entries expire, bounded so a flood of requests cannot grow it
 * without limit (the oldest entries go first). What it holds is a convenience that may be lost
 * (a restart, another process): callers must cope with a miss.
 */
export class TtlStore<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly options: { ttlMs: number; maxEntries: number; now?: () => number }) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  set(key: string, value: V): void {
    const now = this.now();
    // One TTL for all, so insertion order is expiry order: the expired ones are at the front.
    for (const [k, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(k);
    }
    this.entries.delete(key);
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: now + this.options.ttlMs });
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  get size(): number {
    return this.entries.size;
  }
}
