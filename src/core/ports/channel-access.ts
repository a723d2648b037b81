import type { Platform } from "../shared/platform.js";

/**
 * Whether the bot can post in a channel: Slack answers `not_in_channel` to a bot that was never
 * invited, and Discord refuses a channel the bot cannot see. Setup shows it to the admin when the
 * channel is chosen, instead of the outbox dead-lettering every post there later.
 * "unknown": the platform could not tell us now (timeout, rate limit, no adapter running).
 */
export type ChannelMembership = "member" | "not-member" | "unknown";

/** One platform's answer; adapters implement it. Never rejects. */
export interface ChannelAccessChecker {
  readonly platform: Platform;
  membership(workspaceId: string, channelId: string): Promise<ChannelMembership>;
}

/** What the core asks: any platform's channel. Never rejects. */
export interface ChannelAccess {
  membership(platform: Platform, workspaceId: string, channelId: string): Promise<ChannelMembership>;
}
