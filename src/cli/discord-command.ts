import { DiscordAPIError, REST, Routes } from "discord.js";
import { buildDiscordApplicationCommands, commandLabel } from "../adapters/discord/discord-commands.js";
import { discordInviteUrl } from "../adapters/discord/discord-invite.js";
import { type Config, loadConfig } from "../config.js";

/** A failure the operator can fix; runCliCommand prints `userMessage` without a stack trace. */
export class DiscordCommandError extends Error {
  readonly userMessage: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DiscordCommandError";
    this.userMessage = message;
  }
}

export interface RegisteredCommands {
  names: string[];
  /** Where they were registered: one server (visible at once) or everywhere the app is installed. */
  scope: { kind: "guild"; guildId: string } | { kind: "global" };
}

/**
 * Replaces the application's slash commands with the registry's (PUT is a bulk overwrite, so a
 * command removed from the registry disappears from Discord too). A server id registers them
 * for that server only, which Discord shows immediately: the way to try a change.
 */
export async function registerDiscordCommands(
  config: Config,
  options: { guild?: string | undefined } = {},
): Promise<RegisteredCommands> {
  const discord = config.discord;
  if (!discord) {
    throw new DiscordCommandError(
      "Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID (see the Discord section of README.md).",
    );
  }
  const guildId = options.guild ?? discord.guildId;
  if (guildId !== undefined && !/^\d{5,25}$/.test(guildId)) {
    throw new DiscordCommandError(`--guild must be a numeric server id, not "${guildId}".`);
  }
  const rest = new REST(discord.apiBase ? { api: discord.apiBase } : {}).setToken(discord.token);
  const route = guildId
    ? Routes.applicationGuildCommands(discord.applicationId, guildId)
    : Routes.applicationCommands(discord.applicationId);
  const body = buildDiscordApplicationCommands();
  let stored: unknown;
  try {
    stored = await rest.put(route, { body });
  } catch (error) {
    if (error instanceof DiscordAPIError) {
      const hint =
        error.status === 401
          ? " Check DISCORD_TOKEN."
          : error.status === 403 || error.status === 404
            ? " Check DISCORD_APPLICATION_ID and that the bot was added to that server."
            : "";
      throw new DiscordCommandError(
        `Discord refused the commands (${error.status}: ${error.message}).${hint}`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  const names = Array.isArray(stored)
    ? stored.flatMap((c: unknown) =>
        typeof c === "object" && c !== null && "name" in c && typeof c.name === "string" ? [c.name] : [],
      )
    : body.map((c) => c.name);
  return { names, scope: guildId ? { kind: "guild", guildId } : { kind: "global" } };
}

export function describeRegistration(result: RegisteredCommands): string {
  const count = `${result.names.length} command${result.names.length === 1 ? "" : "s"}`;
  const list = result.names.map(commandLabel).join(", ");
  return result.scope.kind === "guild"
    ? `Registered ${count} in server ${result.scope.guildId}: ${list}\n`
    : `Registered ${count} globally (every server with the app, and DMs with the bot): ${list}\n`;
}

/** `datadesk discord register-commands [--guild ID]`. */
export async function discordRegisterCommandsCommand(options: { guild?: string }): Promise<void> {
  const result = await registerDiscordCommands(loadConfig(), options);
  process.stdout.write(describeRegistration(result));
}

/** `datadesk discord invite-url`: the link that adds the bot to a server with exactly its permissions. */
export function discordInviteUrlCommand(): void {
  const discord = loadConfig().discord;
  if (!discord) {
    throw new DiscordCommandError(
      "Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID (see the Discord section of README.md).",
    );
  }
  process.stdout.write(`${discordInviteUrl(discord.applicationId)}\n`);
}
