import type { ChannelAccessChecker } from "../core/ports/channel-access.js";
import type { PlatformDelivery } from "../core/ports/platform-delivery.js";
import type { PlatformHealth } from "../ops/platform-health.js";

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
  /** Whether the bot is in a channel, for setup's warnings; absent on the console. */
  readonly channelAccess?: ChannelAccessChecker;
  /** How the connection is doing, for /healthz; absent on the console. */
  health?(): PlatformHealth;
  /**
   * Something this platform's code did failed outside any request (an error that reached the
   * process): the adapter decides what to do (the Discord adapter rebuilds its client).
   */
  fault?(reason: string, error?: unknown): void;
}
