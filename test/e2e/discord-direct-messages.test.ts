// A question sent to the bot in a Discord DM is answered (issue 20), with the real discord.js
// against the fake gateway, which sends a DM's MESSAGE_CREATE as Discord does: no guild, no
// member, `channel_type` 1, and no CHANNEL_CREATE before it (Discord announces no DM channels).
// The channel may or may not be in discord.js's cache; both must be answered, and so must a DM
// whose packet lacks the optional `channel_type`.

import type { APIUser } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiscordAdapter, isDiscordAdapter } from "../../src/adapters/discord/discord-adapter.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord-server.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { discordText } from "../support/two-platform-app.js";

const TOKEN = "dm-e2e-bot-token";

describe("Discord direct messages, end to end", () => {
  let fake: FakeDiscord;
  let desk: TestApp | undefined;
  let discord: DiscordAdapter;

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    desk = await startTestApp({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_BASE: fake.apiBase,
    });
    const adapter = desk.app.adapters.find(isDiscordAdapter);
    if (!adapter) throw new Error("no Discord adapter");
    discord = adapter;
  });

  afterAll(async () => {
    await desk?.close();
    await fake?.close();
  });

  const client = () => {
    const current = discord.client();
    if (!current) throw new Error("Discord is not connected");
    return current;
  };

  async function replyIn(channelId: string) {
    const reply = await fake.waitForCall(
      (c) => c.method === "POST" && c.path === `/channels/${channelId}/messages`,
    );
    expect(reply.status).toBe(200);
    return reply;
  }

  it("answers a first DM whose channel discord.js has never seen", async () => {
    const person = fake.addUser("noor");
    const dm = fake.gateway.messageCreate({ content: "help", guildId: null, authorId: person.id });
    expect(client().channels.cache.has(dm.channel_id)).toBe(false);
    fake.gateway.dispatch("MESSAGE_CREATE", dm);
    expect(discordText((await replyIn(dm.channel_id)).body)).toContain("Hi, I'm datadesk");
  });

  it("answers a DM in a channel already cached (the bot opened it before)", async () => {
    const person: APIUser = fake.addUser("tomas");
    const opened = await client().users.createDM(person.id);
    expect(client().channels.cache.has(opened.id)).toBe(true);
    const dm = fake.gateway.sendMessage({ content: "help", guildId: null, authorId: person.id });
    expect(dm.channel_id).toBe(opened.id);
    expect(discordText((await replyIn(dm.channel_id)).body)).toContain("Hi, I'm datadesk");
  });

  it("answers a second DM from the same person, now cached from the first", async () => {
    const person = fake.addUser("ines");
    const first = fake.gateway.sendMessage({ content: "help", guildId: null, authorId: person.id });
    await replyIn(first.channel_id);
    expect(client().channels.cache.has(first.channel_id)).toBe(true);
    fake.clearRecords();
    fake.gateway.sendMessage({ content: "help", guildId: null, authorId: person.id });
    expect(discordText((await replyIn(first.channel_id)).body)).toContain("Hi, I'm datadesk");
  });

  it("answers a DM whose packet has no channel_type (optional in Discord's docs)", async () => {
    const person = fake.addUser("amara");
    const { channel_type: _dropped, ...dm } = fake.gateway.messageCreate({
      content: "help",
      guildId: null,
      authorId: person.id,
    });
    expect(client().channels.cache.has(dm.channel_id)).toBe(false);
    fake.gateway.dispatch("MESSAGE_CREATE", dm);
    expect(discordText((await replyIn(dm.channel_id)).body)).toContain("Hi, I'm datadesk");
  });
});
