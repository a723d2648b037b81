import type { Clock } from "../core/ports/clock.js";
import type { Logger } from "../core/ports/logger.js";
import { DeliveryFailure, type PlatformDelivery, type PostedRef } from "../core/ports/platform-delivery.js";
import type { Platform } from "../core/shared/platform.js";
import type { ClaimedMessage, OutboxQueue } from "../store/outbox/outbox-queue.js";

export interface OutboxWorkerOptions {
  queue: OutboxQueue;
  deliveries: readonly PlatformDelivery[];
  clock: Clock;
  logger: Logger;
  /** Attempts before a message becomes a dead letter. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt, capped, with ±50 % jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a claim is exclusive; a worker that dies hands its claims back after this. */
  leaseMs?: number;
  batchSize?: number;
  /** Source of randomness for jitter (tests pin it). */
  random?: () => number;
  /** Called once per handled message (metrics); "unknown" for rows too broken to tell. */
  onOutcome?: (platform: Platform | "unknown", outcome: keyof DrainResult) => void;
}

export interface DrainResult {
  sent: number;
  retried: number;
  dead: number;
}

/**
 * Delivers the outbox: claims due messages, hands each to its platform's delivery, and decides
 * what a failure means — wait as long as a 429 asks, back off with jitter on other transient
 * errors, give up into a dead letter on permanent errors or after `maxAttempts`.
 */
export function createOutboxWorker(options: OutboxWorkerOptions) {
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 2_000;
  const maxDelayMs = options.maxDelayMs ?? 15 * 60_000;
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 50;
  const random = options.random ?? Math.random;
  const byPlatform = new Map<Platform, PlatformDelivery>(options.deliveries.map((d) => [d.platform, d]));

  function backoffMs(attempts: number): number {
    const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
    return Math.round(exponential * (0.5 + random()));
  }

  /**
   * Platforms that answered 429 during this drain, until when. The rest of the batch for that
   * platform is handed back unsent: hammering a rate-limited API only earns more 429s, and each
   * would otherwise count as a failed attempt until good messages were dead-lettered.
   */
  const pausedUntil = new Map<Platform, number>();

  async function deliverOne(message: ClaimedMessage): Promise<keyof DrainResult> {
    const { queue, clock, logger } = options;
    const delivery = byPlatform.get(message.platform);
    const paused = pausedUntil.get(message.platform);
    if (paused !== undefined && paused > clock.now().getTime()) {
      await queue.retryLater(message.id, new Date(paused), `${message.platform} asked us to wait`, {
        refundAttempt: true,
      });
      return "retried";
    }
    if (!delivery) {
      // The platform is not running in this process: leave it for a process that runs it.
      await queue.retryLater(
        message.id,
        new Date(clock.now().getTime() + leaseMs),
        `no ${message.platform} adapter running`,
      );
      return "retried";
    }
    try {
      await send(delivery, message);
      await queue.markSent(message.id, clock.now());
      return "sent";
    } catch (error) {
      const failure = error instanceof DeliveryFailure ? error : null;
      const reason = error instanceof Error ? error.message : String(error);
      if (failure && !failure.permanent && failure.retryAfterMs !== null) {
        // Rate limited: not the message's fault. Wait as asked, without using up an attempt.
        const until = clock.now().getTime() + failure.retryAfterMs;
        pausedUntil.set(message.platform, until);
        logger.warn(
          { outboxId: message.id, waitMs: failure.retryAfterMs, reason },
          "outbox delivery rate limited; waiting",
        );
        await queue.retryLater(message.id, new Date(until), reason, { refundAttempt: true });
        return "retried";
      }
      if (failure?.permanent || message.attempts >= maxAttempts) {
        logger.error(
          { outboxId: message.id, dedupeKey: message.dedupeKey, attempts: message.attempts, reason },
          "outbox message dead-lettered",
        );
        await queue.markDead(message.id, reason);
        return "dead";
      }
      const waitMs = failure?.retryAfterMs ?? backoffMs(message.attempts);
      logger.warn(
        { outboxId: message.id, attempts: message.attempts, waitMs, reason },
        "outbox delivery failed; will retry",
      );
      await queue.retryLater(message.id, new Date(clock.now().getTime() + waitMs), reason);
      return "retried";
    }
  }

  /**
   * A post goes out (and, when anchored, where it landed is remembered; when it opens a
   * problem's thread, where the thread is); an edit or a removal of an anchored post waits until
   * the post exists and is skipped when the post already shows a newer card.
   */
  async function send(delivery: PlatformDelivery, message: ClaimedMessage): Promise<void> {
    const { queue, clock } = options;
    const { target, anchor } = message;
    if (target.kind !== "anchor" && target.kind !== "removal") {
      const ref = await delivery.deliver(target, message.card, message.dedupeKey);
      if (anchor)
        await queue.posted().recordPost(message.platform, anchor.key, ref, anchor.version, clock.now());
      if (target.kind === "channel" && target.thread) await openThread(delivery, message, ref, target.thread);
      return;
    }
    if (!anchor) throw new DeliveryFailure("an edit of an anchored post carries no version", true);
    await queue.withAnchor(message.platform, target.key, async (posted) => {
      const current = await posted.find(message.platform, target.key);
      // The post may still be waiting in the outbox: a transient failure, retried with backoff.
      if (!current) throw new DeliveryFailure(`anchored post ${target.key} is not delivered yet`, false);
      if (current.version >= anchor.version) {
        options.logger.debug(
          { outboxId: message.id, anchor: target.key, shown: current.version, version: anchor.version },
          "skipped an edit older than the card shown",
        );
        return;
      }
      if (target.kind === "removal") {
        if (!delivery.remove) throw new DeliveryFailure(`${message.platform} cannot delete messages`, true);
        await delivery.remove(current.ref);
      } else await delivery.update(current.ref, message.card);
      await posted.recordEdit(message.platform, target.key, anchor.version, clock.now());
    });
  }

  /**
   * The card is out, so this never fails the message (a retry would post the card twice): a
   * thread that could not be opened is logged, and replies to it are dead-lettered by the
   * platform. Where it is is recorded first, since a person may open it by hand.
   */
  async function openThread(
    delivery: PlatformDelivery,
    message: ClaimedMessage,
    ref: PostedRef,
    thread: { problemId: string; name: string },
  ): Promise<void> {
    if (!delivery.openThread) return;
    try {
      const threadId = await delivery.openThread(ref, thread.name);
      await options.queue.recordThread(
        thread.problemId,
        message.platform,
        ref,
        threadId,
        options.clock.now(),
      );
    } catch (error) {
      options.logger.warn(
        { outboxId: message.id, err: error instanceof Error ? error.message : String(error) },
        "could not open a problem's thread",
      );
    }
  }

  /** One pass: deliver every message due now (in batches), return what happened. */
  async function drain(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, retried: 0, dead: 0 };
    for (;;) {
      const claimed = await options.queue.claimDue(options.clock.now(), batchSize, leaseMs);
      if (claimed.length === 0) return result;
      for (const item of claimed) {
        if (!item.ok) {
          await options.queue.markDead(item.id, `unreadable outbox row: ${item.problem}`);
          result.dead += 1;
          options.onOutcome?.("unknown", "dead");
          continue;
        }
        const outcome = await deliverOne(item.message);
        result[outcome] += 1;
        options.onOutcome?.(item.message.platform, outcome);
      }
      if (claimed.length < batchSize) return result;
    }
  }

  return { drain, backoffMs };
}
