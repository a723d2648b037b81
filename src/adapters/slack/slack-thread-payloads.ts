import { z } from "zod";

/**
 * The `message` events of a conversation in a channel's threads (a problem card's, perhaps):
 * a reply, an edit (`message_changed`) and a deletion (`message_deleted`). Bots' messages (our
 * own copies among them) carry a bot_id and are not a person's reply. Validated here, at the edge.
 */

const slackId = z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,63}$/i);
const messageTs = z.string().regex(/^\d{1,12}\.\d{1,9}$/);
const text = z.string().max(40_000);
/** Public and private channels; DMs are the direct-message listener's. */
const channelType = z.enum(["channel", "group"]);

export const threadReplySchema = z
  .object({
    type: z.literal("message"),
    channel_type: channelType,
    subtype: z.undefined().optional(),
    bot_id: z.undefined().optional(),
    user: slackId,
    text: text.default(""),
    channel: slackId,
    ts: messageTs,
    thread_ts: messageTs,
  })
  // The thread's first message is the card itself.
  .refine((m) => m.ts !== m.thread_ts);

export const threadEditSchema = z.object({
  type: z.literal("message"),
  channel_type: channelType,
  subtype: z.literal("message_changed"),
  channel: slackId,
  message: z
    .object({
      bot_id: z.undefined().optional(),
      text: text.default(""),
      ts: messageTs,
      thread_ts: messageTs,
    })
    .refine((m) => m.ts !== m.thread_ts),
});

export const threadDeleteSchema = z.object({
  type: z.literal("message"),
  channel_type: channelType,
  subtype: z.literal("message_deleted"),
  channel: slackId,
  deleted_ts: messageTs,
  previous_message: z.object({ bot_id: z.undefined().optional(), thread_ts: messageTs }),
});

/** Which kind of thread event this is, without reading the rest (others are not for us). */
export const threadEventFilter = z.object({
  channel_type: channelType,
  subtype: z.enum(["message_changed", "message_deleted"]).optional(),
});
