import { messageShortcuts } from "../../core/commands/message-shortcuts.js";
import { listedCommands, slackSlashCommand } from "../../core/commands/registry.js";
import { translator } from "../../core/i18n/translator.js";

/**
 * The Slack app manifest (https://docs.slack.dev/reference/app-manifest), derived from the command
 * registry so `/datadesk`'s usage hint always lists the commands that exist. Pure: the script in
 * scripts/ writes it to manifests/, and a test keeps the file from drifting.
 *
 * Two variants: an HTTP app at a placeholder host (replace YOUR-HOST with the public address of
 * the Slack receiver), and a Socket Mode app, which has no URLs at all because Slack sends
 * everything over the socket the bot opens. See README.md beside this file.
 */

export const SLACK_EVENTS_URL = "https://YOUR-HOST/slack/events";

/** Bot scopes, each for something datadesk does. */
export const SLACK_BOT_SCOPES = [
  "commands", // /datadesk
  "chat:write", // answers and notifications
  "app_mentions:read", // @datadesk in channels
  "im:history", // direct messages to the bot (the message.im event)
  "channels:history", // replies in a problem card's thread in a public channel (message.channels)
  "groups:history", // the same in a private channel (message.groups)
  "im:write", // opening a DM to notify someone
  "users:read", // users.info: the person's name and language
  "users:read.email", // users.info: the verified email that routes access requests to a catalog's contact
  "links:read", // link_shared: catalog links posted in channels
  "links:write", // chat.unfurl: previews for those links
] as const;

export const SLACK_BOT_EVENTS = [
  "app_mention",
  "message.im",
  // Replies, edits and deletions in problem cards' threads, mirrored to the other platform.
  "message.channels",
  "message.groups",
  "app_home_opened",
  "link_shared",
] as const;

/**
 * Message shortcuts (a message's "…" menu). The callback id is the core's shortcut id: the
 * adapter hands the message's text to the core's handler of that name.
 */
export const SLACK_MESSAGE_SHORTCUTS = messageShortcuts.map((shortcut) => ({
  callbackId: shortcut.id,
  nameKey: shortcut.nameKey,
  descriptionKey: shortcut.descriptionKey,
}));

/** Slack's limits for a shortcut's name and description. */
const SHORTCUT_NAME_LIMIT = 24;
const SHORTCUT_DESCRIPTION_LIMIT = 150;

/** Slack's limits for a slash command's description and usage hint. */
const DESCRIPTION_LIMIT = 2000;
const USAGE_HINT_LIMIT = 1000;

export interface SlackManifest {
  display_information: { name: string; description: string; background_color: string };
  features: {
    app_home: {
      home_tab_enabled: boolean;
      messages_tab_enabled: boolean;
      messages_tab_read_only_enabled: boolean;
    };
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: Array<{
      command: string;
      url?: string;
      description: string;
      usage_hint: string;
      should_escape: boolean;
    }>;
    shortcuts: Array<{ name: string; type: "message" | "global"; callback_id: string; description: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

export type SlackConnection = "http" | "socket";

export function buildSlackManifest(connection: SlackConnection = "http"): SlackManifest {
  const t = translator("en");
  // Socket Mode: no request URLs, which Slack would otherwise try to verify.
  const url = connection === "http" ? { url: SLACK_EVENTS_URL } : {};
  const requestUrl = connection === "http" ? { request_url: SLACK_EVENTS_URL } : {};
  const appName = t("common:appName");
  const names = listedCommands.map((command) => command.name);
  return {
    display_information: {
      name: appName,
      description: t("slack:manifest.description").slice(0, 140),
      background_color: "#1d4e89",
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: appName, always_online: true },
      slash_commands: [
        {
          command: slackSlashCommand,
          ...url,
          description: `${t("slack:manifest.commandDescription")}: ${names.join(", ")}`.slice(
            0,
            DESCRIPTION_LIMIT,
          ),
          // Names only: each command's own syntax is in `/datadesk help`, which knows the examples.
          usage_hint: names.join(" | ").slice(0, USAGE_HINT_LIMIT),
          // We read Slack's <@U…>/<#C…> markup ourselves (inbound-text.ts).
          should_escape: true,
        },
      ],
      shortcuts: SLACK_MESSAGE_SHORTCUTS.map((shortcut) => ({
        name: t(shortcut.nameKey).slice(0, SHORTCUT_NAME_LIMIT),
        type: "message",
        callback_id: shortcut.callbackId,
        description: t(shortcut.descriptionKey).slice(0, SHORTCUT_DESCRIPTION_LIMIT),
      })),
    },
    oauth_config: { scopes: { bot: [...SLACK_BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...requestUrl, bot_events: [...SLACK_BOT_EVENTS] },
      interactivity: { is_enabled: true, ...requestUrl },
      org_deploy_enabled: false,
      socket_mode_enabled: connection === "socket",
      token_rotation_enabled: false,
    },
  };
}
