import type { AppLogger } from "../ops/logger.js";
import type { PlatformHealth, PlatformStatus } from "../ops/platform-health.js";

/**
 * Keeps one platform's client connected: when it fails (its gateway closed for good, or
 * something it did escaped to the process), the client is thrown away and a new one connects,
 * after a delay that doubles with each failure in a row. Rebuilding rather than patching the old
 * one means no half-updated cache survives; the delay keeps a failure that repeats from turning
 * into a reconnect storm (Discord allows 1000 logins a day).
 */

export interface Connection {
  /** Stops taking work, lets started replies finish, disconnects. */
  close(): Promise<void>;
}

export interface RestartBackoff {
  /** Wait before the first restart after a healthy period. */
  firstMs: number;
  maxMs: number;
  /** Connected this long without a failure, the next failure starts from `firstMs` again. */
  stableMs: number;
}

export const DEFAULT_RESTART_BACKOFF: RestartBackoff = {
  firstMs: 1_000,
  maxMs: 5 * 60_000,
  stableMs: 10 * 60_000,
};

export interface SupervisorOptions<C extends Connection> {
  name: string;
  /** Builds and connects a new client; `fault` is how that client reports its own failure. */
  connect(fault: (reason: string, error?: unknown) => void): Promise<C>;
  logger: AppLogger;
  backoff?: RestartBackoff;
  onRestart?(): void;
  now?: () => number;
}

export interface PlatformSupervisor<C extends Connection> {
  /** First connection; rejects as the platform's start would (bad token, unreachable). */
  start(): Promise<void>;
  /** Rebuilds the client (unless a rebuild is already under way or we are stopping). */
  fault(reason: string, error?: unknown): void;
  stop(): Promise<void>;
  current(): C | null;
  health(): PlatformHealth;
  /** Resolves once no restart is pending (tests and shutdown). */
  settled(): Promise<void>;
}

export function createPlatformSupervisor<C extends Connection>(
  options: SupervisorOptions<C>,
): PlatformSupervisor<C> {
  const { logger } = options;
  const backoff = options.backoff ?? DEFAULT_RESTART_BACKOFF;
  const now = options.now ?? Date.now;
  let connection: C | null = null;
  let status: PlatformStatus = "starting";
  let restarts = 0;
  let failuresInARow = 0;
  let connectedAt = 0;
  let lastFailure: PlatformHealth["lastFailure"];
  let restarting: Promise<void> | null = null;
  let stopping = false;
  let wake: (() => void) | null = null;
  let connectionGeneration = 0;

  /** A client reports only its own failures: a late one from a client already replaced is ignored. */
  const faultFrom =
    (generation: number) =>
    (reason: string, error?: unknown): void => {
      if (generation === connectionGeneration) supervisor.fault(reason, error);
    };

  async function connectOnce(): Promise<void> {
    const generation = ++connectionGeneration;
    connection = await options.connect(faultFrom(generation));
    connectedAt = now();
    status = "ready";
  }

  function delayFor(attempt: number): number {
    const base = Math.min(backoff.maxMs, backoff.firstMs * 2 ** attempt);
    // ±20% jitter, so replicas that failed together do not all log in at once.
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  async function restart(): Promise<void> {
    const failed = connection;
    connection = null;
    connectionGeneration++;
    await failed
      ?.close()
      .catch((err: unknown) => logger.warn({ err }, `closing the failed ${options.name} client failed`));
    while (!stopping) {
      const ms = delayFor(failuresInARow);
      failuresInARow++;
      logger.warn(
        { platform: options.name, inMs: ms, attempt: failuresInARow },
        "restarting the platform client",
      );
      await sleep(ms);
      if (stopping) return;
      try {
        await connectOnce();
        restarts++;
        options.onRestart?.();
        logger.info({ platform: options.name, restarts }, "platform client restarted");
        return;
      } catch (err) {
        logger.error(
          { err, platform: options.name },
          "restarting the platform client failed; will try again",
        );
      }
    }
  }

  const supervisor: PlatformSupervisor<C> = {
    async start() {
      await connectOnce();
    },
    fault(reason, error) {
      if (stopping || restarting) return;
      lastFailure = { at: new Date(now()).toISOString(), reason };
      logger.error({ err: error, platform: options.name, reason }, "platform client failed");
      if (status === "ready" && now() - connectedAt >= backoff.stableMs) failuresInARow = 0;
      status = "restarting";
      restarting = restart().finally(() => {
        restarting = null;
        if (stopping) status = "stopped";
      });
    },
    async stop() {
      stopping = true;
      wake?.();
      await restarting;
      const open = connection;
      connection = null;
      await open?.close();
      status = "stopped";
    },
    current: () => connection,
    health: () => ({ status, restarts, ...(lastFailure ? { lastFailure } : {}) }),
    async settled() {
      await restarting;
    },
  };
  return supervisor;
}
