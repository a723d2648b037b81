import type { Platform } from "../shared/platform.js";

/**
 * Reading people and channels out of what an admin typed. Slack sends mentions as `<@U123>` or
 * `<@U123|name>` and channels as `<#C123|name>`; Discord as `<@123>`, `<@!123>` and `<#123>`.
 * A bare id is accepted too (the console, a pasted id). Anything else is not a person or channel.
 */

const SLACK_USER = /^<@([UW][A-Z0-9]{2,20})(?:\|[^>]*)?>$|^([UW][A-Z0-9]{2,20})$/;
const DISCORD_USER = /^<@!?(\d{15,21})>$|^(\d{15,21})$/;
const CONSOLE_USER = /^([A-Za-z0-9_.-]{1,64})$/;
const SLACK_CHANNEL = /^<#([CGD][A-Z0-9]{2,20})(?:\|[^>]*)?>$|^#?([CGD][A-Z0-9]{2,20})$/;
const DISCORD_CHANNEL = /^<#(\d{15,21})>$|^(\d{15,21})$/;

function firstGroup(match: RegExpExecArray | null): string | null {
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** The platform user id a token names, or null. */
export function userIdFromMention(platform: Platform, token: string): string | null {
  const text = token.trim();
  if (platform === "slack") return firstGroup(SLACK_USER.exec(text));
  if (platform === "discord") return firstGroup(DISCORD_USER.exec(text));
  return firstGroup(CONSOLE_USER.exec(text));
}

/** The channel id a token names, or null (the console has no channels). */
export function channelIdFromMention(platform: Platform, token: string): string | null {
  const text = token.trim();
  if (platform === "slack") return firstGroup(SLACK_CHANNEL.exec(text));
  if (platform === "discord") return firstGroup(DISCORD_CHANNEL.exec(text));
  return null;
}

/** Splits a list of mentions typed with spaces, commas or new lines between them. */
export function splitMentions(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((token) => token.trim())
    .filter((token) => token !== "");
}
