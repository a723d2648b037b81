// Builders for realistic Slack payloads, shaped like captures of what Slack really sends.
// The same objects work for both transports: over HTTP they are the request body (form fields,
// JSON, or the `payload` form field) and over Socket Mode they are the envelope's `payload`.

import {
  dmChannelIdFor,
  FAKE_APP_ID,
  FAKE_BOT_ID,
  FAKE_BOT_USER_ID,
  FAKE_CHANNEL_ID,
  FAKE_CHANNEL_NAME,
  FAKE_TEAM_DOMAIN,
  FAKE_TEAM_ID,
  FAKE_USER_ID,
  FAKE_USER_NAME,
  FAKE_VERIFICATION_TOKEN,
  fakeId,
  fakeTs,
} from "./fake-workspace.js";

type Json = Record<string, unknown>;

/** Trigger ids look like "12345.98765.abcd2358fdea"; each click, command or shortcut gets one. */
export function fakeTriggerId(): string {
  return `${fakeId("")}.${fakeId("")}.fake`;
}

/** Slash commands arrive form-encoded, so every field is a string. */
export type SlashCommandPayload = Record<string, string>;

/** Named fields for discoverability; any other string field Slack sends can be added too. */
export interface SlashCommandFields extends Partial<Record<string, string>> {
  command?: string;
  text?: string;
  user_id?: string;
  team_id?: string;
  channel_id?: string;
  trigger_id?: string;
  response_url?: string;
}

export function slashCommandPayload(fields: SlashCommandFields = {}): SlashCommandPayload {
  const payload: SlashCommandPayload = {
    token: FAKE_VERIFICATION_TOKEN,
    team_id: FAKE_TEAM_ID,
    team_domain: FAKE_TEAM_DOMAIN,
    channel_id: FAKE_CHANNEL_ID,
    channel_name: FAKE_CHANNEL_NAME,
    user_id: FAKE_USER_ID,
    user_name: FAKE_USER_NAME,
    command: "/datadesk",
    text: "",
    api_app_id: FAKE_APP_ID,
    is_enterprise_install: "false",
    response_url: `https://hooks.slack.com/commands/${FAKE_TEAM_ID}/${fakeId("")}/fake`,
    trigger_id: fakeTriggerId(),
  };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) payload[key] = value;
  return payload;
}

export interface EventCallbackOptions {
  teamId?: string;
  /** The bot the event was authorized for; real envelopes list it under `authorizations`. */
  botUserId?: string;
  eventId?: string;
}

/** Wraps an inner event in the Events API `event_callback` envelope. */
export function eventCallback(event: Json, options: EventCallbackOptions = {}): Json {
  const teamId = options.teamId ?? FAKE_TEAM_ID;
  return {
    token: FAKE_VERIFICATION_TOKEN,
    team_id: teamId,
    context_team_id: teamId,
    context_enterprise_id: null,
    api_app_id: FAKE_APP_ID,
    event,
    type: "event_callback",
    event_id: options.eventId ?? fakeId("Ev"),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: options.botUserId ?? FAKE_BOT_USER_ID,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${fakeId("")}`,
  };
}

function richTextBlocks(text: string): Json[] {
  return [
    {
      type: "rich_text",
      block_id: fakeId("b"),
      elements: [{ type: "rich_text_section", elements: [{ type: "text", text }] }],
    },
  ];
}

export interface MessageEventFields {
  text?: string;
  user?: string;
  channel?: string;
  ts?: string;
  thread_ts?: string;
  botUserId?: string;
}

/** `app_mention` event_callback envelope. `text` is what follows the mention. */
export function appMentionEvent(fields: MessageEventFields = {}): Json {
  const botUserId = fields.botUserId ?? FAKE_BOT_USER_ID;
  const ts = fields.ts ?? fakeTs();
  const text = `<@${botUserId}> ${fields.text ?? "help"}`;
  const event: Json = {
    type: "app_mention",
    client_msg_id: fakeId("m"),
    text,
    user: fields.user ?? FAKE_USER_ID,
    ts,
    blocks: richTextBlocks(text),
    team: FAKE_TEAM_ID,
    channel: fields.channel ?? FAKE_CHANNEL_ID,
    event_ts: ts,
  };
  if (fields.thread_ts !== undefined) event.thread_ts = fields.thread_ts;
  return eventCallback(event, { botUserId });
}

/** `message` event_callback envelope for a direct message (channel_type "im"). */
export function dmMessageEvent(fields: MessageEventFields = {}): Json {
  const user = fields.user ?? FAKE_USER_ID;
  const ts = fields.ts ?? fakeTs();
  const text = fields.text ?? "help";
  const event: Json = {
    type: "message",
    client_msg_id: fakeId("m"),
    text,
    user,
    ts,
    blocks: richTextBlocks(text),
    team: FAKE_TEAM_ID,
    channel: fields.channel ?? dmChannelIdFor(user),
    event_ts: ts,
    channel_type: "im",
  };
  if (fields.thread_ts !== undefined) event.thread_ts = fields.thread_ts;
  return eventCallback(event, { botUserId: fields.botUserId });
}

/** `app_home_opened` event_callback envelope; pass `view` to simulate a previously published Home. */
export function appHomeOpenedEvent(
  fields: { user?: string; tab?: "home" | "messages"; view?: Json } = {},
): Json {
  const user = fields.user ?? FAKE_USER_ID;
  const event: Json = {
    type: "app_home_opened",
    user,
    channel: dmChannelIdFor(user),
    tab: fields.tab ?? "home",
    event_ts: fakeTs(),
  };
  if (fields.view !== undefined) event.view = fields.view;
  return eventCallback(event);
}

function interactionUser(userId: string): Json {
  return { id: userId, username: FAKE_USER_NAME, name: FAKE_USER_NAME, team_id: FAKE_TEAM_ID };
}

export interface BlockActionFields {
  actionId: string;
  value?: string;
  blockId?: string;
  user?: string;
  /** Where the button lives: a channel message (has response_url) or a view (modal/App Home). */
  container?: "message" | "view";
  /** The button's message is ephemeral (only chat.* cannot reach it; its response_url can). */
  ephemeral?: boolean;
  triggerId?: string;
  channel?: string;
  messageTs?: string;
  responseUrl?: string;
  view?: Json;
}

/** `block_actions` interaction for a clicked button. */
export function blockActionPayload(fields: BlockActionFields): Json {
  const blockId = fields.blockId ?? fakeId("blk");
  const action = {
    action_id: fields.actionId,
    block_id: blockId,
    text: { type: "plain_text", text: "Button", emoji: true },
    value: fields.value ?? "",
    type: "button",
    action_ts: fakeTs(),
  };
  const payload: Json = {
    type: "block_actions",
    user: interactionUser(fields.user ?? FAKE_USER_ID),
    api_app_id: FAKE_APP_ID,
    token: FAKE_VERIFICATION_TOKEN,
    trigger_id: fields.triggerId ?? fakeTriggerId(),
    team: { id: FAKE_TEAM_ID, domain: FAKE_TEAM_DOMAIN },
    enterprise: null,
    is_enterprise_install: false,
    state: { values: {} },
    actions: [action],
  };
  if (fields.container === "view") {
    const view = fields.view ?? { id: fakeId("V"), type: "modal", callback_id: "", private_metadata: "" };
    payload.container = { type: "view", view_id: view.id };
    payload.view = view;
    return payload;
  }
  const channel = fields.channel ?? FAKE_CHANNEL_ID;
  const messageTs = fields.messageTs ?? fakeTs();
  const ephemeral = fields.ephemeral === true;
  payload.container = {
    type: "message",
    message_ts: messageTs,
    channel_id: channel,
    is_ephemeral: ephemeral,
  };
  payload.channel = { id: channel, name: FAKE_CHANNEL_NAME };
  // Slack leaves the message out of payloads for ephemeral messages; only the container says where.
  if (!ephemeral)
    payload.message = { type: "message", user: FAKE_BOT_USER_ID, ts: messageTs, text: "", blocks: [] };
  payload.response_url =
    fields.responseUrl ?? `https://hooks.slack.com/actions/${FAKE_TEAM_ID}/${fakeId("")}/fake`;
  return payload;
}

export interface ViewSubmissionFields {
  callbackId: string;
  /** The view's blocks as opened (Slack sends them back with the state). */
  blocks?: Json[];
  /** state.values as Slack nests it: block_id -> action_id -> element state. */
  values?: Record<string, Record<string, Json>>;
  privateMetadata?: string;
  user?: string;
  viewId?: string;
  /** Present when the modal has an input with response_url_enabled. */
  responseUrls?: Array<{ block_id: string; action_id: string; channel_id: string; response_url: string }>;
}

/** `view_submission` interaction for a modal. */
export function viewSubmissionPayload(fields: ViewSubmissionFields): Json {
  const viewId = fields.viewId ?? fakeId("V");
  return {
    type: "view_submission",
    team: { id: FAKE_TEAM_ID, domain: FAKE_TEAM_DOMAIN },
    user: interactionUser(fields.user ?? FAKE_USER_ID),
    api_app_id: FAKE_APP_ID,
    token: FAKE_VERIFICATION_TOKEN,
    trigger_id: fakeTriggerId(),
    view: {
      id: viewId,
      team_id: FAKE_TEAM_ID,
      type: "modal",
      blocks: fields.blocks ?? [],
      private_metadata: fields.privateMetadata ?? "",
      callback_id: fields.callbackId,
      state: { values: fields.values ?? {} },
      hash: `${Math.floor(Date.now() / 1000)}.${fakeId("H")}`,
      title: { type: "plain_text", text: "Datadesk", emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: { type: "plain_text", text: "Submit", emoji: true },
      previous_view_id: null,
      root_view_id: viewId,
      app_id: FAKE_APP_ID,
      external_id: "",
      app_installed_team_id: FAKE_TEAM_ID,
      bot_id: FAKE_BOT_ID,
    },
    response_urls: fields.responseUrls ?? [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/**
 * A submission of a modal the app opened: callback_id, private_metadata and blocks taken from
 * the `view` argument of the recorded views.open/views.push call, as Slack echoes them back.
 */
export function submissionOf(
  openedView: unknown,
  values: Record<string, Record<string, Json>>,
  fields: { user?: string; viewId?: string } = {},
): Json {
  const view = (typeof openedView === "object" && openedView !== null ? openedView : {}) as Json;
  return viewSubmissionPayload({
    callbackId: typeof view.callback_id === "string" ? view.callback_id : "",
    privateMetadata: typeof view.private_metadata === "string" ? view.private_metadata : "",
    blocks: Array.isArray(view.blocks) ? (view.blocks as Json[]) : [],
    values,
    ...fields,
  });
}

/** Element states as they appear in view.state.values[block_id][action_id]. */
export const inputState = {
  text: (value: string | null): Json => ({ type: "plain_text_input", value }),
  select: (value: string | null): Json => ({
    type: "static_select",
    selected_option:
      value === null ? null : { text: { type: "plain_text", text: value, emoji: true }, value },
  }),
  checkboxes: (values: string[]): Json => ({
    type: "checkboxes",
    selected_options: values.map((value) => ({
      text: { type: "plain_text", text: value, emoji: true },
      value,
    })),
  }),
};

export interface MessageShortcutFields {
  callbackId: string;
  /** The message's text as Slack sends it (entities escaped, mentions as <@U…>). */
  text?: string;
  /** Leave the text out (a message made only of blocks). */
  withoutText?: boolean;
  user?: string;
  author?: string;
  channel?: string;
  messageTs?: string;
  responseUrl?: string;
  triggerId?: string;
}

/** `message_action` interaction: a message shortcut chosen from a message's "…" menu. */
export function messageShortcutPayload(fields: MessageShortcutFields): Json {
  const messageTs = fields.messageTs ?? fakeTs();
  const message: Json = {
    type: "message",
    user: fields.author ?? "U0BOB",
    ts: messageTs,
    team: FAKE_TEAM_ID,
    client_msg_id: fakeId("m"),
  };
  if (!fields.withoutText) {
    const text = fields.text ?? "The bus stop on Elm St has no shelter";
    message.text = text;
    message.blocks = richTextBlocks(text);
  }
  const channel = fields.channel ?? FAKE_CHANNEL_ID;
  return {
    type: "message_action",
    token: FAKE_VERIFICATION_TOKEN,
    action_ts: fakeTs(),
    team: { id: FAKE_TEAM_ID, domain: FAKE_TEAM_DOMAIN },
    user: interactionUser(fields.user ?? FAKE_USER_ID),
    channel: { id: channel, name: FAKE_CHANNEL_NAME },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: fields.callbackId,
    trigger_id: fields.triggerId ?? fakeTriggerId(),
    response_url: fields.responseUrl ?? `https://hooks.slack.com/app/${FAKE_TEAM_ID}/${fakeId("")}/fake`,
    message_ts: messageTs,
    message,
  };
}
