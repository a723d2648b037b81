import type { types, webApi } from "@slack/bolt";
import type { Reply } from "../../core/shared/card.js";
import { renderMessage } from "./block-kit-renderer.js";

/**
 * Where an answer goes, per way of asking. Every post sets `unfurl_links`/`unfurl_media` to false
 * (a user's link in a card should not pull a preview into the channel) and never sets
 * `link_names` or `parse`, so Slack does not turn words into mentions.
 */

type CardReply = Extract<Reply, { kind: "card" }>;
type RespondFn = (message: RespondMessage) => Promise<unknown>;

export interface RespondMessage {
  response_type: "ephemeral" | "in_channel";
  replace_original: false;
  text: string;
  blocks?: types.KnownBlock[];
}

function message(reply: CardReply): { text: string; blocks?: types.KnownBlock[] } {
  const rendered = renderMessage(reply.card);
  return rendered.blocks.length > 0 ? rendered : { text: rendered.text };
}

/** Slash commands and message buttons: through the response_url Slack gave us. */
export async function respondWith(respond: RespondFn, reply: CardReply): Promise<void> {
  await respond({
    response_type: reply.visibility === "public" ? "in_channel" : "ephemeral",
    // A button's answer is a new message; the card with the button stays as it was.
    replace_original: false,
    ...message(reply),
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
      ...message(reply),
    });
    return;
  }
  await client.chat.postEphemeral({
    channel: where.channel,
    user: where.user,
    ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    ...message(reply),
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
    ...message(reply),
  });
}
