import type { webApi } from "@slack/bolt";
import type { PostTarget } from "../../core/ports/outbox.js";
import { DeliveryFailure, type PlatformDelivery } from "../../core/ports/platform-delivery.js";
import type { Card } from "../../core/shared/card.js";
import { renderMessage } from "./block-kit-renderer.js";
import { summarizeSlackError } from "./slack-errors.js";

/**
 * The outbox's way onto Slack: a card to a channel, or to a person's DM with the app, and edits
 * of a card posted earlier (a problem's vote count in the problems channel). Delivery
 * policy (retries, backoff, dead letters) is the outbox worker's, so the WebClient given here
 * should not retry on its own (`retryConfig: {retries: 0}`, `rejectRateLimitedCalls: true`):
 * this module only translates Slack's answers into DeliveryFailure.
 */

type SlackPoster = Pick<webApi.WebClient, "chat" | "conversations">;

/** Slack will never accept the message as addressed: retrying cannot help. */
const PERMANENT_ERRORS = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "user_not_found",
  "users_not_found",
  "cannot_dm_bot",
  "account_inactive",
  "user_disabled",
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "token_expired",
  "msg_too_long",
  "no_text",
  "invalid_blocks",
  "restricted_action",
  // chat.update: the message is gone, not ours, or too old to edit.
  "message_not_found",
  "cant_update_message",
  "edit_window_closed",
]);

export function createSlackOutboxDelivery(client: SlackPoster): PlatformDelivery {
  async function channelFor(target: PostTarget): Promise<string> {
    if (target.kind === "channel" || target.kind === "thread") return target.channelId;
    const opened = await client.conversations.open({ users: target.userId });
    const channelId = opened.channel?.id;
    if (!channelId) throw new DeliveryFailure("conversations.open returned no channel", false);
    return channelId;
  }

  return {
    platform: "slack",
    async deliver(target, card: Card) {
      const rendered = renderMessage(card);
      try {
        const channel = await channelFor(target);
        const posted = await client.chat.postMessage({
          channel,
          ...(target.kind === "thread" ? { thread_ts: target.threadId } : {}),
          text: rendered.text,
          ...(rendered.blocks.length > 0 ? { blocks: rendered.blocks } : {}),
          // Links in a card must not pull previews in; no link_names/parse, so text never pings.
          unfurl_links: false,
          unfurl_media: false,
        });
        // Later edits (chat.update) need the conversation Slack put it in: for a DM the D… channel.
        const ref = { channelId: posted.channel ?? channel, messageId: posted.ts ?? "" };
        if (ref.messageId === "") throw new DeliveryFailure("chat.postMessage returned no ts", false);
        return ref;
      } catch (error) {
        throw slackDeliveryFailure(error);
      }
    },
    async update(ref, card) {
      const rendered = renderMessage(card);
      try {
        await client.chat.update({
          channel: ref.channelId,
          ts: ref.messageId,
          text: rendered.text,
          // An empty list clears the old blocks; leaving blocks out would keep the old card's.
          blocks: rendered.blocks,
        });
      } catch (error) {
        throw slackDeliveryFailure(error);
      }
    },
    async remove(ref) {
      try {
        await client.chat.delete({ channel: ref.channelId, ts: ref.messageId });
      } catch (error) {
        const failure = slackDeliveryFailure(error);
        // Someone (an admin) deleted it already: what we wanted.
        if (failure.message.endsWith("message_not_found")) return;
        throw failure;
      }
    },
    // A Slack thread is the message's replies: it exists once someone replies with thread_ts = ts.
    async openThread(ref) {
      return ref.messageId;
    },
  };
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function retryAfterHeaderMs(headers: unknown): number | null {
  const raw = field(headers, "retry-after");
  const seconds = typeof raw === "string" ? Number(raw) : typeof raw === "number" ? raw : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : null;
}

/** What a failed Web API call means for the outbox: wait (and how long), or give up. */
export function slackDeliveryFailure(error: unknown): DeliveryFailure {
  if (error instanceof DeliveryFailure) return error;
  const summary = summarizeSlackError(error);
  const describe = (detail: string) => `Slack delivery failed: ${detail}`;
  switch (summary.code) {
    case "slack_webapi_rate_limited_error": {
      const retryAfter = field(error, "retryAfter");
      const ms = typeof retryAfter === "number" && retryAfter >= 0 ? Math.round(retryAfter * 1000) : null;
      return new DeliveryFailure(describe(`rate limited (retry after ${retryAfter ?? "?"} s)`), false, ms);
    }
    case "slack_webapi_platform_error": {
      const slackError = summary.slackError ?? "unknown_error";
      return new DeliveryFailure(describe(slackError), PERMANENT_ERRORS.has(slackError));
    }
    case "slack_webapi_http_error": {
      const status = summary.status ?? 0;
      if (status === 429)
        return new DeliveryFailure(describe("HTTP 429"), false, retryAfterHeaderMs(field(error, "headers")));
      // 5xx, 408 and 401 (a token can be fixed) are worth another try; other 4xx will never pass.
      const transient = status >= 500 || status === 408 || status === 401 || status === 0;
      return new DeliveryFailure(describe(`HTTP ${status}`), !transient);
    }
    default:
      // Network errors, timeouts and anything unexpected: try again later.
      return new DeliveryFailure(describe(summary.message), false);
  }
}
