/**
 * The little logging the core does (unexpected errors, decisions worth tracing). pino's logger
 * satisfies it structurally; tests pass a recording fake.
 */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
