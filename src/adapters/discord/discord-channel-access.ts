import { type Client, DiscordAPIError, PermissionFlagsBits } from "discord.js";
import type { ChannelAccessChecker } from "../../core/ports/channel-access.js";

/** Discord's "Missing Access": the bot's role cannot see the channel. */
const MISSING_ACCESS = 50001;

/**
 * On Discord the bot is "in" a channel when its role may see it and post in it (and in its
 * threads, where problem conversations go). Without a connected client nobody can tell.
 */
export function discordChannelAccess(client: () => Client | null): ChannelAccessChecker {
  return {
    platform: "discord",
    async membership(_workspaceId, channelId) {
      const current = client();
      if (!current?.user) return "unknown";
      try {
        const channel = await current.channels.fetch(channelId);
        if (!channel || channel.isDMBased() || !("permissionsFor" in channel)) return "unknown";
        const permissions = channel.permissionsFor(current.user);
        if (!permissions) return "unknown";
        return permissions.has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages])
          ? "member"
          : "not-member";
      } catch (error) {
        return error instanceof DiscordAPIError && error.code === MISSING_ACCESS ? "not-member" : "unknown";
      }
    },
  };
}
