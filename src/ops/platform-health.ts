/**
 * How one platform connection is doing, as /healthz reports it. A leaf file: adapters write it,
 * the health route reads it, neither imports the other.
 */
export type PlatformStatus = "starting" | "ready" | "restarting" | "stopped";

export interface PlatformHealth {
  status: PlatformStatus;
  /** Times the platform's client was rebuilt after a failure since the process started. */
  restarts: number;
  /** The last failure that made us rebuild it, when there was one. */
  lastFailure?: { at: string; reason: string };
}
