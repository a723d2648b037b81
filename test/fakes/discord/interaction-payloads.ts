/**
 * Builders for realistic gateway payloads (INTERACTION_CREATE and MESSAGE_CREATE) shaped like what
 * Discord actually sends, defaulting to the fake world's default user, guild and #general channel.
 * Pass `guildId: null` to build the DM variant (user instead of member, DM channel, BotDM context).
 */
import { randomUUID } from "node:crypto";
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandInteractionDataSubcommandOption,
  type APIBaseInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentInteraction,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  ComponentType,
  InteractionContextType,
  InteractionType,
  type Locale,
  PermissionsBitField,
} from "discord.js";
import {
  BOT_PERMISSIONS,
  dmChannelFor,
  type FakeWorld,
  makeMember,
  nextSnowflake,
  storeMessage,
  userById,
} from "./world.js";

/** Who triggers the interaction and where. `guildId: null` means "in a DM with the bot". */
export interface ActorOptions {
  user?: APIUser | string;
  guildId?: string | null;
  channelId?: string;
  locale?: Locale | `${Locale}`;
  /** Overrides member.permissions (guild only); defaults to all for the owner, @everyone's otherwise. */
  memberPermissions?: bigint;
}

/** Either raw API options, or a `{name: value}` shorthand whose option types are inferred from values. */
export type OptionsInput =
  | APIApplicationCommandInteractionDataOption[]
  | Record<string, string | number | boolean>;

export function resolveUser(world: FakeWorld, user: APIUser | string | undefined): APIUser {
  if (user === undefined) return world.defaultUser;
  return typeof user === "string" ? userById(world, user) : user;
}

function toApiOptions(
  input: OptionsInput | undefined,
  focused?: string,
): APIApplicationCommandInteractionDataOption[] {
  if (input === undefined) return [];
  if (Array.isArray(input)) return input;
  return Object.entries(input).map(([name, value]): APIApplicationCommandInteractionDataOption => {
    // Discord sends the partially typed text as a string for the focused autocomplete option.
    if (name === focused)
      return { name, type: ApplicationCommandOptionType.String, value: String(value), focused: true };
    if (typeof value === "boolean") return { name, type: ApplicationCommandOptionType.Boolean, value };
    if (typeof value === "number") {
      const type = Number.isInteger(value)
        ? ApplicationCommandOptionType.Integer
        : ApplicationCommandOptionType.Number;
      return { name, type, value };
    }
    return { name, type: ApplicationCommandOptionType.String, value };
  });
}

/** Wraps leaf options into `subcommand` (and `group`) options, as Discord nests them. */
function nestOptions(
  options: APIApplicationCommandInteractionDataOption[],
  subcommand?: string,
  group?: string,
): APIApplicationCommandInteractionDataOption[] {
  if (!subcommand) return options;
  const sub: APIApplicationCommandInteractionDataSubcommandOption = {
    name: subcommand,
    type: ApplicationCommandOptionType.Subcommand,
    // Below a subcommand only leaf (basic) options are allowed; the caller passes those.
    options: options as APIApplicationCommandInteractionDataBasicOption[],
  };
  if (!group) return [sub];
  return [{ name: group, type: ApplicationCommandOptionType.SubcommandGroup, options: [sub] }];
}

export type Base<T extends InteractionType> = Omit<APIBaseInteraction<T, unknown>, "data">;

export function baseInteraction<T extends InteractionType>(
  world: FakeWorld,
  type: T,
  actor: ActorOptions,
): Base<T> {
  const user = resolveUser(world, actor.user);
  const inGuild = actor.guildId !== null;
  const guildId = actor.guildId ?? world.guildId;
  const common = {
    id: nextSnowflake(),
    application_id: world.application.id,
    type,
    // Real tokens are long opaque strings; unique per interaction so webhook routes can find it.
    token: `fake-interaction-${randomUUID()}`,
    version: 1 as const,
    app_permissions: BOT_PERMISSIONS.toString(),
    locale: (actor.locale ?? "en-US") as Locale,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (!inGuild) {
    const channel = dmChannelFor(world, user.id);
    return {
      ...common,
      channel: { id: channel.id, type: channel.type, recipients: [user], last_message_id: null },
      channel_id: channel.id,
      user,
      // For a guild-installed app used in the bot's DM, Discord reports the guild install owner as "0".
      authorizing_integration_owners: { 0: "0" },
      context: InteractionContextType.BotDM,
    };
  }
  const channelId = actor.channelId ?? world.textChannelId;
  const channel = world.channels.get(channelId);
  if (!channel) throw new Error(`fake-discord: unknown channel ${channelId}`);
  const isOwner = user.id === world.defaultUser.id;
  const permissions =
    actor.memberPermissions ?? (isOwner ? PermissionsBitField.All : BigInt(world.roles[0]?.permissions ?? 0));
  const member = world.members.get(user.id) ?? makeMember(user);
  return {
    ...common,
    guild_id: guildId,
    guild: { id: guildId, locale: "en-US" as Locale, features: [] },
    guild_locale: "en-US" as Locale,
    // Interaction channels are partial channels plus the invoking member's computed permissions.
    channel: { ...channel, permissions: permissions.toString() } as unknown as Base<T>["channel"],
    channel_id: channelId,
    member: { ...member, user, permissions: permissions.toString() },
    authorizing_integration_owners: { 0: guildId },
    context: InteractionContextType.Guild,
  };
}

export interface ChatInputOptions extends ActorOptions {
  name: string;
  options?: OptionsInput;
  subcommand?: string;
  subcommandGroup?: string;
}

function commandIdFor(world: FakeWorld, name: string, guildId: string | null | undefined): string {
  const registered = [...world.globalCommands, ...(world.guildCommands.get(guildId ?? world.guildId) ?? [])];
  return registered.find((c) => c.name === name)?.id ?? nextSnowflake();
}

export function chatInputInteraction(
  world: FakeWorld,
  o: ChatInputOptions,
): APIChatInputApplicationCommandInteraction {
  const base = baseInteraction(world, InteractionType.ApplicationCommand, o);
  return {
    ...base,
    data: {
      id: commandIdFor(world, o.name, o.guildId),
      name: o.name,
      type: ApplicationCommandType.ChatInput,
      options: nestOptions(toApiOptions(o.options), o.subcommand, o.subcommandGroup),
      ...(base.guild_id ? { guild_id: base.guild_id } : {}),
    },
  } as APIChatInputApplicationCommandInteraction;
}

export interface MessageCommandOptions extends ActorOptions {
  /** The menu command's name as registered ("Turn into problem"). */
  name: string;
  /** The message it was run on, as the gateway would resolve it. */
  message: APIMessage;
}

/** "Apps → <name>" on a message: a type-3 application command with the message resolved. */
export function messageCommandInteraction(
  world: FakeWorld,
  o: MessageCommandOptions,
): APIMessageApplicationCommandInteraction {
  const base = baseInteraction(world, InteractionType.ApplicationCommand, o);
  return {
    ...base,
    data: {
      id: commandIdFor(world, o.name, o.guildId),
      name: o.name,
      type: ApplicationCommandType.Message,
      target_id: o.message.id,
      resolved: { messages: { [o.message.id]: o.message } },
      ...(base.guild_id ? { guild_id: base.guild_id } : {}),
    },
  } as APIMessageApplicationCommandInteraction;
}

export interface AutocompleteOptions extends ChatInputOptions {
  /** Name of the option the user is typing in; must be a key of a `{name: value}` options object. */
  focused: string;
}

export function autocompleteInteraction(
  world: FakeWorld,
  o: AutocompleteOptions,
): APIApplicationCommandAutocompleteInteraction {
  const base = baseInteraction(world, InteractionType.ApplicationCommandAutocomplete, o);
  return {
    ...base,
    data: {
      id: commandIdFor(world, o.name, o.guildId),
      name: o.name,
      type: ApplicationCommandType.ChatInput,
      options: nestOptions(toApiOptions(o.options, o.focused), o.subcommand, o.subcommandGroup),
    },
  } as APIApplicationCommandAutocompleteInteraction;
}

/** The message a component lives on: a stored one, or a bot message carrying that very component. */
function componentMessage(
  world: FakeWorld,
  channelId: string,
  customId: string,
  messageId?: string,
): APIMessage {
  if (messageId) {
    const stored = world.messages.get(messageId);
    if (!stored) throw new Error(`fake-discord: unknown message ${messageId}`);
    return stored;
  }
  return storeMessage(world, {
    channel_id: channelId,
    content: "Pick one",
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: customId, label: customId },
        ],
      },
    ],
  });
}

export interface ButtonOptions extends ActorOptions {
  customId: string;
  messageId?: string;
}

export function buttonInteraction(world: FakeWorld, o: ButtonOptions): APIMessageComponentInteraction {
  const base = baseInteraction(world, InteractionType.MessageComponent, o);
  const message = componentMessage(world, base.channel_id ?? world.textChannelId, o.customId, o.messageId);
  return {
    ...base,
    message,
    data: { custom_id: o.customId, component_type: ComponentType.Button },
  } as APIMessageComponentInteraction;
}

export interface StringSelectOptions extends ButtonOptions {
  values: string[];
}

export function stringSelectInteraction(
  world: FakeWorld,
  o: StringSelectOptions,
): APIMessageComponentInteraction {
  const base = baseInteraction(world, InteractionType.MessageComponent, o);
  const message = componentMessage(world, base.channel_id ?? world.textChannelId, o.customId, o.messageId);
  return {
    ...base,
    message,
    data: { custom_id: o.customId, component_type: ComponentType.StringSelect, values: o.values },
  } as APIMessageComponentInteraction;
}
