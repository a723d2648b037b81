import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from "discord.js";

/**
 * What the bot needs in a server, and nothing more, so the invite asks for exactly that:
 * - View Channel and Send Messages: answers to mentions, showcases, digests and outbox posts;
 * - Embed Links: every card is an embed;
 * - Read Message History: answering a mention is a reply, which Discord allows only with it;
 * - Create Public Threads and Send Messages in Threads: each problem card opens its thread, where
 *   comments from Slack and triage moves are posted (without them the thread's outbox messages
 *   become dead letters).
 * Slash commands, buttons and forms are interactions, which need no permission.
 */
export const DISCORD_BOT_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.SendMessagesInThreads,
] as const;

export function discordPermissionsInteger(): string {
  return new PermissionsBitField([...DISCORD_BOT_PERMISSIONS]).bitfield.toString();
}

/** The link an admin opens to add the bot to a server, with its slash commands. */
export function discordInviteUrl(applicationId: string): string {
  const url = new URL("https://discord.com/oauth2/authorize");
  url.searchParams.set("client_id", applicationId);
  url.searchParams.set("scope", [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(" "));
  url.searchParams.set("permissions", discordPermissionsInteger());
  return url.toString();
}
