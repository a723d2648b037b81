// Canned success responses for the Web API methods a bot typically calls.
// Shapes follow https://docs.slack.dev/reference/methods closely enough for @slack/web-api's typed
// results and for Bolt itself (auth.test feeds botUserId/botId into ignoreSelf; apps.connections.open
// feeds the Socket Mode client its WebSocket URL). Anything not listed answers a plain `{ ok: true }`.

import { dmChannelIdFor, fakeId, fakeTs } from "./fake-workspace.js";

export type ApiBody = Record<string, unknown>;

/** Per-user overrides for `users.info`; everything else is derived from the id. */
export interface FakeUserProfile {
  name?: string;
  real_name?: string;
  locale?: string;
  tz?: string;
  tz_offset?: number;
  is_bot?: boolean;
  email?: string;
}

export interface WorkspaceContext {
  teamId: string;
  teamDomain: string;
  appId: string;
  botUserId: string;
  botId: string;
  users: Readonly<Record<string, FakeUserProfile>>;
  /** Mints a fresh WebSocket URL for apps.connections.open. */
  socketModeUrl: () => string;
}

function asRecord(value: unknown): ApiBody {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as ApiBody) : {};
}

function asString(value: unknown, fallback = ""): string {
  return typeof value === "string" ? value : fallback;
}

// Form-encoded booleans arrive as the string "true"; JSON bodies carry real booleans.
function isTruthyFlag(value: unknown): boolean {
  return value === true || value === "true" || value === "1" || value === 1;
}

function botMessage(body: ApiBody, ctx: WorkspaceContext, ts: string): ApiBody {
  const message: ApiBody = {
    type: "message",
    subtype: "bot_message",
    text: asString(body.text),
    user: ctx.botUserId,
    bot_id: ctx.botId,
    app_id: ctx.appId,
    team: ctx.teamId,
    ts,
  };
  if (body.blocks !== undefined) message.blocks = body.blocks;
  if (body.attachments !== undefined) message.attachments = body.attachments;
  if (body.thread_ts !== undefined) message.thread_ts = body.thread_ts;
  if (body.metadata !== undefined) message.metadata = body.metadata;
  return message;
}

function viewResponse(body: ApiBody, ctx: WorkspaceContext, method: string): ApiBody {
  const requested = asRecord(body.view);
  const id = asString(body.view_id) || fakeId("V");
  return {
    ok: true,
    view: {
      id,
      team_id: ctx.teamId,
      type: asString(requested.type, method === "views.publish" ? "home" : "modal"),
      title: requested.title,
      submit: requested.submit,
      close: requested.close,
      blocks: Array.isArray(requested.blocks) ? requested.blocks : [],
      private_metadata: asString(requested.private_metadata),
      callback_id: asString(requested.callback_id),
      external_id: asString(requested.external_id, asString(body.external_id)),
      state: { values: {} },
      hash: `${Math.floor(Date.now() / 1000)}.${fakeId("H")}`,
      clear_on_close: requested.clear_on_close === true,
      notify_on_close: requested.notify_on_close === true,
      root_view_id: id,
      previous_view_id: null,
      app_id: ctx.appId,
      app_installed_team_id: ctx.teamId,
      bot_id: ctx.botId,
    },
  };
}

function userInfo(body: ApiBody, ctx: WorkspaceContext): ApiBody {
  const id = asString(body.user);
  const profile = ctx.users[id] ?? {};
  const name = profile.name ?? id.toLowerCase();
  const user: ApiBody = {
    id,
    team_id: ctx.teamId,
    name,
    deleted: false,
    real_name: profile.real_name ?? name,
    tz: profile.tz ?? "Europe/London",
    tz_label: "Fake Standard Time",
    tz_offset: profile.tz_offset ?? 0,
    is_bot: profile.is_bot ?? false,
    is_admin: false,
    is_app_user: false,
    updated: Math.floor(Date.now() / 1000),
    profile: {
      real_name: profile.real_name ?? name,
      display_name: name,
      email: profile.email ?? `${name}@example.org`,
      team: ctx.teamId,
    },
  };
  // Real Slack only includes `locale` when asked for it; code that forgets the flag should see that.
  if (isTruthyFlag(body.include_locale)) user.locale = profile.locale ?? "en-US";
  return { ok: true, user };
}

/** The fake's default answer for `method`, given the decoded request body. */
export function defaultWebApiResponse(method: string, body: ApiBody, ctx: WorkspaceContext): ApiBody {
  switch (method) {
    case "auth.test":
      return {
        ok: true,
        url: `https://${ctx.teamDomain}.slack.com/`,
        team: "Datadesk Fake Workspace",
        user: "datadesk",
        team_id: ctx.teamId,
        user_id: ctx.botUserId,
        bot_id: ctx.botId,
        is_enterprise_install: false,
      };
    case "chat.postMessage": {
      const ts = fakeTs();
      return { ok: true, channel: asString(body.channel), ts, message: botMessage(body, ctx, ts) };
    }
    case "chat.postEphemeral":
      if (!asString(body.channel) || !asString(body.user)) return { ok: false, error: "invalid_arguments" };
      return { ok: true, message_ts: fakeTs() };
    case "chat.update": {
      const ts = asString(body.ts);
      if (!asString(body.channel) || !ts) return { ok: false, error: "invalid_arguments" };
      return {
        ok: true,
        channel: asString(body.channel),
        ts,
        text: asString(body.text),
        message: botMessage(body, ctx, ts),
      };
    }
    case "views.open":
      // Real Slack needs the trigger_id of a click, command or shortcut (valid for 3 seconds).
      if (!asString(body.trigger_id)) return { ok: false, error: "invalid_arguments" };
      return viewResponse(body, ctx, method);
    case "views.publish":
    case "views.update":
    case "views.push":
      return viewResponse(body, ctx, method);
    case "conversations.open": {
      const users = asString(body.users).split(",").filter(Boolean);
      const channelId = asString(body.channel) || dmChannelIdFor(users[0] ?? "U0NOBODY");
      return { ok: true, no_op: false, already_open: false, channel: { id: channelId } };
    }
    case "users.info":
      return userInfo(body, ctx);
    case "conversations.info":
      // A channel the bot is in; setResponse scripts channel_not_found or is_member: false.
      return {
        ok: true,
        channel: { id: asString(body.channel), name: "general", is_channel: true, is_member: true },
      };
    case "apps.connections.open":
      return { ok: true, url: ctx.socketModeUrl() };
    default:
      // chat.unfurl, reactions.add, chat.delete, ...: Slack answers these with a bare ok.
      return { ok: true };
  }
}
