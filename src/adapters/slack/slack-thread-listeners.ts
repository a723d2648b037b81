import type { App } from "@slack/bolt";
import type { ThreadActivity } from "../../core/problems/thread-activity.js";
import type { AppLogger } from "../../ops/logger.js";
import { slackTextToPlain } from "./inbound-text.js";
import { eventEnvelopeSchema } from "./slack-payloads.js";
import type { SlackRequests } from "./slack-requests.js";
import {
  threadDeleteSchema,
  threadEditSchema,
  threadEventFilter,
  threadReplySchema,
} from "./slack-thread-payloads.js";

/**
 * Replies in channel threads, their edits and deletions, handed to the core, which keeps those
 * of a problem card's thread as comments and mirrors them to the other platform. Bolt has
 * acknowledged the event already; the database is only reached after that. A retried event
 * (same event_id) is skipped, and the core stores each message once whatever arrives.
 */
export function registerSlackThreadListeners(app: App, requests: SlackRequests, logger: AppLogger): void {
  app.event("message", async ({ event, body, context }) => {
    const kind = threadEventFilter.safeParse(event);
    if (!kind.success) return;
    if (kind.data.subtype === undefined && !("thread_ts" in event && event.thread_ts)) return;
    await requests.serve("message", async () => {
      const envelope = eventEnvelopeSchema.safeParse(body);
      if (!envelope.success) return "invalid";
      const activity = await activityOf(event, envelope.data.team_id, context.botUserId, requests);
      if (!activity) return "ok";
      if (!(await requests.firstTime(envelope.data.event_id))) return "duplicate";
      const outcome = await requests.threadActivity(activity);
      logger.debug({ kind: activity.kind, outcome }, "Slack thread activity");
      return outcome === null ? "failed" : "ok";
    });
  });
}

/** The event as the core's thread activity; null for a bot's message or one we cannot read. */
async function activityOf(
  event: unknown,
  teamId: string,
  botUserId: string | undefined,
  requests: SlackRequests,
): Promise<ThreadActivity | null> {
  const reply = threadReplySchema.safeParse(event);
  if (reply.success) {
    const { user, channel, ts, thread_ts } = reply.data;
    const identity = await requests.identify({ teamId, userId: user, channelId: channel });
    return {
      kind: "reply",
      identity,
      place: { channelId: channel, threadId: thread_ts },
      messageId: ts,
      text: slackTextToPlain(reply.data.text, { botUserId }),
    };
  }
  const edit = threadEditSchema.safeParse(event);
  if (edit.success) {
    const { channel, message } = edit.data;
    return {
      kind: "edit",
      platform: "slack",
      place: { channelId: channel, threadId: message.thread_ts },
      messageId: message.ts,
      text: slackTextToPlain(message.text, { botUserId }),
    };
  }
  const removal = threadDeleteSchema.safeParse(event);
  if (removal.success) {
    const { channel, deleted_ts, previous_message } = removal.data;
    return {
      kind: "delete",
      platform: "slack",
      place: { channelId: channel, threadId: previous_message.thread_ts },
      messageId: deleted_ts,
    };
  }
  return null;
}
