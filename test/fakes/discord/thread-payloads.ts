/**
 * Threads on the fake: POST /channels/:channel/messages/:message/threads starts one (its id is the
 * message's, as on Discord, and a second start answers 160004), announced with THREAD_CREATE so
 * discord.js knows the channel; and the MESSAGE_UPDATE / MESSAGE_DELETE dispatches of a person
 * editing or deleting a message.
 */
import {
  type APIMessage,
  type APIThreadChannel,
  type ChannelFlags,
  ChannelType,
  type GatewayMessageDeleteDispatchData,
  type GatewayMessageUpdateDispatchData,
  type ThreadAutoArchiveDuration,
} from "discord.js";
import { apiError, ok, type RestContext, type RestResult, type Route, record } from "./rest-kit.js";
import type { FakeWorld } from "./world.js";

export function startThread(
  world: FakeWorld,
  channelId: string,
  messageId: string,
  name: string,
  ownerId: string,
): APIThreadChannel | { error: RestResult } {
  const parent = world.channels.get(channelId);
  const message = world.messages.get(messageId);
  if (!parent || !("guild_id" in parent)) return { error: apiError(404, 10003, "Unknown Channel") };
  if (message?.channel_id !== channelId) return { error: apiError(404, 10008, "Unknown Message") };
  if (world.channels.has(messageId))
    return { error: apiError(400, 160004, "A thread has already been created for this message") };
  const thread: APIThreadChannel = {
    id: messageId,
    type: ChannelType.PublicThread,
    guild_id: parent.guild_id ?? world.guildId,
    parent_id: channelId,
    name: name.slice(0, 100),
    owner_id: ownerId,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    flags: 0 as ChannelFlags,
    thread_metadata: {
      archived: false,
      auto_archive_duration: 1440 as ThreadAutoArchiveDuration,
      archive_timestamp: new Date().toISOString(),
      locked: false,
    },
  };
  world.channels.set(thread.id, thread);
  return thread;
}

/** The REST route; `announce` dispatches THREAD_CREATE to the connected client. */
export function threadRoutes(
  { world }: RestContext,
  announce: (event: string, data: unknown) => void,
): Route[] {
  return [
    [
      /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/,
      {
        POST: ([channelId = "", messageId = ""], call) => {
          const name = String(record(call.body).name ?? "");
          if (name === "") return apiError(400, 50035, "Invalid Form Body");
          const started = startThread(world, channelId, messageId, name, world.botUser.id);
          if ("error" in started) return started.error;
          announce("THREAD_CREATE", { ...started, newly_created: true });
          return ok(started);
        },
      },
    ],
  ];
}

/** A person's stored message edited to `content`, as the gateway tells it. */
export function messageUpdate(
  world: FakeWorld,
  id: string,
  content: string,
): GatewayMessageUpdateDispatchData {
  const stored = world.messages.get(id);
  if (!stored) throw new Error(`fake-discord: no message ${id} to edit`);
  const edited: APIMessage = { ...stored, content, edited_timestamp: new Date().toISOString() };
  world.messages.set(id, edited);
  const guildId = guildOf(world, stored.channel_id);
  return { ...edited, ...(guildId ? { guild_id: guildId } : {}) } as GatewayMessageUpdateDispatchData;
}

export function messageDelete(world: FakeWorld, id: string): GatewayMessageDeleteDispatchData {
  const stored = world.messages.get(id);
  if (!stored) throw new Error(`fake-discord: no message ${id} to delete`);
  world.messages.delete(id);
  const guildId = guildOf(world, stored.channel_id);
  return { id, channel_id: stored.channel_id, ...(guildId ? { guild_id: guildId } : {}) };
}

function guildOf(world: FakeWorld, channelId: string): string | undefined {
  const channel = world.channels.get(channelId);
  return channel && "guild_id" in channel ? (channel.guild_id ?? undefined) : undefined;
}
