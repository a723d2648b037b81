import type { Clock } from "../ports/clock.js";

export interface WriteRateLimit {
  /** Writes one person may make at once after a quiet spell. */
  burst: number;
  /** Writes per minute a person may keep up. */
  perMinute: number;
}

/** Generous for people (a champion triaging fast clicks a few buttons a minute), tight for scripts. */
export const defaultWriteRateLimit: WriteRateLimit = { burst: 15, perMinute: 30 };

/**
 * Per-person token buckets for writes (button presses and form submissions): a flood from one
 * account (a stuck client, a script replaying payloads) is refused with a friendly "slow down"
 * before it reaches the stores, while everyone else is served. Kept in memory: each replica
 * limits what it receives, which is what protects it.
 */
export class WriteRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: WriteRateLimit = defaultWriteRateLimit,
    private readonly maxPeople = 10_000,
  ) {}

  /** Takes one write for `personId`; false when they must wait. */
  take(personId: string): boolean {
    const now = this.clock.now().getTime();
    const refillPerMs = this.limit.perMinute / 60_000;
    const bucket = this.buckets.get(personId) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + Math.max(0, now - bucket.at) * refillPerMs);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.delete(personId);
    this.buckets.set(personId, bucket);
    // Forget the longest-idle people first, so memory stays bounded.
    if (this.buckets.size > this.maxPeople) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return allowed;
  }
}
