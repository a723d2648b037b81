import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { AppLogger } from "../../ops/logger.js";
import { summarizeSlackError } from "./slack-errors.js";

/**
 * Bolt, its WebClient and the Socket Mode client log through this, into our pino logger (which
 * scrubs secrets). pino's level decides what is written, so Bolt's setLevel is ignored. Bolt's
 * "info" is connection chatter ("Now connected to Slack"), kept at debug so our info log stays
 * about datadesk.
 */
export function boltLogger(logger: AppLogger): BoltLogger {
  const child = logger.child({ component: "slack-bolt" });

  function write(level: "debug" | "warn" | "error", parts: unknown[]): void {
    const errors = parts.filter((part): part is Error => part instanceof Error);
    const text = parts
      .filter((part) => !(part instanceof Error))
      .map((part) => (typeof part === "string" ? part : safeJson(part)))
      .join(" ");
    const first = errors[0];
    child[level](first ? { err: summarizeSlackError(first) } : {}, text || first?.message || "");
  }

  return {
    debug: (...msg: unknown[]) => write("debug", msg),
    info: (...msg: unknown[]) => write("debug", msg),
    warn: (...msg: unknown[]) => write("warn", msg),
    error: (...msg: unknown[]) => write("error", msg),
    setLevel: () => {},
    getLevel: () => levelOf(child.level),
    setName: () => {},
  };
}

function levelOf(pinoLevel: string): LogLevel {
  switch (pinoLevel) {
    case "trace":
    case "debug":
      return LogLevel.DEBUG;
    case "info":
      return LogLevel.INFO;
    case "warn":
      return LogLevel.WARN;
    default:
      return LogLevel.ERROR;
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 1000) ?? String(value);
  } catch {
    return String(value);
  }
}
