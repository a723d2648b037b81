/**
 * REST routes of the fake, relative to the versioned base (discord.js calls `${api}/v10${route}`).
 * Handlers are synchronous on purpose: the server records the call right after the handler returns,
 * so anything a handler resolves (e.g. an interaction callback waiter) sees the call already recorded.
 * Error bodies mirror Discord's JSON error codes so bot error handling can be tested too.
 */
import { type APIMessage, MessageFlags, MessageType } from "discord.js";
import { restGuild } from "./guild-payloads.js";
import type { RecordedCall } from "./interaction-ledger.js";
import { commandRoutes } from "./rest-command-routes.js";
import { interactionRoutes } from "./rest-interaction-routes.js";
import {
  apiError,
  invalidMessage,
  messageFields,
  noContent,
  notFoundRoute,
  ok,
  type RestContext,
  type RestResult,
  type Route,
  record,
  unknownMessage,
  updateStoredMessage,
} from "./rest-kit.js";
import { threadRoutes } from "./thread-payloads.js";
import { dmChannelFor, storeMessage } from "./world.js";

/** Interaction callbacks and webhook routes authenticate via the token in the URL, not the bot token. */
export function routeNeedsBotToken(path: string): boolean {
  return !path.startsWith("/interactions/") && !/^\/webhooks\/\d+\/[^/]+/.test(path);
}

function platformRoutes({ world, gatewayUrl }: RestContext): Route[] {
  const unknownGuild = () => apiError(404, 10004, "Unknown Guild");
  return [
    [
      /^\/gateway\/bot$/,
      {
        GET: () =>
          ok({
            url: gatewayUrl,
            shards: 1,
            session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
          }),
      },
    ],
    [/^\/gateway$/, { GET: () => ok({ url: gatewayUrl }) }],
    [/^\/users\/@me$/, { GET: () => ok(world.botUser) }],
    [/^\/applications\/@me$/, { GET: () => ok(world.application) }],
    [
      /^\/users\/@me\/channels$/,
      {
        // Opening a DM is idempotent: the same recipient always gets the same channel.
        POST: (_p, call) => {
          const recipient = String(record(call.body).recipient_id ?? "");
          if (!world.users.has(recipient)) return apiError(400, 50007, "Cannot send messages to this user");
          return ok(dmChannelFor(world, recipient));
        },
      },
    ],
    [
      /^\/users\/(\d+)$/,
      {
        GET: ([id = ""]) => {
          const user = id === world.botUser.id ? world.botUser : world.users.get(id);
          return user ? ok(user) : apiError(404, 10013, "Unknown User");
        },
      },
    ],
    [/^\/guilds\/(\d+)$/, { GET: ([id]) => (id === world.guildId ? ok(restGuild(world)) : unknownGuild()) }],
    [
      /^\/guilds\/(\d+)\/channels$/,
      {
        GET: ([id]) =>
          id === world.guildId
            ? ok([...world.channels.values()].filter((c) => "guild_id" in c))
            : unknownGuild(),
      },
    ],
    [
      /^\/guilds\/(\d+)\/members\/(\d+)$/,
      {
        GET: ([guildId, userId = ""]) => {
          if (guildId !== world.guildId) return unknownGuild();
          const member = world.members.get(userId);
          return member ? ok(member) : apiError(404, 10007, "Unknown Member");
        },
      },
    ],
  ];
}

function channelRoutes({ world }: RestContext): Route[] {
  // Ephemeral messages belong to their interaction: the channel routes do not know them (404),
  // they are edited and deleted through the interaction's webhook only, as on Discord.
  const inChannel = (channelId: string | undefined, id: string) => {
    const message = world.messages.get(id);
    return message?.channel_id === channelId && ((message?.flags ?? 0) & MessageFlags.Ephemeral) === 0;
  };
  /** With enforce_nonce, a repeated send (same nonce, same channel) answers the first message. */
  const sentByNonce = new Map<string, APIMessage>();
  return [
    [
      /^\/channels\/(\d+)$/,
      {
        GET: ([id = ""]) => {
          const channel = world.channels.get(id);
          return channel ? ok(channel) : apiError(404, 10003, "Unknown Channel");
        },
      },
    ],
    [/^\/channels\/(\d+)\/typing$/, { POST: () => noContent }],
    [
      /^\/channels\/(\d+)\/messages$/,
      {
        POST: ([channelId = ""], call) => {
          if (!world.channels.has(channelId)) return apiError(404, 10003, "Unknown Channel");
          const invalid = invalidMessage(call.body, call, true);
          if (invalid) return invalid;
          // message.reply() sends a message_reference; Discord rejects unknown targets by default.
          const ref = record(record(call.body).message_reference);
          const refId = typeof ref.message_id === "string" ? ref.message_id : undefined;
          const referenced = refId ? world.messages.get(refId) : undefined;
          if (refId && !referenced && ref.fail_if_not_exists !== false) {
            return apiError(400, 50035, "Invalid Form Body", {
              message_reference: { _errors: [{ code: "REPLIES_UNKNOWN_MESSAGE" }] },
            });
          }
          const body = record(call.body);
          const nonceKey =
            body.enforce_nonce === true && body.nonce !== undefined
              ? `${channelId}:${String(body.nonce)}`
              : null;
          const earlier = nonceKey ? sentByNonce.get(nonceKey) : undefined;
          if (earlier) return ok(earlier);
          const reply = referenced && {
            type: MessageType.Reply,
            message_reference: { message_id: referenced.id, channel_id: referenced.channel_id },
            referenced_message: referenced,
          };
          const stored = storeMessage(world, {
            channel_id: channelId,
            ...messageFields(call.body, call),
            ...reply,
          });
          if (nonceKey) sentByNonce.set(nonceKey, stored);
          return ok(stored);
        },
      },
    ],
    [
      /^\/channels\/(\d+)\/messages\/(\d+)$/,
      {
        GET: ([channelId, id = ""]) =>
          inChannel(channelId, id) ? ok(world.messages.get(id)) : unknownMessage(),
        PATCH: ([channelId, id = ""], call) => {
          if (!inChannel(channelId, id)) return unknownMessage();
          return (
            invalidMessage(call.body, call, false) ?? ok(updateStoredMessage(world, id, call.body, call))
          );
        },
        DELETE: ([channelId, id = ""]) =>
          inChannel(channelId, id) && world.messages.delete(id) ? noContent : unknownMessage(),
      },
    ],
  ];
}

export function createRestRouter(
  ctx: RestContext,
  announce: (event: string, data: unknown) => void = () => {},
): (call: RecordedCall) => RestResult {
  const routes = [
    ...threadRoutes(ctx, announce),
    ...platformRoutes(ctx),
    ...commandRoutes(ctx),
    ...interactionRoutes(ctx),
    ...channelRoutes(ctx),
  ];
  return (call) => {
    for (const [pattern, methods] of routes) {
      const match = pattern.exec(call.path);
      if (!match) continue;
      const handler = methods[call.method];
      if (!handler) return apiError(405, 0, "405: Method Not Allowed");
      return handler(match.slice(1), call);
    }
    return notFoundRoute();
  };
}
