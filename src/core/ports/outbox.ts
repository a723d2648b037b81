import { z } from "zod";
import { cardSchema } from "../shared/card.js";
import { platformSchema } from "../shared/platform.js";

/**
 * Messages to anyone other than the person acting (a follower's DM, a triage ping, a digest)
 * go through the outbox: written next to the change that causes them and delivered later by
 * a worker, so a crash between "decide" and "tell" neither loses nor repeats the telling.
 */
export const deliveryTargetSchema = z.discriminatedUnion("kind", [
  /** A channel on the platform (Slack channel id, Discord channel id). */
  z.object({
    kind: z.literal("channel"),
    channelId: z.string().min(1).max(64),
    /**
     * Open this post's thread as the problem's conversation (Discord starts a thread named
     * `name` on it; a Slack thread needs no call) and remember where it is (ProblemThread).
     */
    thread: z.object({ problemId: z.uuid(), name: z.string().min(1).max(100) }).optional(),
  }),
  /**
   * A reply in a thread: Slack posts in `channelId` with thread_ts = `threadId`; Discord posts
   * in the thread channel `threadId`.
   */
  z.object({
    kind: z.literal("thread"),
    channelId: z.string().min(1).max(64),
    threadId: z.string().min(1).max(64),
  }),
  /** A direct message to a platform user (Slack user id, Discord user id). */
  z.object({ kind: z.literal("user"), userId: z.string().min(1).max(64) }),
  /**
   * Edit a message posted earlier under this anchor key (the problem card in the problems
   * channel): the vote count and status change in place. The message must carry `anchor` with
   * its version; an update older than what is already shown is skipped.
   */
  z.object({ kind: z.literal("anchor"), key: z.string().min(1).max(200) }),
  /**
   * Delete the message posted under this anchor key (the copy of a comment its author deleted).
   * The card is not shown; the message's `anchor` version orders it after every edit.
   */
  z.object({ kind: z.literal("removal"), key: z.string().min(1).max(200) }),
]);
export type DeliveryTarget = z.infer<typeof deliveryTargetSchema>;
/** Where a new message goes (a channel, a thread or a person): what PlatformDelivery.deliver takes. */
export type PostTarget = Exclude<DeliveryTarget, { kind: "anchor" | "removal" }>;

export const outboundMessageSchema = z.object({
  /**
   * One logical message, e.g. "problem:12:status:accepted:to:<personId>:slack". Enqueuing the
   * same key twice (a retried event, a double click) stores it once.
   */
  dedupeKey: z.string().min(1).max(300),
  communityId: z.string().uuid().nullable(),
  platform: platformSchema,
  target: deliveryTargetSchema,
  card: cardSchema,
  /**
   * For a channel/user post: remember where it landed under `key`, so later updates can edit it.
   * For an `anchor` target: the version of the card, increasing with each change.
   */
  anchor: z.object({ key: z.string().min(1).max(200), version: z.number().int().min(0) }).optional(),
});
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;

export interface Outbox {
  /** Stores messages for delivery; already-known dedupe keys are ignored. */
  enqueue(messages: readonly OutboundMessage[]): Promise<void>;
}
