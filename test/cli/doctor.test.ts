import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ApplicationFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDiscordApplicationCommands } from "../../src/adapters/discord/discord-commands.js";
import { SLACK_BOT_SCOPES } from "../../src/adapters/slack/slack-manifest.js";
import { doctorCommand } from "../../src/cli/doctor/doctor-command.js";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/store/database.js";
import { ensureDefaultCommunity } from "../../src/store/default-community.js";
import { readMigrations } from "../../src/store/migrations.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord-server.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack/fake-slack-server.js";
import { FAKE_TEAM_ID } from "../fakes/slack/fake-workspace.js";
import { CapturedStream } from "../support/captured-stream.js";

/**
 * `datadesk doctor` against the fake Slack and Discord servers, through the real WebClient and
 * discord.js REST: all set first, then each misconfiguration seeded once, each reported once
 * with its fix, and the exit code says whether a configured platform is missing something.
 */
const SLACK_TOKEN = "xoxb-doctor-test";
const DISCORD_TOKEN = "doctor-discord-token";
const dataDir = mkdtempSync(join(tmpdir(), "datadesk-doctor-"));
let slack: FakeSlack;
let scopeless: FakeSlack;
let discord: FakeDiscord;

function env(overrides: Record<string, string> = {}, slackUrl = slack.apiUrl) {
  return loadConfig({
    DATADESK_DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_APP_TOKEN: "xapp-doctor-test",
    SLACK_API_URL: slackUrl,
    DISCORD_TOKEN,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_GUILD_ID: discord.guildId,
    DISCORD_API_BASE: discord.apiBase,
    ...overrides,
  });
}

async function doctor(config: ReturnType<typeof loadConfig>): Promise<{ code: number; lines: string[] }> {
  const out = new CapturedStream();
  const code = await doctorCommand(config, out);
  return { code, lines: out.text.trim().split("\n") };
}

const failures = (lines: string[]) => lines.filter((l) => l.startsWith("FAIL"));

beforeAll(async () => {
  slack = await startFakeSlack({ grantedScopes: SLACK_BOT_SCOPES });
  scopeless = await startFakeSlack({ grantedScopes: SLACK_BOT_SCOPES.filter((s) => s !== "chat:write") });
  discord = await startFakeDiscord({ token: DISCORD_TOKEN });
  discord.world.guildCommands.set(
    discord.guildId,
    buildDiscordApplicationCommands().map(
      (c, i) =>
        ({ ...c, id: String(1000 + i), application_id: discord.applicationId, version: "1" }) as never,
    ),
  );
  // The channels setup stored: one Slack channel per purpose, Discord's problems channel.
  const db = await openDatabase({ kind: "pglite", dataDir });
  await ensureDefaultCommunity(db.prisma, { name: "Doctor" });
  const community = await db.prisma.community.findUniqueOrThrow({ where: { slug: "default" } });
  await db.prisma.communityPlatform.createMany({
    data: [
      {
        communityId: community.id,
        platform: "slack",
        workspaceId: FAKE_TEAM_ID,
        problemChannelId: "C0PROBLEMS",
        triageChannelId: "C0TRIAGE",
      },
      {
        communityId: community.id,
        platform: "discord",
        workspaceId: discord.guildId,
        problemChannelId: discord.textChannelId,
      },
    ],
  });
  await db.close();
}, 120_000);

afterAll(async () => {
  await Promise.all([slack?.close(), scopeless?.close(), discord?.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

describe("datadesk doctor", { timeout: 120_000 }, () => {
  it("passes when every configured platform has what it needs (exit 0)", async () => {
    const { code, lines } = await doctor(env());
    expect(failures(lines)).toEqual([]);
    expect(lines).toContain(`ok    database: all ${(await readMigrations()).length} migrations applied`);
    expect(lines.some((l) => l.startsWith("warn  catalog: none imported"))).toBe(true);
    expect(
      lines.some((l) => l.startsWith("ok    slack: bot is a member") || l.includes("the bot is a member")),
    ).toBe(true);
    expect(lines).toContain("ok    discord: Message Content intent enabled");
    expect(lines.some((l) => l.includes("commands (slash and message menu) registered in server"))).toBe(
      true,
    );
    expect(lines.at(-1)).toBe("datadesk doctor: all set.");
    expect(code).toBe(0);
  });

  it("reports each seeded misconfiguration once, with its fix (exit 1)", async () => {
    scopeless.setResponse("conversations.info", ({ body }) =>
      body.channel === "C0PROBLEMS"
        ? { ok: true, channel: { id: "C0PROBLEMS", name: "problems", is_member: false } }
        : { ok: false, error: "channel_not_found" },
    );
    scopeless.failNext("apps.connections.open", { error: "invalid_auth" });
    const application = discord.world.application;
    const flags = application.flags;
    application.flags = 0 as ApplicationFlags;
    const [first, ...rest] = discord.world.guildCommands.get(discord.guildId) ?? [];
    discord.world.guildCommands.set(discord.guildId, [
      { ...first, description: "an old text" } as never,
      ...rest.slice(1),
    ]);
    discord.world.channels.delete(discord.textChannelId);
    try {
      const { code, lines } = await doctor(env({ DISCORD_APPLICATION_ID: "999999999999" }, scopeless.apiUrl));
      const seen = failures(lines);
      const expected = [
        "slack: scopes missing from the token: chat:write → update the app from manifests/slack-app-manifest.json",
        "slack: the Socket Mode app token was refused (invalid_auth)",
        "slack: problems channel C0PROBLEMS (#problems): the bot is not a member → type /invite @datadesk in #problems",
        "slack: triage channel C0TRIAGE: channel_not_found → pick an existing channel",
        "discord: DISCORD_APPLICATION_ID is 999999999999, but the token belongs to application",
        "discord: the Message Content intent is off",
        `discord: commands in server ${discord.guildId} not in step with manifests/ (missing /`,
        `discord: problems channel ${discord.textChannelId}: 404 Unknown Channel`,
      ];
      for (const text of expected)
        expect(
          seen.filter((l) => l.includes(text)),
          text,
        ).toHaveLength(1);
      expect(seen).toHaveLength(expected.length);
      expect(seen.find((l) => l.includes("not in step with manifests"))).toMatch(
        /out of date \/\w+.*→ run `datadesk discord register-commands --guild \d+`/,
      );
      expect(lines.at(-1)).toBe(`datadesk doctor: ${expected.length} problem(s) to fix.`);
      expect(code).toBe(1);
    } finally {
      application.flags = flags;
    }
  });

  it("stops at a refused token, saying where to get a new one", async () => {
    slack.failNext("auth.test", { error: "invalid_auth" });
    const { code, lines } = await doctor(env({ DISCORD_TOKEN: "wrong" }));
    const seen = failures(lines);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(
      "FAIL  slack: the bot token was refused (invalid_auth) → copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions into SLACK_BOT_TOKEN; reinstall the app if it was revoked",
    );
    expect(seen[1]).toMatch(
      /^FAIL {2}discord: the bot token was refused \(401 .*\) → copy a fresh token .* into DISCORD_TOKEN$/,
    );
    expect(code).toBe(1);
  });
});
