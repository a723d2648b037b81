import { createHash } from "node:crypto";
import { TtlStore } from "../ttl-store.js";

/**
 * Slash commands carry no event id and Slack never retries one it got a 200 for, but a proxy
 * that replays requests (or a client that double-posts) delivers the same command again, and
 * each copy would get its own answer. A copy is the same team, user, command, text and
 * trigger_id: Slack mints a new trigger_id for every invocation, so typing the same command
 * twice is two commands, never a replay.
 *
 * Kept in memory on purpose: the check runs between Slack's request and our answer, where
 * nothing may wait for the database. Its scope is one process for `ttlMs`; replicas behind a
 * load balancer that spreads the copies each answer theirs.
 */
export interface SlashCommandKey {
  team_id: string;
  user_id: string;
  command: string;
  text: string;
  trigger_id: string;
}

export interface SlashCommandReplays {
  /** True the first time a command is seen (within the window), false for its copies. */
  firstTime(command: SlashCommandKey): boolean;
}

/** Long past any proxy's replay, short enough that the map stays small under load. */
export const SLASH_COMMAND_REPLAY_WINDOW_MS = 10 * 60_000;

export function createSlashCommandReplays(
  options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {},
): SlashCommandReplays {
  const seen = new TtlStore<true>({
    ttlMs: options.ttlMs ?? SLASH_COMMAND_REPLAY_WINDOW_MS,
    maxEntries: options.maxEntries ?? 50_000,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    firstTime({ team_id, user_id, command, text, trigger_id }) {
      // A digest, so a long text does not sit in memory for ten minutes.
      const key = createHash("sha256")
        .update(JSON.stringify([team_id, user_id, command, text, trigger_id]))
        .digest("base64url");
      if (seen.get(key)) return false;
      seen.set(key, true);
      return true;
    },
  };
}
