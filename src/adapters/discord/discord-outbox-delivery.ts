import { createHash } from "node:crypto";
import {
  type APIChannel,
  type APIMessage,
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  type REST,
  type RESTPatchAPIChannelMessageJSONBody,
  type RESTPostAPIChannelMessageJSONBody,
  type RESTPostAPIChannelMessagesThreadsJSONBody,
  Routes,
} from "discord.js";
import type { PostTarget } from "../../core/ports/outbox.js";
import { DeliveryFailure, type PlatformDelivery } from "../../core/ports/platform-delivery.js";
import type { Card } from "../../core/shared/card.js";
import { renderDiscordEdit, renderDiscordMessage } from "./discord-renderer.js";

/**
 * The outbox's way onto Discord: a card to a channel, or to a person's DM, and later edits of a
 * card it posted (a vote count, a new status). Delivery policy is
 * the outbox worker's; give this a REST that rejects rate limits (`rejectOnRateLimit`) rather than
 * waiting them out, so a 429 reaches the worker with its Retry-After. @discordjs/rest still retries
 * 5xx a few times itself; the message nonce (with `enforce_nonce`) makes Discord drop a repeated
 * send of the same outbox message, so those retries cannot post it twice.
 */

/** Discord error codes after which retrying cannot help. */
const PERMANENT_CODES = new Set([
  10003, // Unknown Channel
  10008, // Unknown Message (an edit of a message someone deleted)
  10013, // Unknown User
  50001, // Missing Access
  50007, // Cannot send messages to this user
  50013, // Missing Permissions
  50035, // Invalid Form Body
]);

/** Discord accepts string nonces of up to 25 characters. */
export function discordNonce(idempotencyKey: string): string {
  return createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 25);
}

/** Starting a thread on a message that has one already. */
const THREAD_ALREADY_CREATED = 160004;
/** Unknown Message: a delete of a message someone removed already. */
const UNKNOWN_MESSAGE = 10008;

export function createDiscordOutboxDelivery(rest: Pick<REST, "post" | "patch" | "delete">): PlatformDelivery {
  async function channelFor(target: PostTarget): Promise<string> {
    if (target.kind === "channel") return target.channelId;
    // A thread is a channel of its own.
    if (target.kind === "thread") return target.threadId;
    // Opening a DM channel is idempotent on Discord: the same recipient gets the same channel.
    const channel = (await rest.post(Routes.userChannels(), {
      body: { recipient_id: target.userId },
    })) as APIChannel;
    return channel.id;
  }

  return {
    platform: "discord",
    async deliver(target, card: Card, idempotencyKey) {
      const body: RESTPostAPIChannelMessageJSONBody = {
        // allowed_mentions: nobody may be pinged but whom the card deliberately mentions.
        ...renderDiscordMessage(card),
        nonce: discordNonce(idempotencyKey),
        enforce_nonce: true,
      };
      try {
        const channelId = await channelFor(target);
        const posted = (await rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
        return { channelId, messageId: posted.id };
      } catch (error) {
        throw discordDeliveryFailure(error);
      }
    },
    async update(ref, card: Card) {
      const body: RESTPatchAPIChannelMessageJSONBody = renderDiscordEdit(card);
      try {
        await rest.patch(Routes.channelMessage(ref.channelId, ref.messageId), { body });
      } catch (error) {
        throw discordDeliveryFailure(error);
      }
    },
    async remove(ref) {
      try {
        await rest.delete(Routes.channelMessage(ref.channelId, ref.messageId));
      } catch (error) {
        if (error instanceof DiscordAPIError && error.code === UNKNOWN_MESSAGE) return;
        throw discordDeliveryFailure(error);
      }
    },
    async openThread(ref, name) {
      // A thread started on a message has the message's id, whoever starts it (a person may
      // have opened it by hand before us: that is the thread we want).
      try {
        const body: RESTPostAPIChannelMessagesThreadsJSONBody = { name: name.slice(0, 100) };
        const thread = (await rest.post(Routes.threads(ref.channelId, ref.messageId), {
          body,
        })) as APIChannel;
        return thread.id;
      } catch (error) {
        if (error instanceof DiscordAPIError && error.code === THREAD_ALREADY_CREATED) return ref.messageId;
        throw discordDeliveryFailure(error);
      }
    },
  };
}

/** What a failed REST call means for the outbox: wait (and how long), or give up. */
export function discordDeliveryFailure(error: unknown): DeliveryFailure {
  if (error instanceof DeliveryFailure) return error;
  if (error instanceof RateLimitError) {
    const waitMs = Math.max(error.retryAfter, error.timeToReset, 0);
    return new DeliveryFailure(`Discord delivery rate limited (${error.route})`, false, waitMs || null);
  }
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === "number" ? error.code : Number(error.code);
    const permanent =
      PERMANENT_CODES.has(code) ||
      (error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status));
    return new DeliveryFailure(`Discord delivery failed: ${code} ${error.message}`, permanent);
  }
  if (error instanceof HTTPError) {
    const permanent = error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status);
    return new DeliveryFailure(`Discord delivery failed: HTTP ${error.status}`, permanent);
  }
  // Network errors, timeouts (AbortError) and anything unexpected: try again later.
  return new DeliveryFailure(
    `Discord delivery failed: ${error instanceof Error ? error.message : String(error)}`,
    false,
  );
}
