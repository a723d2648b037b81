/**
 * In-memory "world" behind the fake Discord platform: one bot application, one guild with a category
 * and two text channels, a few human users, DM channels, stored messages and application commands.
 *
 * Payload shapes follow discord-api-types v10 (re-exported by discord.js) so that the real discord.js
 * structures can be built from them; typing them against those interfaces makes drift visible in tsc.
 */
import {
  type APIApplication,
  type APIApplicationCommand,
  type APIChannel,
  type APIDMChannel,
  type APIGuildCategoryChannel,
  type APIGuildMember,
  type APIMessage,
  type APIRole,
  type APITextChannel,
  type APIUser,
  ApplicationFlags,
  ChannelType,
  type GuildMemberFlags,
  MessageType,
  PermissionFlagsBits,
  type RoleFlags,
} from "discord.js";

const DISCORD_EPOCH = 1_420_070_400_000n;
let lastSnowflake = 0n;

/** Time-based, strictly increasing snowflakes: discord.js derives createdAt from them and sorts by them. */
export function nextSnowflake(): string {
  const timeBased = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
  lastSnowflake = timeBased > lastSnowflake ? timeBased : lastSnowflake + 1n;
  return lastSnowflake.toString();
}

export interface FakeWorldOptions {
  botUsername?: string;
  guildName?: string;
  /** Extra human users (besides the default one) that exist in the guild. */
  extraUsernames?: string[];
}

export interface FakeWorld {
  application: APIApplication;
  botUser: APIUser;
  /** The human user that interactions/messages come from unless a test says otherwise (also guild owner). */
  defaultUser: APIUser;
  users: Map<string, APIUser>;
  guildId: string;
  guildName: string;
  textChannelId: string;
  /** A second text channel, handy for "posts in another channel" tests. */
  otherTextChannelId: string;
  roles: APIRole[];
  members: Map<string, APIGuildMember>;
  /** Guild channels and DM channels, by id. */
  channels: Map<string, APIChannel>;
  /** DM channel per recipient user id (POST /users/@me/channels is idempotent on Discord too). */
  dmChannels: Map<string, APIDMChannel>;
  messages: Map<string, APIMessage>;
  globalCommands: APIApplicationCommand[];
  guildCommands: Map<string, APIApplicationCommand[]>;
}

/** Permissions a typical well-configured chat-ops bot role has (not Administrator: keeps checks honest). */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands;

const EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands;

export function makeUser(username: string, bot = false): APIUser {
  return {
    id: nextSnowflake(),
    username,
    discriminator: "0",
    global_name: bot ? null : username.charAt(0).toUpperCase() + username.slice(1),
    avatar: null,
    ...(bot ? { bot: true } : {}),
  };
}

function makeRole(id: string, name: string, position: number, permissions: bigint, botId?: string): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: botId !== undefined,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...(botId ? { tags: { bot_id: botId } } : {}),
  };
}

export function makeMember(user: APIUser, roles: string[] = []): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: new Date(Date.now() - 86_400_000).toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

function makeTextChannel(guildId: string, name: string, position: number, parentId: string): APITextChannel {
  return {
    id: nextSnowflake(),
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: parentId,
  };
}

export function createWorld(options: FakeWorldOptions = {}): FakeWorld {
  const botUser = makeUser(options.botUsername ?? "datadesk-bot", true);
  const defaultUser = makeUser("ada");
  const users = new Map<string, APIUser>([[defaultUser.id, defaultUser]]);
  for (const name of options.extraUsernames ?? ["grace"]) {
    const user = makeUser(name);
    users.set(user.id, user);
  }
  const guildId = nextSnowflake();
  const botRoleId = nextSnowflake();
  const roles = [
    // The @everyone role shares the guild id; discord.js relies on that for permission maths.
    makeRole(guildId, "@everyone", 0, EVERYONE_PERMISSIONS),
    makeRole(botRoleId, botUser.username, 1, BOT_PERMISSIONS, botUser.id),
  ];
  const members = new Map<string, APIGuildMember>([[botUser.id, makeMember(botUser, [botRoleId])]]);
  for (const user of users.values()) members.set(user.id, makeMember(user));

  const category: APIGuildCategoryChannel = {
    id: nextSnowflake(),
    type: ChannelType.GuildCategory,
    guild_id: guildId,
    name: "Text Channels",
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
  };
  const general = makeTextChannel(guildId, "general", 0, category.id);
  const other = makeTextChannel(guildId, "open-data", 1, category.id);
  const channels = new Map<string, APIChannel>([category, general, other].map((c) => [c.id, c]));

  return {
    application: {
      id: botUser.id, // for bots created since 2016 the application id equals the bot user id
      name: botUser.username,
      icon: null,
      description: "Fake application served by test/fakes/discord",
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: "0".repeat(64),
      flags: ApplicationFlags.GatewayMessageContentLimited,
      flags_new: String(ApplicationFlags.GatewayMessageContentLimited),
      team: null,
      summary: "",
      bot: botUser,
    },
    botUser,
    defaultUser,
    users,
    guildId,
    guildName: options.guildName ?? "Open Data Club",
    textChannelId: general.id,
    otherTextChannelId: other.id,
    roles,
    members,
    channels,
    dmChannels: new Map(),
    messages: new Map(),
    globalCommands: [],
    guildCommands: new Map(),
  };
}

export function userById(world: FakeWorld, id: string): APIUser {
  if (id === world.botUser.id) return world.botUser;
  const user = world.users.get(id);
  if (!user) throw new Error(`fake-discord: unknown user id ${id}; use fake.defaultUser or fake.addUser()`);
  return user;
}

export function dmChannelFor(world: FakeWorld, recipientId: string): APIDMChannel {
  const existing = world.dmChannels.get(recipientId);
  if (existing) return existing;
  const channel: APIDMChannel = {
    id: nextSnowflake(),
    type: ChannelType.DM,
    last_message_id: null,
    recipients: [userById(world, recipientId)],
    name: null,
  };
  world.dmChannels.set(recipientId, channel);
  world.channels.set(channel.id, channel);
  return channel;
}

/** Builds and stores a message with every field the API always returns, so discord.js can _patch it. */
export function storeMessage(
  world: FakeWorld,
  fields: Partial<APIMessage> & { channel_id: string },
): APIMessage {
  const message: APIMessage = {
    id: nextSnowflake(),
    type: MessageType.Default,
    author: world.botUser,
    content: "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    components: [],
    ...fields,
  };
  world.messages.set(message.id, message);
  return message;
}
