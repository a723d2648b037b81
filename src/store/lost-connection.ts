/**
 * True when a query failed because the database connection went away mid-command: the running
 * bot that serves an embedded data dir stopped (or was killed), or a Postgres server restarted.
 * Postgres rolls back whatever the connection had not committed, so the command can be rerun.
 */
export function isLostConnection(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code === "ECONNRESET" || code === "EPIPE" || code === "ECONNREFUSED") return true;
    if (
      /Connection terminated unexpectedly|Client has encountered a connection error/.test(current.message)
    ) {
      return true;
    }
    current = current.cause;
  }
  return false;
}
