import {
  type APIApplication,
  type APIApplicationCommand,
  type APIChannel,
  type APIUser,
  ApplicationFlags,
  DiscordAPIError,
  REST,
  Routes,
} from "discord.js";
import { buildDiscordApplicationCommands, commandLabel } from "../../adapters/discord/discord-commands.js";
import type { DiscordConfig } from "../../config.js";
import { type ConfiguredChannels, type DoctorCheck, fail, ok } from "./doctor-check.js";

function discordError(error: unknown): string {
  if (error instanceof DiscordAPIError) return `${error.status} ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Discord through discord.js' REST (the API base the adapter uses): the token (GET /users/@me),
 * the application id (GET /applications/@me), the privileged Message Content intent (the
 * application's flags), the slash commands against what `discord register-commands` publishes
 * (manifests/discord-commands.json), and the configured channels.
 */
export async function discordChecks(
  discord: DiscordConfig,
  channels: () => Promise<ConfiguredChannels[]>,
): Promise<DoctorCheck[]> {
  const rest = new REST({
    retries: 0,
    timeout: 10_000,
    ...(discord.apiBase ? { api: discord.apiBase } : {}),
  }).setToken(discord.token);
  let bot: APIUser;
  try {
    bot = (await rest.get(Routes.user())) as APIUser;
  } catch (error) {
    return [
      fail(
        `discord: the bot token was refused (${discordError(error)})`,
        "copy a fresh token from the Developer Portal (Bot → Reset Token) into DISCORD_TOKEN",
      ),
    ];
  }
  const checks: DoctorCheck[] = [ok(`discord: bot token valid (${bot.username})`)];

  const application = (await rest.get(Routes.currentApplication())) as APIApplication;
  checks.push(
    application.id === discord.applicationId
      ? ok(`discord: DISCORD_APPLICATION_ID matches the token's application (${application.id})`)
      : fail(
          `discord: DISCORD_APPLICATION_ID is ${discord.applicationId}, but the token belongs to application ${application.id}`,
          `set DISCORD_APPLICATION_ID=${application.id} (General Information → Application ID)`,
        ),
  );

  const flags = application.flags ?? 0;
  const contentIntent =
    ApplicationFlags.GatewayMessageContent | ApplicationFlags.GatewayMessageContentLimited;
  checks.push(
    (flags & contentIntent) !== 0
      ? ok("discord: Message Content intent enabled")
      : fail(
          "discord: the Message Content intent is off, so Discord refuses the bot's login (close code 4014)",
          "Developer Portal → Bot → Privileged Gateway Intents → turn on Message Content Intent",
        ),
  );

  checks.push(await commandsCheck(rest, application.id, discord.guildId));

  for (const guild of await channels()) {
    for (const channel of guild.channels) checks.push(await channelCheck(rest, channel));
  }
  return checks;
}

async function commandsCheck(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
): Promise<DoctorCheck> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const where = guildId ? `in server ${guildId}` : "globally";
  const registered = (await rest.get(route)) as APIApplicationCommand[];
  const expected = buildDiscordApplicationCommands();
  const missing = expected.filter((c) => !registered.some((r) => r.name === c.name)).map((c) => c.name);
  const stale = expected
    .filter((c) => {
      const found = registered.find((r) => r.name === c.name);
      return found !== undefined && !matches(c, found);
    })
    .map((c) => c.name);
  const extra = registered.filter((r) => !expected.some((c) => c.name === r.name)).map((r) => r.name);
  if (missing.length + stale.length + extra.length === 0) {
    return ok(
      `discord: all ${expected.length} commands (slash and message menu) registered ${where}, in step with manifests/`,
    );
  }
  const parts = [
    missing.length > 0 ? `missing ${missing.map(commandLabel).join(", ")}` : "",
    stale.length > 0 ? `out of date ${stale.map(commandLabel).join(", ")}` : "",
    extra.length > 0 ? `not ours ${extra.map(commandLabel).join(", ")}` : "",
  ].filter(Boolean);
  return fail(
    `discord: commands ${where} not in step with manifests/ (${parts.join("; ")})`,
    `run \`datadesk discord register-commands${guildId ? ` --guild ${guildId}` : ""}\``,
  );
}

/**
 * What we registered is a subset of what Discord stores (it adds ids, versions, defaults), so
 * every field we send must come back equal; a `false` Discord leaves out counts as equal.
 */
function matches(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => matches(e, actual[i]))
    );
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null) return false;
    return Object.entries(expected).every(([key, value]) =>
      matches(value, (actual as Record<string, unknown>)[key]),
    );
  }
  if (expected === false && actual === undefined) return true;
  return expected === actual;
}

async function channelCheck(rest: REST, channel: { purpose: string; id: string }): Promise<DoctorCheck> {
  const label = `discord: ${channel.purpose} channel ${channel.id}`;
  try {
    const found = (await rest.get(Routes.channel(channel.id))) as APIChannel;
    return ok(`${label} (#${"name" in found ? found.name : "?"}) exists`);
  } catch (error) {
    return fail(
      `${label}: ${discordError(error)}`,
      "pick an existing channel with `setup` in chat (or `datadesk community channel`); give the bot View Channel on a private one",
    );
  }
}
