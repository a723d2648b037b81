import type { PlatformDelivery } from "../core/ports/platform-delivery.js";

/** A running connection to one chat platform (or the local console). */
export interface PlatformAdapter {
  readonly name: "slack" | "discord" | "console";
  start(): Promise<void>;
  /** Stops taking new work and waits for in-flight replies, then disconnects. */
  stop(): Promise<void>;
  /**
   * How the outbox sends messages on this platform; usable once start() resolved. Absent on the
   * console, which has nobody to notify.
   */
  readonly delivery?: PlatformDelivery;
}
