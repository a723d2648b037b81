import { z } from "zod";
import { platformIdentitySchema } from "../shared/platform.js";

/**
 * What happened in a problem card's thread, as an adapter saw it: a person replied, edited a
 * reply or deleted one. A leaf file (zod only) so adapters, the core entry point and the use case
 * share it without importing each other.
 */

/** Where the message is: Slack names the channel and the thread's ts; Discord a thread channel. */
export const threadPlaceSchema = z.object({
  /** Slack channel id. Absent on Discord, where the thread channel's id is unique on its own. */
  channelId: z.string().min(1).max(64).optional(),
  /** Slack: the card's ts (thread_ts); Discord: the thread channel's id. */
  threadId: z.string().min(1).max(64),
});
export type ThreadPlace = z.infer<typeof threadPlaceSchema>;

/** A reply longer than this is kept cut: a mirrored copy must fit in one Slack or Discord message. */
export const MAX_COMMENT_LENGTH = 1800;

const messageId = z.string().min(1).max(64);
const body = z
  .string()
  .transform((text) => text.trim().slice(0, MAX_COMMENT_LENGTH))
  .pipe(z.string().min(1));

export const threadActivitySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("reply"),
    identity: platformIdentitySchema,
    place: threadPlaceSchema,
    messageId,
    text: body,
  }),
  z.object({
    kind: z.literal("edit"),
    platform: platformIdentitySchema.shape.platform,
    place: threadPlaceSchema,
    messageId,
    text: body,
  }),
  z.object({
    kind: z.literal("delete"),
    platform: platformIdentitySchema.shape.platform,
    place: threadPlaceSchema,
    messageId,
  }),
]);
export type ThreadActivity = z.input<typeof threadActivitySchema>;
