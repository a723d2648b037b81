/**
 * MESSAGE_CREATE payloads as Discord sends them for guild and DM messages: mentions parsed from the
 * content, a partial member on the author and on mentioned users in guilds, and `channel_type`.
 */
import { type APIUser, type GatewayMessageCreateDispatchData, MessageType } from "discord.js";
import { resolveUser } from "./interaction-payloads.js";
import { dmChannelFor, type FakeWorld, makeMember, storeMessage, userById } from "./world.js";

export interface MessageCreateOptions {
  content: string;
  /** Users mentioned; by default parsed from `<@id>` tokens in content, as Discord does. */
  mentions?: Array<APIUser | string>;
  authorId?: string;
  /** `null` for a DM with the bot (channel defaults to the author's DM channel). */
  guildId?: string | null;
  channelId?: string;
  /** Makes this message a reply to a stored message. */
  replyToMessageId?: string;
}

export function messageCreate(world: FakeWorld, o: MessageCreateOptions): GatewayMessageCreateDispatchData {
  const author = resolveUser(world, o.authorId);
  const inGuild = o.guildId !== null;
  const channelId = o.channelId ?? (inGuild ? world.textChannelId : dmChannelFor(world, author.id).id);
  const mentionIds = o.mentions
    ? o.mentions.map((m) => (typeof m === "string" ? m : m.id))
    : [...o.content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1] ?? "");
  const mentions = mentionIds.map((id) => {
    const user = userById(world, id);
    const member = world.members.get(id);
    // In guilds Discord attaches a partial member (no user) to each mentioned user.
    if (!inGuild || !member) return user;
    const { user: _omit, ...partialMember } = member;
    return { ...user, member: partialMember };
  });
  const referenced = o.replyToMessageId ? world.messages.get(o.replyToMessageId) : undefined;
  const stored = storeMessage(world, {
    channel_id: channelId,
    author,
    content: o.content,
    mentions,
    mention_roles: [...o.content.matchAll(/<@&(\d+)>/g)].map((m) => m[1] ?? ""),
    ...(referenced
      ? {
          type: MessageType.Reply,
          message_reference: { message_id: referenced.id, channel_id: channelId },
          referenced_message: referenced,
        }
      : {}),
  });
  const guildMember = world.members.get(author.id);
  if (!inGuild) return { ...stored, channel_type: 1 } as GatewayMessageCreateDispatchData;
  const { user: _omit, ...member } = guildMember ?? makeMember(author);
  return {
    ...stored,
    guild_id: o.guildId ?? world.guildId,
    member,
    // A thread's messages say so (11: public thread); discord.js finds the channel in its cache.
    channel_type: world.channels.get(channelId)?.type ?? 0,
  } as GatewayMessageCreateDispatchData;
}
