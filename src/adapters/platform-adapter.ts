/** A running connection to one chat platform (or the local console). */
export interface PlatformAdapter {
  readonly name: "slack" | "discord" | "console";
  start(): Promise<void>;
  /** Stops taking new work and waits for in-flight replies, then disconnects. */
  stop(): Promise<void>;
}
