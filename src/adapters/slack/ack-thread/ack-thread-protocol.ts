import { z } from "zod";

/**
 * Messages between the Slack adapter and the thread that acknowledges Slack's requests. A leaf
 * both sides import, so neither imports the other.
 */

export const ackWorkerDataSchema = z.object({
  signingSecret: z.string().min(1),
  port: z.number().int().nonnegative(),
  host: z.string(),
  /** The path Slack posts to (the manifest's request URLs). */
  eventsPath: z.string().startsWith("/"),
  /** Everything else (health, metrics, public pages) is passed to the adapter's route server here. */
  routesSocketPath: z.string(),
  bodyLimitBytes: z.number().int().positive(),
  /** How long a request whose answer is the adapter's (a form submission) may wait for it. */
  unackedTimeoutMs: z.number().int().positive(),
});
export type AckWorkerData = z.infer<typeof ackWorkerDataSchema>;

/** A verified, parsed Slack request, as Bolt's own receiver would hand it to the app. */
const slackRequestFields = {
  body: z.record(z.string(), z.unknown()),
  retryNum: z.number().int().optional(),
  retryReason: z.string().optional(),
};

export const fromAckWorkerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("listening"), port: z.number().int() }),
  z.object({ type: z.literal("failed"), message: z.string() }),
  /** Already acknowledged with an empty 200: the adapter only processes it. */
  z.object({ type: z.literal("acked"), ...slackRequestFields }),
  /** Waiting for the adapter's ack (its body is the HTTP response), under `id`. */
  z.object({ type: z.literal("awaiting"), id: z.number().int(), ...slackRequestFields }),
  z.object({
    type: z.literal("log"),
    level: z.enum(["debug", "info", "warn", "error"]),
    message: z.string(),
    fields: z.record(z.string(), z.unknown()),
  }),
  z.object({ type: z.literal("closed") }),
]);
export type FromAckWorker = z.infer<typeof fromAckWorkerSchema>;

export const toAckWorkerSchema = z.discriminatedUnion("type", [
  /** The adapter's ack for an awaiting request: Bolt's response body (none, text or JSON). */
  z.object({ type: z.literal("ack"), id: z.number().int(), body: z.unknown() }),
  /** The adapter failed before acknowledging: answer with this status. */
  z.object({ type: z.literal("fail"), id: z.number().int(), status: z.number().int() }),
  /** Stop taking requests; finish what is awaiting for up to `drainMs`, then close. */
  z.object({ type: z.literal("close"), drainMs: z.number().int().nonnegative() }),
]);
export type ToAckWorker = z.infer<typeof toAckWorkerSchema>;
