import { parentPort, workerData } from "node:worker_threads";
import { migrate } from "../migrations.js";
import { openPglite, pgliteExecutor } from "../sql-executor.js";
import { type FromWorker, toWorkerSchema, workerDataSchema } from "./embedded-worker-protocol.js";
import { WireServer } from "./wire-server.js";

/**
 * The embedded database's own thread: PGlite runs here, so its queries never hold up the event
 * loop that acknowledges Slack and Discord, and it is served over the Postgres wire protocol on a
 * private Unix socket to the owning process and to any `datadesk` command beside it.
 */

function requireParentPort(): NonNullable<typeof parentPort> {
  if (!parentPort) throw new Error("embedded-db-worker must run in a worker thread");
  return parentPort;
}
const port = requireParentPort();
const post = (message: FromWorker) => port.postMessage(message);

async function main(): Promise<void> {
  const options = workerDataSchema.parse(workerData);
  const db = await openPglite(options.dataDir);
  // Migrating before listening means no client can ever see a half-migrated schema.
  if (options.migrate) await migrate(pgliteExecutor(db));
  const server = new WireServer({
    db,
    socketPath: options.socketPath,
    idleInTransactionMs: options.idleInTransactionMs,
    onEvent: (event) =>
      post({
        type: "event",
        kind: event.kind,
        message: event.kind === "client-error" ? event.message : `connection ${event.connection}`,
      }),
  });
  await server.listen();
  port.on("message", (raw: unknown) => {
    const message = toWorkerSchema.parse(raw);
    void (async () => {
      try {
        await server.close(message.drainMs);
        await db.close();
        post({ type: "stopped" });
      } catch (error) {
        post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
      } finally {
        // Nothing else keeps the thread alive once the socket is closed and the port goes.
        port.close();
      }
    })();
  });
  post({ type: "ready" });
}

main().catch((error: unknown) => {
  post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
});
