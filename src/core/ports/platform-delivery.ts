import type { Card } from "../shared/card.js";
import type { Platform } from "../shared/platform.js";
import type { DeliveryTarget } from "./outbox.js";

/**
 * Sends one card to a channel or a person on one platform. Each adapter implements it; the
 * outbox worker calls it. It exists so delivery policy (retries, backoff, dead letters) lives in
 * one place and adapters only translate.
 */
export interface PlatformDelivery {
  readonly platform: Platform;
  /** `idempotencyKey` lets platforms that support it (Discord nonces) drop a repeated send. */
  deliver(target: DeliveryTarget, card: Card, idempotencyKey: string): Promise<void>;
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
