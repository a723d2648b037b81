import type { Worker } from "node:worker_threads";
import { startModuleWorker } from "../../threads/module-worker.js";
import { type EmbeddedWorkerData, fromWorkerSchema } from "./embedded-worker-protocol.js";

/**
 * Starts the embedded database's worker thread and speaks its small protocol.
 */

export interface EmbeddedWorker {
  /** Stops serving: connected clients get `drainMs` to finish, then PGlite is closed and flushed. */
  stop(drainMs: number): Promise<void>;
}

export class EmbeddedWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedWorkerError";
  }
}

function createWorker(data: EmbeddedWorkerData): Worker {
  return startModuleWorker(import.meta.url, "embedded-db-worker", data);
}

export async function startEmbeddedWorker(
  data: EmbeddedWorkerData,
  onEvent: (event: { kind: string; message: string }) => void,
): Promise<EmbeddedWorker> {
  const worker = createWorker(data);
  let stopping = false;
  const exited = new Promise<number>((resolve) => worker.once("exit", resolve));
  const ready = new Promise<void>((resolve, reject) => {
    worker.on("message", (raw: unknown) => {
      const message = fromWorkerSchema.safeParse(raw);
      if (!message.success) return;
      const m = message.data;
      if (m.type === "ready") resolve();
      else if (m.type === "failed") {
        reject(new EmbeddedWorkerError(m.message));
      } else if (m.type === "event") onEvent({ kind: m.kind, message: m.message });
    });
    worker.on("error", (error) => {
      reject(error);
      onEvent({ kind: "worker-error", message: error.message });
    });
    void exited.then((code) => {
      if (stopping) return;
      // Once ready, a thread that ends on its own (a PGlite abort) fails every later query; the
      // owner hears of it here, and /healthz through those failing queries.
      const message = `the embedded database stopped (exit code ${code})`;
      reject(new EmbeddedWorkerError(message));
      onEvent({ kind: "worker-exit", message });
    });
  });
  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    async stop(drainMs) {
      if (stopping) return void (await exited);
      stopping = true;
      worker.postMessage({ type: "stop", drainMs });
      // PGlite flushes on close; a thread that cannot finish in time is ended rather than hung on.
      const timer = setTimeout(() => void worker.terminate(), drainMs + 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
