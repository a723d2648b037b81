// A Bolt/@slack/logger-compatible logger that stays silent but keeps error and warn lines, so a
// test can assert that nothing failed quietly inside Bolt (handler errors are only logged).

import { type Logger, LogLevel } from "@slack/bolt";

export interface RecordingLogger extends Logger {
  readonly errors: unknown[][];
  readonly warnings: unknown[][];
}

export function recordingLogger(): RecordingLogger {
  const errors: unknown[][] = [];
  const warnings: unknown[][] = [];
  let level = LogLevel.ERROR;
  return {
    errors,
    warnings,
    debug: () => {},
    info: () => {},
    warn: (...msg: unknown[]) => {
      warnings.push(msg);
    },
    error: (...msg: unknown[]) => {
      errors.push(msg);
    },
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
