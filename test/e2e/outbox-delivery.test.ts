// The outbox delivered by the running app: Slack (real Bolt WebClient) and Discord (real
// discord.js REST) in one process against the fakes. Messages are enqueued as the core would,
// then drained; the fakes record what reached the platforms and the rows say what happened.
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import type { OutboundMessage } from "../../src/core/ports/outbox.js";
import type { Card } from "../../src/core/shared/card.js";
import { type RunningApp, startApp } from "../../src/main.js";
import { createLogger } from "../../src/ops/logger.js";
import { SqlOutbox } from "../../src/store/outbox/sql-outbox.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord-server.js";
import {
  dmChannelIdFor,
  FAKE_CHANNEL_ID,
  FAKE_USER_ID,
  type FakeSlack,
  startFakeSlack,
} from "../fakes/slack/index.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const DISCORD_TOKEN = "outbox-delivery-discord-token";
const HOSTILE = "@everyone <!channel> <@&123> please look";

const card = (title: string): Card => ({
  fallbackText: `${title}: ${HOSTILE}`,
  blocks: [
    { type: "header", text: title },
    { type: "section", text: [HOSTILE] },
  ],
});

interface Row {
  dedupeKey: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
}

describe(`outbox delivery on Slack and Discord (${testDriver})`, () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let app: RunningApp;
  let testDb: TestDatabase | null = null;
  let seq = 0;

  const enqueue = async (platform: "slack" | "discord", target: OutboundMessage["target"], title: string) => {
    const dedupeKey = `outbox-e2e:${platform}:${++seq}:${title}`;
    await new SqlOutbox(app.services.db.sql, app.services.deps.clock).enqueue([
      { dedupeKey, communityId: null, platform, target, card: card(title) },
    ]);
    return dedupeKey;
  };

  const row = async (dedupeKey: string): Promise<Row> => {
    const [found] = await app.services.db.sql.query<Record<string, unknown>>(
      `SELECT "dedupeKey", "status"::text AS "status", "attempts", "nextAttemptAt", "lastError"
         FROM "OutboxMessage" WHERE "dedupeKey" = $1`,
      [dedupeKey],
    );
    if (!found) throw new Error(`no outbox row ${dedupeKey}`);
    return {
      dedupeKey: String(found.dedupeKey),
      status: String(found.status),
      attempts: Number(found.attempts),
      nextAttemptAt: new Date(found.nextAttemptAt as string | Date),
      lastError: found.lastError === null ? null : String(found.lastError),
    };
  };

  const discordMessagePosts = () =>
    discord.calls.filter((c) => c.method === "POST" && /^\/channels\/\d+\/messages$/.test(c.path));

  beforeAll(async () => {
    slack = await startFakeSlack();
    discord = await startFakeDiscord({ token: DISCORD_TOKEN });
    testDb = testDriver === "postgres" ? await openTestDatabase({ community: false }) : null;
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-outbox-delivery",
      SLACK_SIGNING_SECRET: "outbox-delivery-signing-secret",
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.apiBase,
      PORT: "0",
      HOST: "127.0.0.1",
    });
    config.database = testDb?.url ? { kind: "postgres", url: testDb.url } : { kind: "pglite", dataDir: null };
    app = await startApp(config, {
      // Drains happen when a test asks, not on a timer racing the assertions.
      outboxIntervalMs: 3_600_000,
      logger: createLogger({ level: "silent", secrets: config.secrets, destination: new PassThrough() }),
    });
  });

  afterAll(async () => {
    await app?.stop();
    await slack?.close();
    await discord?.close();
    await testDb?.drop();
  });

  beforeEach(() => {
    slack.reset();
    discord.clearRecords();
  });

  it("delivers channel messages and DMs on both platforms, each once", async () => {
    const keys = [
      await enqueue("slack", { kind: "channel", channelId: FAKE_CHANNEL_ID }, "Slack channel note"),
      await enqueue("slack", { kind: "user", userId: FAKE_USER_ID }, "Slack DM note"),
      await enqueue("discord", { kind: "channel", channelId: discord.textChannelId }, "Discord channel note"),
      await enqueue("discord", { kind: "user", userId: discord.defaultUser.id }, "Discord DM note"),
    ];

    expect(await app.outbox.drain()).toEqual({ sent: 4, retried: 0, dead: 0 });

    // Slack: a post to the channel, and a DM through conversations.open.
    const slackPosts = slack.callsTo("chat.postMessage");
    expect(slackPosts).toHaveLength(2);
    const toChannel = slackPosts.find((c) => c.body.channel === FAKE_CHANNEL_ID);
    expect(JSON.stringify(toChannel?.body.blocks)).toContain("Slack channel note");
    // Form-encoded by the WebClient, so booleans arrive as strings.
    expect(toChannel?.body).toMatchObject({ unfurl_links: "false", unfurl_media: "false" });
    expect(slack.callsTo("conversations.open").map((c) => c.body.users)).toEqual([FAKE_USER_ID]);
    const dm = slackPosts.find((c) => c.body.channel === dmChannelIdFor(FAKE_USER_ID));
    expect(JSON.stringify(dm?.body.blocks)).toContain("Slack DM note");
    expect(String(dm?.body.text)).toContain("Slack DM note");

    // Discord: a post to the channel, and a DM through /users/@me/channels.
    const opened = discord.calls.filter((c) => c.method === "POST" && c.path === "/users/@me/channels");
    expect(opened.map((c) => (c.body as { recipient_id?: string }).recipient_id)).toEqual([
      discord.defaultUser.id,
    ]);
    const posts = discordMessagePosts();
    expect(posts).toHaveLength(2);
    const inChannel = posts.find((c) => c.path === `/channels/${discord.textChannelId}/messages`);
    const inDm = posts.find((c) => c.path !== `/channels/${discord.textChannelId}/messages`);
    expect(JSON.stringify(inChannel?.body)).toContain("Discord channel note");
    expect(JSON.stringify(inDm?.body)).toContain("Discord DM note");
    for (const post of posts) {
      const body = post.body as { allowed_mentions?: unknown; nonce?: unknown; enforce_nonce?: unknown };
      expect(body.allowed_mentions).toEqual({ parse: [] });
      expect(typeof body.nonce).toBe("string");
      expect(String(body.nonce).length).toBeLessThanOrEqual(25);
      expect(body.enforce_nonce).toBe(true);
    }
    expect(new Set(posts.map((c) => (c.body as { nonce?: string }).nonce)).size).toBe(2);

    for (const key of keys) expect((await row(key)).status).toBe("sent");

    // A second drain finds nothing left to send.
    expect(await app.outbox.drain()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(2);
    expect(discordMessagePosts()).toHaveLength(2);

    const metrics = await app.services.metrics.registry.getSingleMetricAsString(
      "datadesk_outbox_deliveries_total",
    );
    expect(metrics).toContain('datadesk_outbox_deliveries_total{platform="slack",outcome="sent"} 2');
    expect(metrics).toContain('datadesk_outbox_deliveries_total{platform="discord",outcome="sent"} 2');
  });

  it("keeps a card's text inert: no mention reaches either platform", async () => {
    await enqueue("slack", { kind: "channel", channelId: FAKE_CHANNEL_ID }, "Inert");
    await enqueue("discord", { kind: "channel", channelId: discord.textChannelId }, "Inert");
    expect((await app.outbox.drain()).sent).toBe(2);

    const slackBody = (await slack.waitForCall("chat.postMessage")).body;
    const slackText = JSON.stringify([slackBody.text, slackBody.blocks]);
    expect(slackText).toContain("please look");
    expect(slackText).not.toContain("<!channel>");
    expect(slackText).not.toContain("<@&123>");
    expect(slackBody).not.toHaveProperty("link_names");
    expect(slackBody).not.toHaveProperty("parse");

    const [discordPost] = discordMessagePosts();
    const discordBody = discordPost?.body as { allowed_mentions?: unknown };
    expect(JSON.stringify(discordBody)).toContain("please look");
    expect(JSON.stringify(discordBody)).not.toMatch(/(^|[^\u200b])@everyone/);
    expect(discordBody.allowed_mentions).toEqual({ parse: [] });
  });

  it("waits as long as a Slack 429 asks, then delivers on a later drain", async () => {
    slack.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    const key = await enqueue("slack", { kind: "channel", channelId: FAKE_CHANNEL_ID }, "Rate limited");
    const before = Date.now();

    expect(await app.outbox.drain()).toEqual({ sent: 0, retried: 1, dead: 0 });
    const waiting = await row(key);
    expect(waiting.status).toBe("pending");
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 950);
    expect(waiting.lastError).toMatch(/rate limited/);

    // Not due yet: nothing is sent.
    expect(await app.outbox.drain()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, waiting.nextAttemptAt.getTime() - Date.now() + 50));
    expect(await app.outbox.drain()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect((await row(key)).status).toBe("sent");
    expect(slack.callsTo("chat.postMessage").filter((c) => c.ok)).toHaveLength(1);
  });

  it("dead-letters a Slack message to a channel Slack does not know", async () => {
    slack.failNext("chat.postMessage", { error: "channel_not_found" });
    const key = await enqueue("slack", { kind: "channel", channelId: "C0GONE" }, "Nowhere");
    expect(await app.outbox.drain()).toEqual({ sent: 0, retried: 0, dead: 1 });
    const dead = await row(key);
    expect(dead.status).toBe("dead");
    expect(dead.lastError).toContain("channel_not_found");
    expect(dead.attempts).toBe(1);
  });

  it("dead-letters a Discord message to an unknown channel (10003)", async () => {
    const key = await enqueue("discord", { kind: "channel", channelId: "999999999999999999" }, "Nowhere");
    expect(await app.outbox.drain()).toEqual({ sent: 0, retried: 0, dead: 1 });
    const dead = await row(key);
    expect(dead.status).toBe("dead");
    expect(dead.lastError).toContain("10003");
    expect(discordMessagePosts()).toHaveLength(1);
  });

  it("hands a Discord 429 back to the worker with its Retry-After", async () => {
    discord.failNext(
      { method: "POST", path: `/channels/${discord.otherTextChannelId}/messages` },
      {
        status: 429,
        retryAfter: 1,
      },
    );
    const key = await enqueue("discord", { kind: "channel", channelId: discord.otherTextChannelId }, "Later");
    const before = Date.now();
    expect(await app.outbox.drain()).toEqual({ sent: 0, retried: 1, dead: 0 });
    const waiting = await row(key);
    expect(waiting.status).toBe("pending");
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 950);
  });
});
