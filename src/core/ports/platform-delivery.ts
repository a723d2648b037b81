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
