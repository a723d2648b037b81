import type { Message, PartialMessage } from "discord.js";
import type { ThreadActivity } from "../../core/problems/thread-activity.js";
import type { PlatformAdapterDeps } from "../platform-adapter-deps.js";
import { identityFromMessage } from "./discord-inbound.js";

/**
 * Messages in server threads (a problem card's, perhaps), their edits and deletions, handed to
 * the core, which keeps those of a problem's thread as comments and mirrors them to the other
 * platform. A replayed gateway message is stored once by the core (one comment per message);
 * a replayed edit carries the same text and changes nothing.
 */
export interface DiscordThreadHandlers {
  /** A person's message in a thread that was not addressed to the bot. */
  reply(message: Message): Promise<void>;
  edit(message: Message | PartialMessage): Promise<void>;
  remove(message: Message | PartialMessage): Promise<void>;
}

/** Mentions as the names Discord showed (`@Ana`), and @everyone/@here defused, from discord.js. */
function textOf(message: Message | PartialMessage): string | null {
  return message.content === null ? null : message.cleanContent;
}

/** Only server threads; a message whose channel discord.js does not know may still be in one. */
function inThread(message: Message | PartialMessage): boolean {
  if (!message.guildId) return false;
  const channel = message.channel as Message["channel"] | null | undefined;
  return !channel || channel.isThread();
}

export function createDiscordThreadHandlers(
  deps: Pick<PlatformAdapterDeps, "core" | "logger" | "metrics">,
): DiscordThreadHandlers {
  const { core, logger, metrics } = deps;

  async function tell(activity: ThreadActivity): Promise<void> {
    if (!core.threadActivity) return;
    const done = metrics.requestSeconds.startTimer({ platform: "discord", kind: "message" });
    const outcome = await core.threadActivity(activity).finally(() => done());
    if (outcome === null) metrics.requests.inc({ platform: "discord", kind: "message", outcome: "error" });
    else if (outcome.kind !== "not-a-problem-thread")
      metrics.requests.inc({ platform: "discord", kind: "message", outcome: "ok" });
    logger.debug({ kind: activity.kind, outcome }, "Discord thread activity");
  }

  return {
    async reply(message) {
      if (!inThread(message)) return;
      const identity = identityFromMessage(message);
      const text = textOf(message);
      if (!identity || text === null) return;
      await tell({
        kind: "reply",
        identity,
        place: { threadId: message.channelId },
        messageId: message.id,
        text,
      });
    },
    async edit(message) {
      if (!inThread(message) || message.author?.bot) return;
      const text = textOf(message);
      if (text === null) return;
      await tell({
        kind: "edit",
        platform: "discord",
        place: { threadId: message.channelId },
        messageId: message.id,
        text,
      });
    },
    async remove(message) {
      if (!inThread(message) || message.author?.bot) return;
      await tell({
        kind: "delete",
        platform: "discord",
        place: { threadId: message.channelId },
        messageId: message.id,
      });
    },
  };
}
