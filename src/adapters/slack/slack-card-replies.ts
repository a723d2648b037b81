import type { RespondArguments, types, webApi } from "@slack/bolt";
import type { Card, Reply } from "../../core/shared/card.js";
import { renderMessage } from "./block-kit-renderer.js";
import { summarizeSlackError } from "./slack-errors.js";

/**
 * Where an answer goes, per way of asking. Every post sets `unfurl_links`/`unfurl_media` to false
 * (a user's link in a card should not pull a preview into the channel) and never sets
 * `link_names` or `parse`, so Slack does not turn words into mentions.
 */

type CardReply = Extract<Reply, { kind: "card" }>;
export type RespondFn = (message: RespondArguments) => Promise<unknown>;

function message(card: Card): { text: string; blocks?: types.KnownBlock[] } {
  const rendered = renderMessage(card);
  return rendered.blocks.length > 0 ? rendered : { text: rendered.text };
}

/** Slash commands, message buttons and shortcuts: through the response_url Slack gave us. */
export async function respondWith(respond: RespondFn, reply: CardReply): Promise<void> {
  await respond({
    response_type: reply.visibility === "public" ? "in_channel" : "ephemeral",
    // An answer is a new message; the card with the button stays as it was.
    replace_original: false,
    ...message(reply.card),
  });
}

/**
 * Replaces the message whose button was pressed. The response_url can do it for ephemeral
 * messages (which chat.update cannot reach) and for channel messages alike, even in channels
 * the bot is not a member of; a message keeps its ts, so anchored references stay valid.
 */
export async function replaceOriginal(respond: RespondFn, card: Card): Promise<void> {
  await respond({ replace_original: true, ...message(card) });
}

/** Replaces a channel message by channel and ts (when no response_url is left to do it). */
export async function updateMessage(
  client: webApi.WebClient,
  where: { channel: string; ts: string },
  card: Card,
): Promise<void> {
  const rendered = renderMessage(card);
  await client.chat.update({
    channel: where.channel,
    ts: where.ts,
    text: rendered.text,
    blocks: rendered.blocks,
  });
}

/** A mention: public answers go in the mention's thread, private ones only to the person. */
export async function replyToMention(
  client: webApi.WebClient,
  where: { channel: string; user: string; ts: string; threadTs: string | undefined },
  reply: CardReply,
): Promise<void> {
  if (reply.visibility === "public") {
    await client.chat.postMessage({
      channel: where.channel,
      thread_ts: where.threadTs ?? where.ts,
      unfurl_links: false,
      unfurl_media: false,
      ...message(reply.card),
    });
    return;
  }
  await client.chat.postEphemeral({
    channel: where.channel,
    user: where.user,
    ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    ...message(reply.card),
  });
}

/**
 * A DM (or an App Home button, which has no response_url): the conversation is already private,
 * so ephemeral and public answers look the same. Posting to a user id lands in the app's DM.
 */
export async function replyInConversation(
  client: webApi.WebClient,
  where: { channel: string; threadTs: string | undefined },
  reply: CardReply,
): Promise<void> {
  await client.chat.postMessage({
    channel: where.channel,
    ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    unfurl_links: false,
    unfurl_media: false,
    ...message(reply.card),
  });
}

/** Slack errors meaning "you cannot show anything in that conversation": try the person's DM. */
const NOT_HERE = new Set([
  "channel_not_found",
  "not_in_channel",
  "user_not_in_channel",
  "is_archived",
  "restricted_action",
]);

/**
 * Something only this person should see, after a modal closed (no response_url is left): an
 * ephemeral message in the conversation the form was opened from, or their DM with the app when
 * there was none or the bot cannot post there (a channel it is not in, someone else's DM).
 */
export async function showPrivately(
  client: webApi.WebClient,
  where: { channel: string | undefined; user: string },
  card: Card,
): Promise<void> {
  if (where.channel) {
    try {
      await client.chat.postEphemeral({ channel: where.channel, user: where.user, ...message(card) });
      return;
    } catch (error) {
      if (!NOT_HERE.has(summarizeSlackError(error).slackError ?? "")) throw error;
    }
  }
  await replyInConversation(
    client,
    { channel: where.user, threadTs: undefined },
    { kind: "card", card, visibility: "ephemeral" },
  );
}
