import {
  type APIInteractionGuildMember,
  ApplicationCommandOptionType,
  type ChatInputCommandInteraction,
  GuildMember,
  type Interaction,
  type Message,
  type MessageContextMenuCommandInteraction,
  type User,
} from "discord.js";
import { z } from "zod";
import { type InboundRequest, inboundRequestSchema } from "../../core/bot/inbound-request.js";
import { type PlatformIdentity, platformIdentitySchema } from "../../core/shared/platform.js";
import { decodeButtonCustomId } from "./button-custom-id.js";
import { DISCORD_ENTRY_COMMAND, DISCORD_ENTRY_OPTION, messageShortcutNamed } from "./discord-commands.js";
import { decodeModalCustomId, MULTISELECT_SUFFIX } from "./form-custom-ids.js";

/**
 * Discord objects → the core's neutral input, validated with the core's own schemas. Every
 * function answers null for input we will not pass on, and the caller says so politely.
 */

/** Servers are workspaces; everything outside a server (DMs with the bot) is one workspace. */
export const DM_WORKSPACE = "dm";

/** The name people see: server nickname, then Discord display name, then username. */
function displayNameOf(member: GuildMember | APIInteractionGuildMember | null, user: User): string {
  const nickname = member instanceof GuildMember ? member.nickname : member?.nick;
  return (nickname ?? user.globalName ?? user.username).slice(0, 200);
}

export function identityFromInteraction(interaction: Interaction): PlatformIdentity | null {
  const parsed = platformIdentitySchema.safeParse({
    platform: "discord",
    workspaceId: interaction.guildId ?? DM_WORKSPACE,
    userId: interaction.user.id,
    displayName: displayNameOf(interaction.member, interaction.user),
    // The language of the person's Discord client: the best guess until they choose one with us.
    locale: interaction.locale,
    channelId: interaction.channelId ?? undefined,
  });
  return parsed.success ? parsed.data : null;
}

export function identityFromMessage(message: Message): PlatformIdentity | null {
  const parsed = platformIdentitySchema.safeParse({
    platform: "discord",
    workspaceId: message.guildId ?? DM_WORKSPACE,
    userId: message.author.id,
    displayName: displayNameOf(message.member, message.author),
    channelId: message.channelId,
  });
  return parsed.success ? parsed.data : null;
}

const commandOptionsSchema = z.array(
  z.object({
    name: z.string().min(1).max(32),
    type: z.number().int().optional(),
    value: z.union([z.string(), z.number(), z.boolean()]),
  }),
);

/** A picked member arrives as their bare id; the core reads people as mentions, like typed ones. */
function optionValue(option: z.infer<typeof commandOptionsSchema>[number]): string | number | boolean {
  if (option.type === ApplicationCommandOptionType.User && typeof option.value === "string")
    return /^\d{1,20}$/.test(option.value) ? `<@${option.value}>` : option.value;
  return option.value;
}

/** A slash command with its (top-level) options; we register no subcommands. */
export function commandRequestFrom(interaction: ChatInputCommandInteraction): InboundRequest | null {
  const options = commandOptionsSchema.safeParse(interaction.options.data);
  if (!options.success) return null;
  if (interaction.commandName === DISCORD_ENTRY_COMMAND) {
    const typed = options.data.find((option) => option.name === DISCORD_ENTRY_OPTION)?.value;
    const text = inboundRequestSchema.safeParse({ kind: "commandText", text: String(typed ?? "") });
    return text.success ? text.data : null;
  }
  const request = inboundRequestSchema.safeParse({
    kind: "command",
    name: interaction.commandName,
    args: Object.fromEntries(options.data.map((option) => [option.name, optionValue(option)])),
  });
  return request.success ? request.data : null;
}

/** The core's limit on a request's text; a Discord message can be as long (Nitro). */
const MAX_SHORTCUT_TEXT = 4000;

/**
 * "Apps → Turn into problem" on a message: the message's text as its readers saw it (mentions
 * as names, not ids), for the core's shortcut of that name. Null for a menu command not ours.
 */
export function shortcutRequestFrom(
  interaction: MessageContextMenuCommandInteraction,
): InboundRequest | null {
  const shortcut = messageShortcutNamed(interaction.commandName);
  if (!shortcut) return null;
  const request = inboundRequestSchema.safeParse({
    kind: "shortcut",
    shortcutId: shortcut.id,
    text: interaction.targetMessage.cleanContent.slice(0, MAX_SHORTCUT_TEXT),
  });
  return request.success ? request.data : null;
}

/** A button we rendered: its custom_id carries the card action (see button-custom-id.ts). */
export function actionRequestFrom(customId: string): InboundRequest | null {
  const action = decodeButtonCustomId(customId);
  if (!action) return null;
  const request = inboundRequestSchema.safeParse({ kind: "action", ...action });
  return request.success ? request.data : null;
}

/** One input of a submitted modal as discord.js hands it over (Label and legacy row layouts alike). */
const submittedInputSchema = z.object({
  customId: z.string(),
  value: z.string().optional(),
  values: z.array(z.string()).optional(),
});

/**
 * A submitted modal we rendered: the custom_id names the form and its context, each input's
 * custom_id is a field id. A text input carries its value, a select its first chosen value, a
 * multiselect (its custom_id marked with MULTISELECT_SUFFIX) its chosen values joined by commas; a
 * select left empty comes back as "" (what the core gets for any unanswered field).
 */
export function formRequestFrom(customId: string, inputs: Iterable<unknown>): InboundRequest | null {
  const form = decodeModalCustomId(customId);
  const parsed = z.array(submittedInputSchema).safeParse([...inputs]);
  if (!form || !parsed.success) return null;
  const values = Object.fromEntries(
    parsed.data.map((input) =>
      input.customId.endsWith(MULTISELECT_SUFFIX)
        ? [input.customId.slice(0, -MULTISELECT_SUFFIX.length), (input.values ?? []).join(",")]
        : [input.customId, input.value ?? input.values?.[0] ?? ""],
    ),
  );
  const request = inboundRequestSchema.safeParse({ kind: "form", ...form, values });
  return request.success ? request.data : null;
}

const focusedOptionSchema = z.object({
  name: z.string().min(1).max(32),
  // Discord sends what has been typed so far as text, whatever the option's type.
  value: z.union([z.string(), z.number()]).transform((v) => String(v).slice(0, 100)),
});

export function focusedOptionFrom(focused: unknown): { name: string; value: string } | null {
  const parsed = focusedOptionSchema.safeParse(focused);
  return parsed.success ? parsed.data : null;
}

/**
 * Whether a message is addressed to the bot and what it says without the address. In a server
 * only an explicit mention in the text counts (of the bot, or of the role Discord gives it);
 * replying to one of our messages does not, so conversations under a digest stay human. In a
 * DM everything is addressed to the bot.
 */
export function messageRequestFrom(
  message: Message,
  bot: { userId: string; roleIds: readonly string[] },
): InboundRequest | null | "not-for-us" {
  const tokens = [`<@!?${bot.userId}>`, ...bot.roleIds.map((id) => `<@&${id}>`)].join("|");
  const addressed = !message.inGuild() || new RegExp(tokens).test(message.content);
  if (!addressed) return "not-for-us";
  const text = message.content
    .replace(new RegExp(tokens, "g"), "")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
  const request = inboundRequestSchema.safeParse({ kind: "message", text });
  return request.success ? request.data : null;
}
