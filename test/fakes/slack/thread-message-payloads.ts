// `message` events of a channel thread as Slack sends them (message.channels): a person's
// reply, its edit (subtype message_changed) and its deletion (subtype message_deleted).

import { FAKE_CHANNEL_ID, FAKE_TEAM_ID, FAKE_USER_ID, fakeId, fakeTs } from "./fake-workspace.js";
import { type EventCallbackOptions, eventCallback } from "./slack-payloads.js";

type Json = Record<string, unknown>;

export interface ThreadMessageFields {
  text: string;
  /** The card's ts: the thread's parent. */
  thread_ts: string;
  ts?: string;
  user?: string;
  channel?: string;
  channel_type?: "channel" | "group";
}

function threadMessage(fields: ThreadMessageFields & { ts: string }): Json {
  return {
    type: "message",
    client_msg_id: fakeId("m"),
    text: fields.text,
    user: fields.user ?? FAKE_USER_ID,
    ts: fields.ts,
    thread_ts: fields.thread_ts,
    parent_user_id: "UBOTPARENT",
    team: FAKE_TEAM_ID,
  };
}

/** A reply in a channel thread. */
export function threadReplyEvent(fields: ThreadMessageFields, options: EventCallbackOptions = {}): Json {
  const ts = fields.ts ?? fakeTs();
  const channel = fields.channel ?? FAKE_CHANNEL_ID;
  return eventCallback(
    {
      ...threadMessage({ ...fields, ts }),
      channel,
      event_ts: ts,
      channel_type: fields.channel_type ?? "channel",
    },
    options,
  );
}

/** The reply at `ts` edited to `text`: Slack sends the whole new message and the previous one. */
export function threadEditEvent(
  fields: ThreadMessageFields & { ts: string; previousText?: string },
  options: EventCallbackOptions = {},
): Json {
  const eventTs = fakeTs();
  return eventCallback(
    {
      type: "message",
      subtype: "message_changed",
      hidden: true,
      channel: fields.channel ?? FAKE_CHANNEL_ID,
      channel_type: fields.channel_type ?? "channel",
      message: { ...threadMessage(fields), edited: { user: fields.user ?? FAKE_USER_ID, ts: eventTs } },
      previous_message: threadMessage({ ...fields, text: fields.previousText ?? "" }),
      event_ts: eventTs,
      ts: eventTs,
    },
    options,
  );
}

/** The reply at `ts` deleted. */
export function threadDeleteEvent(
  fields: Omit<ThreadMessageFields, "text"> & { ts: string },
  options: EventCallbackOptions = {},
): Json {
  const eventTs = fakeTs();
  return eventCallback(
    {
      type: "message",
      subtype: "message_deleted",
      hidden: true,
      channel: fields.channel ?? FAKE_CHANNEL_ID,
      channel_type: fields.channel_type ?? "channel",
      deleted_ts: fields.ts,
      previous_message: threadMessage({ ...fields, text: "" }),
      event_ts: eventTs,
      ts: eventTs,
    },
    options,
  );
}
