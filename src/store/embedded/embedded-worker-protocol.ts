import { z } from "zod";

/**
 * Messages between the process that owns an embedded data dir and the worker thread that runs
 * its PGlite. A leaf both sides import, so neither imports the other.
 */

export const workerDataSchema = z.object({
  dataDir: z.string(),
  socketPath: z.string(),
  migrate: z.boolean(),
  idleInTransactionMs: z.number().int().positive(),
});
export type EmbeddedWorkerData = z.infer<typeof workerDataSchema>;

export const toWorkerSchema = z.object({ type: z.literal("stop"), drainMs: z.number().int().nonnegative() });
export type ToWorker = z.infer<typeof toWorkerSchema>;

export const fromWorkerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("failed"), message: z.string() }),
  z.object({ type: z.literal("event"), kind: z.string(), message: z.string() }),
  z.object({ type: z.literal("stopped") }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;
