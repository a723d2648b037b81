import type { webApi } from "@slack/bolt";
import type { ChannelAccessChecker } from "../../core/ports/channel-access.js";

/**
 * Slack's answer to "is the bot in this channel": `conversations.info` says `is_member` for a
 * public channel, and a private channel the bot was never invited to is `channel_not_found` to
 * it. Anything else (timeout, rate limit) is "unknown": setup must not claim what it cannot see.
 */
export function slackChannelAccess(client: webApi.WebClient): ChannelAccessChecker {
  return {
    platform: "slack",
    async membership(_workspaceId, channelId) {
      try {
        const info = await client.conversations.info({ channel: channelId });
        if (info.channel?.is_member === true) return "member";
        return info.channel?.is_member === false ? "not-member" : "unknown";
      } catch (error) {
        const code = (error as { data?: { error?: unknown } }).data?.error;
        return code === "channel_not_found" ? "not-member" : "unknown";
      }
    },
  };
}
