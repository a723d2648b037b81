import type { AppLogger } from "./logger.js";
import type { Metrics } from "./metrics.js";

/**
 * What happens to an error nothing caught. Node's default ends the process, and with it every
 * platform: one bad Discord packet would take Slack down too. datadesk keeps its state in the
 * database and the outbox (a message is either committed there or not), so an error that escaped
 * one callback lost that callback's work and nothing else. The policy: log it, count it, tell
 * the platform whose code it came from (the Discord adapter rebuilds its client), keep serving.
 */

export type ProcessErrorKind = "uncaught" | "unhandled_rejection";

/** A platform that can be told its code failed outside any request. */
export interface FaultablePlatform {
  readonly name: string;
  fault?(reason: string, error?: unknown): void;
}

/** Stack frames that give away whose code threw: the platform's SDK or our adapter for it. */
const PLATFORM_FRAMES: Record<string, RegExp> = {
  discord: /[\\/]node_modules[\\/](?:discord\.js|@discordjs)[\\/]|[\\/]adapters[\\/]discord[\\/]/,
  slack: /[\\/]node_modules[\\/]@slack[\\/]|[\\/]adapters[\\/]slack[\\/]/,
};

/** The platform whose frames come first in the error's stack, if any. */
export function blamedPlatform(error: unknown, platforms: readonly string[]): string | null {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  let best: { name: string; at: number } | null = null;
  for (const name of platforms) {
    const at = PLATFORM_FRAMES[name]?.exec(stack)?.index;
    if (at !== undefined && (best === null || at < best.at)) best = { name, at };
  }
  return best?.name ?? null;
}

/** The part of `process` the policy uses, so tests can hand it an EventEmitter. */
export interface ProcessEvents {
  on(event: "uncaughtException", listener: (error: Error) => void): unknown;
  on(event: "unhandledRejection", listener: (reason: unknown) => void): unknown;
  off(event: "uncaughtException", listener: (error: Error) => void): unknown;
  off(event: "unhandledRejection", listener: (reason: unknown) => void): unknown;
}

export interface ProcessErrorPolicyDeps {
  logger: AppLogger;
  metrics: Pick<Metrics, "processErrors">;
  platforms: () => readonly FaultablePlatform[];
  target?: ProcessEvents;
}

/** Installs the policy; the returned function removes it (on shutdown, and between tests). */
export function installProcessErrorPolicy(deps: ProcessErrorPolicyDeps): () => void {
  const target = deps.target ?? process;
  const handle = (kind: ProcessErrorKind, error: unknown) => {
    const platforms = deps.platforms();
    const name = blamedPlatform(
      error,
      platforms.map((p) => p.name),
    );
    deps.metrics.processErrors.inc({ kind, platform: name ?? "none" });
    deps.logger.error({ err: error, kind, platform: name }, "an error escaped to the process; still running");
    const platform = name ? platforms.find((p) => p.name === name) : undefined;
    try {
      platform?.fault?.(
        `${kind === "uncaught" ? "uncaught exception" : "unhandled rejection"} in its code`,
        error,
      );
    } catch (err) {
      deps.logger.error({ err }, "the platform could not take the failure");
    }
  };
  const onUncaught = (error: Error) => handle("uncaught", error);
  const onUnhandled = (reason: unknown) => handle("unhandled_rejection", reason);
  target.on("uncaughtException", onUncaught);
  target.on("unhandledRejection", onUnhandled);
  return () => {
    target.off("uncaughtException", onUncaught);
    target.off("unhandledRejection", onUnhandled);
  };
}
