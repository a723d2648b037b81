import { type ClientOptions, GatewayIntentBits, Partials } from "discord.js";
import type { DiscordConfig } from "../../config.js";

/**
 * The gateway intents we ask for. MessageContent is privileged: switch it on under Bot →
 * Privileged Gateway Intents in the Developer Portal, or Discord refuses the login (close code
 * 4014, "disallowed intents"). DMs and messages that @mention the bot carry their text even
 * without it; a mention of the bot's role (how many people address a bot) may not.
 */
export const DISCORD_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
  GatewayIntentBits.MessageContent,
];

export function discordClientOptions(config: DiscordConfig): ClientOptions {
  return {
    intents: DISCORD_INTENTS,
    // DM channels are never announced over the gateway; without this partial DMs are dropped.
    // Partial messages: an edit or a deletion of a thread reply sent before this client's cache
    // (a restart, a reconnect) is still followed.
    partials: [Partials.Channel, Partials.Message],
    // Nothing we send may ping anyone: not @everyone/@here, not roles, not users, not the
    // person we reply to. Set on the client, so it holds for every message without exception.
    allowedMentions: { parse: [], repliedUser: false },
    ...(config.apiBase ? { rest: { api: config.apiBase } } : {}),
  };
}
