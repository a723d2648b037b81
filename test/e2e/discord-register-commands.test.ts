// `datadesk discord register-commands` against the fake Discord: the real @discordjs/rest client
// PUTs the registry's commands, globally or to one server, and failures read like sentences.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDiscordApplicationCommands } from "../../src/adapters/discord/discord-commands.js";
import {
  DiscordCommandError,
  describeRegistration,
  registerDiscordCommands,
} from "../../src/cli/discord-command.js";
import { loadConfig } from "../../src/config.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord-server.js";

const TOKEN = "discord-e2e-register-token";

describe("datadesk discord register-commands", () => {
  let fake: FakeDiscord;
  // Every listed registry command and the message menu commands; typed-only words are not among them.
  const registryNames = buildDiscordApplicationCommands().map((c) => c.name);
  const configFor = (env: Record<string, string> = {}) =>
    loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_BASE: fake.apiBase,
      ...env,
    });

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: TOKEN });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it("registers every registry command globally, with localised descriptions", async () => {
    const result = await registerDiscordCommands(configFor());
    expect(result).toEqual({ names: registryNames, scope: { kind: "global" } });
    expect(fake.world.globalCommands.map((c) => c.name)).toEqual(registryNames);
    const help = fake.world.globalCommands.find((c) => c.name === "help");
    expect(help?.description_localizations).toMatchObject({ "es-ES": "Muestra lo que datadesk puede hacer" });
    expect(registryNames).toContain("Turn into problem");
    expect(registryNames).not.toContain("claim");
    expect(describeRegistration(result)).toMatch(
      /^Registered \d+ commands? globally .*\/help.*"Turn into problem"/,
    );
  });

  it("registers to one server with --guild, or DISCORD_GUILD_ID when no flag is given", async () => {
    const viaFlag = await registerDiscordCommands(configFor(), { guild: fake.guildId });
    expect(viaFlag.scope).toEqual({ kind: "guild", guildId: fake.guildId });
    expect(fake.world.guildCommands.get(fake.guildId)?.map((c) => c.name)).toEqual(registryNames);
    expect(describeRegistration(viaFlag)).toContain(`in server ${fake.guildId}`);

    fake.world.guildCommands.clear();
    const viaEnv = await registerDiscordCommands(configFor({ DISCORD_GUILD_ID: fake.guildId }));
    expect(viaEnv.scope).toEqual({ kind: "guild", guildId: fake.guildId });
    expect(fake.world.guildCommands.get(fake.guildId)).toHaveLength(registryNames.length);
  });

  it("re-registering keeps command ids (a bulk overwrite, not duplicates)", async () => {
    const before = fake.world.globalCommands.map((c) => c.id);
    await registerDiscordCommands(configFor());
    expect(fake.world.globalCommands.map((c) => c.id)).toEqual(before);
  });

  it("says plainly when Discord is not configured, the server id is bad or the token is wrong", async () => {
    await expect(registerDiscordCommands(loadConfig({}))).rejects.toThrow(
      /Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID/,
    );
    await expect(registerDiscordCommands(configFor(), { guild: "general" })).rejects.toBeInstanceOf(
      DiscordCommandError,
    );
    const wrongToken = loadConfig({
      DISCORD_TOKEN: "not-the-token",
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_BASE: fake.apiBase,
    });
    const failure = await registerDiscordCommands(wrongToken).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DiscordCommandError);
    expect((failure as DiscordCommandError).userMessage).toMatch(/401.*Check DISCORD_TOKEN/);
  });
});
