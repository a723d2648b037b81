import type { ChannelAccess, ChannelAccessChecker, ChannelMembership } from "../ports/channel-access.js";
import type { Platform } from "../shared/platform.js";

/**
 * The core is built before the adapters connect, so each adapter registers its checker once it
 * exists; a platform without one (the console, or not started) is "unknown".
 */
export interface ChannelAccessRegistry extends ChannelAccess {
  register(checker: ChannelAccessChecker): void;
}

export function createChannelAccessRegistry(): ChannelAccessRegistry {
  const checkers = new Map<Platform, ChannelAccessChecker>();
  return {
    register(checker) {
      checkers.set(checker.platform, checker);
    },
    async membership(platform, workspaceId, channelId): Promise<ChannelMembership> {
      const checker = checkers.get(platform);
      if (!checker) return "unknown";
      try {
        return await checker.membership(workspaceId, channelId);
      } catch {
        return "unknown";
      }
    },
  };
}
