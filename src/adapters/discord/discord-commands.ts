import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  Locale,
  type LocalizationMap,
  PermissionFlagsBits,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import type { CommandOptionSpec, CommandSpec } from "../../core/commands/command-spec.js";
import { type MessageShortcutSpec, messageShortcuts } from "../../core/commands/message-shortcuts.js";
import { listedCommands } from "../../core/commands/registry.js";
import type { SupportedLocale } from "../../core/i18n/locales.js";
import { translationsOf } from "../../core/i18n/translator.js";
import { truncatePlain } from "./discord-markdown.js";

/**
 * The command registry as Discord application commands: every registry command is a top-level
 * slash command (`/help`, `/ask`…). English is the default description; other languages we speak
 * become description_localizations for every Discord locale of that language, so a Spanish
 * Discord client shows Spanish descriptions.
 */

/** Discord locales per language we translate into. English is the unlocalised default. */
const DISCORD_LOCALES: Record<SupportedLocale, Locale[]> = {
  en: [],
  es: [Locale.SpanishES, Locale.SpanishLATAM],
};

const OPTION_TYPE = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
  user: ApplicationCommandOptionType.User,
} as const;

/** Discord's limit for a description and for a choice's name alike. */
const TEXT_MAX = 100;

/** One text in English (Discord's default) and in every Discord locale of the languages we speak. */
function localized(key: string): { text: string; localizations: LocalizationMap } {
  const translations = translationsOf(key);
  // i18next answers a missing key with the key (without its namespace): a bug, not a description.
  if (translations.en === key || translations.en === key.slice(key.indexOf(":") + 1)) {
    throw new Error(`Discord command description "${key}" has no English translation`);
  }
  const localizations: LocalizationMap = {};
  for (const [language, locales] of Object.entries(DISCORD_LOCALES) as Array<[SupportedLocale, Locale[]]>) {
    const text = translations[language];
    // A language without its own text falls back to English, which is already the default.
    if (language === "en" || text === translations.en) continue;
    for (const locale of locales) localizations[locale] = truncatePlain(text, TEXT_MAX);
  }
  return { text: truncatePlain(translations.en, TEXT_MAX), localizations };
}

function describe(key: string): { description: string; description_localizations: LocalizationMap } {
  const { text, localizations } = localized(key);
  return { description: text, description_localizations: localizations };
}

/** A fixed value as Discord lists it: the label in every language we speak, the value unchanged. */
function buildChoice(choice: { value: string; labelKey: string }): {
  name: string;
  name_localizations?: LocalizationMap;
  value: string;
} {
  const { text, localizations } = localized(choice.labelKey);
  return {
    name: text,
    // A label that reads the same in every language ("admin") has no localizations to list.
    ...(Object.keys(localizations).length > 0 ? { name_localizations: localizations } : {}),
    value: choice.value,
  };
}

function buildOption(option: CommandOptionSpec): APIApplicationCommandBasicOption {
  const base = { name: option.name, ...describe(option.descriptionKey), required: option.required };
  // Discord allows either a fixed list or autocomplete on an option, not both.
  if (option.choices && option.autocomplete) {
    throw new Error(`option ${option.name} has both choices and autocomplete`);
  }
  switch (option.type) {
    case "boolean":
      return { ...base, type: OPTION_TYPE.boolean };
    case "user":
      return { ...base, type: OPTION_TYPE.user };
    case "integer":
      return option.autocomplete
        ? { ...base, type: OPTION_TYPE.integer, autocomplete: true }
        : { ...base, type: OPTION_TYPE.integer };
    case "string": {
      if (option.choices) {
        return { ...base, type: OPTION_TYPE.string, choices: option.choices.map(buildChoice) };
      }
      const maxLength = option.maxLength === undefined ? {} : { max_length: option.maxLength };
      return option.autocomplete
        ? { ...base, ...maxLength, type: OPTION_TYPE.string, autocomplete: true }
        : { ...base, ...maxLength, type: OPTION_TYPE.string };
    }
  }
}

function buildCommand(command: CommandSpec): RESTPostAPIChatInputApplicationCommandsJSONBody {
  // Discord refuses a required option after an optional one; keep the registry's order otherwise.
  const options = [
    ...command.options.filter((o) => o.required),
    ...command.options.filter((o) => !o.required),
  ].map(buildOption);
  return {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    ...describe(command.descriptionKey),
    options,
    // Installed to a server, usable in its channels and in DMs with the bot.
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    // Admin commands are shown by default only to those who can manage the server, as members of
    // Discord servers expect; a server can widen that under Integrations. datadesk still checks its
    // own admin role, which is what decides.
    ...(command.audience === "admins"
      ? { default_member_permissions: PermissionFlagsBits.ManageGuild.toString() }
      : {}),
  };
}

/** Discord's limit for a context-menu command's name (which, unlike a slash command's, may have spaces). */
const MENU_NAME_MAX = 32;

/**
 * A message shortcut as a message context-menu command ("Apps → Turn into problem"), as Slack
 * has it in a message's menu. Discord sends its English name back as the command name.
 */
function buildMessageCommand(
  shortcut: MessageShortcutSpec,
): RESTPostAPIContextMenuApplicationCommandsJSONBody {
  const { text, localizations } = localized(shortcut.nameKey);
  const cut = (name: string) => name.slice(0, MENU_NAME_MAX);
  return {
    type: ApplicationCommandType.Message,
    name: cut(text),
    name_localizations: Object.fromEntries(
      Object.entries(localizations).map(([locale, name]) => [locale, name ? cut(name) : name]),
    ),
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
  };
}

/** The shortcut a message context-menu command stands for, by the name Discord sends. */
export function messageShortcutNamed(commandName: string): MessageShortcutSpec | undefined {
  return messageShortcuts.find((shortcut) => buildMessageCommand(shortcut).name === commandName);
}

/** How a person finds a command: "/ask" for a slash command, "Turn into problem" for a menu one. */
export function commandLabel(name: string): string {
  return /^[-_\p{Ll}\p{N}]+$/u.test(name) ? `/${name}` : `"${name}"`;
}

/**
 * `/datadesk [request]`: Discord servers hold many bots, several with a `/help` or `/ask`, so
 * typing our name must find us. The request is read as Slack reads what follows `/datadesk`.
 */
export const DISCORD_ENTRY_COMMAND = "datadesk";
export const DISCORD_ENTRY_OPTION = "request";

function buildEntryCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.ChatInput,
    name: DISCORD_ENTRY_COMMAND,
    ...describe("discord:entryCommand.description"),
    options: [
      {
        type: OPTION_TYPE.string,
        name: DISCORD_ENTRY_OPTION,
        ...describe("discord:entryCommand.request"),
        required: false,
        max_length: 4000,
      },
    ],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  };
}

/** The slash commands: the registry's listed commands. */
export function buildDiscordCommands(
  registry: readonly CommandSpec[] = listedCommands,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return registry.map(buildCommand);
}

/** The body of PUT /applications/:id/commands (or a guild's): the whole list, replacing the old one. */
export function buildDiscordApplicationCommands(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [...buildDiscordCommands(), buildEntryCommand(), ...messageShortcuts.map(buildMessageCommand)];
}
