import type { Card } from "../shared/card.js";
import type { Platform } from "../shared/platform.js";
import type { PostTarget } from "./outbox.js";

/** Where a delivered message landed, so it can be edited later. */
export interface PostedRef {
  /** The channel the message is in (for a DM, the DM channel the platform opened). */
  channelId: string;
  /** Slack message ts, Discord message id. */
  messageId: string;
}

/**
 * Sends one card to a channel or a person on one platform, and edits one it sent. Each adapter
 * implements it; the outbox worker calls it. It exists so delivery policy (retries, backoff,
 * dead letters, ordering of edits) lives in one place and adapters only translate.
 */
export interface PlatformDelivery {
  readonly platform: Platform;
  /** `idempotencyKey` lets platforms that support it (Discord nonces) drop a repeated send. */
  deliver(target: PostTarget, card: Card, idempotencyKey: string): Promise<PostedRef>;
  /** Replaces the content of a message this bot posted. */
  update(ref: PostedRef, card: Card): Promise<void>;
  /**
   * Deletes a message this bot posted; one already gone counts as deleted. A platform without it
   * dead-letters removals.
   */
  remove?(ref: PostedRef): Promise<void>;
  /**
   * Opens the thread under a message this bot posted and answers the thread's id: replies are
   * then posted with a `thread` target naming it. Slack needs no call (the id is the message's
   * ts); Discord starts a thread channel on the message (its id is the message's id). Without
   * it, no thread is recorded for the post.
   */
  openThread?(ref: PostedRef, name: string): Promise<string>;
}

/** Why a delivery failed, as the worker needs to know it. */
export class DeliveryFailure extends Error {
  constructor(
    message: string,
    /** The platform will never accept this (unknown channel, user blocked the bot…). */
    readonly permanent: boolean,
    /** The platform asked us to wait this long (HTTP 429 Retry-After). */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "DeliveryFailure";
  }
}
