// The outbox through a platform outage: the fake Slack and the fake Discord answer 429 (with
// Retry-After) and 500 to the first sends, then recover. The running app's outbox worker, with
// its real backoff, must deliver every one of 30 messages, each exactly once: no message lost to
// the errors, none sent twice by a retry. Counted on the fakes, by each message's own marker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSlackAdapter } from "../../src/adapters/slack/slack-adapter.js";
import type { OutboundMessage } from "../../src/core/ports/outbox.js";
import { SqlOutbox } from "../../src/store/outbox/sql-outbox.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord-server.js";
import { FAKE_CHANNEL_ID, FAKE_USER_ID, type FakeSlack, startFakeSlack } from "../fakes/slack/index.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { testDriver } from "../support/test-database.js";

const DISCORD_TOKEN = "outbox-faults-discord-token";
const PER_PLATFORM = 15;
/** Scripted failures before each platform recovers. */
const SLACK_429S = 3;
const SLACK_500S = 4;
const SLACK_OPEN_500S = 1;
const DISCORD_429S = 2;
const DISCORD_500S = 5;

/** Plain letters and digits, so no renderer escapes them (Discord markdown escapes brackets). */
const marker = (platform: string, n: number) => `drill${platform}${String(n).padStart(2, "0")}x`;

/** How often each marker shows up in `bodies`. */
function countMarkers(bodies: readonly unknown[], markers: readonly string[]): Map<string, number> {
  const counts = new Map(markers.map((m) => [m, 0]));
  for (const body of bodies) {
    const text = JSON.stringify(body);
    for (const m of markers) if (text.includes(m)) counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  return counts;
}

describe(`outbox delivery through 429s and 500s (${testDriver})`, () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let desk: TestApp;

  beforeAll(async () => {
    slack = await startFakeSlack();
    discord = await startFakeDiscord({ token: DISCORD_TOKEN });
    desk = await startTestApp(
      {
        SLACK_BOT_TOKEN: "xoxb-outbox-faults",
        SLACK_SIGNING_SECRET: "outbox-faults-signing-secret",
        SLACK_API_URL: slack.apiUrl,
        DISCORD_TOKEN,
        DISCORD_APPLICATION_ID: discord.applicationId,
        DISCORD_API_BASE: discord.apiBase,
        PORT: "0",
        HOST: "127.0.0.1",
      },
      // Drains happen when the test asks, so it can count them; the backoff is the app's own.
      { outboxIntervalMs: 3_600_000, logLevel: "silent" },
    );
    expect(desk.app.adapters.some(isSlackAdapter)).toBe(true);
  });

  afterAll(async () => {
    await desk?.close();
    await slack?.close();
    await discord?.close();
  });

  it("delivers 30 messages once each after the platforms recover", { timeout: 20_000 }, async () => {
    const { sql } = desk.app.services.db;
    slack.reset();
    discord.clearRecords();
    const messages: OutboundMessage[] = [];
    for (let n = 1; n <= PER_PLATFORM; n += 1) {
      const slackMarker = marker("slack", n);
      const discordMarker = marker("discord", n);
      const card = (m: string) => ({
        fallbackText: `Fault drill ${m}`,
        blocks: [{ type: "section" as const, text: [`Fault drill ${m}`] }],
      });
      messages.push({
        dedupeKey: `outbox-faults:${slackMarker}`,
        communityId: null,
        platform: "slack",
        // Every third one a DM (conversations.open first), the rest to a channel.
        target:
          n % 3 === 0
            ? { kind: "user", userId: FAKE_USER_ID }
            : { kind: "channel", channelId: FAKE_CHANNEL_ID },
        card: card(slackMarker),
      });
      messages.push({
        dedupeKey: `outbox-faults:${discordMarker}`,
        communityId: null,
        platform: "discord",
        target:
          n % 3 === 0
            ? { kind: "user", userId: discord.defaultUser.id }
            : {
                kind: "channel",
                channelId: n % 2 === 0 ? discord.textChannelId : discord.otherTextChannelId,
              },
        card: card(discordMarker),
      });
    }

    // The outage: the first sends fail, then the platforms are fine again.
    slack.failNext("chat.postMessage", { status: 429, retryAfter: 1 }, SLACK_429S);
    slack.failNext("chat.postMessage", { status: 500 }, SLACK_500S);
    slack.failNext("conversations.open", { status: 500 }, SLACK_OPEN_500S);
    const discordPosts = { method: "POST", path: /^\/channels\/\d+\/messages$/ };
    discord.failNext(discordPosts, { status: 429, retryAfter: 1 }, DISCORD_429S);
    discord.failNext(discordPosts, { status: 500, message: "500: Internal Server Error" }, DISCORD_500S);

    await new SqlOutbox(sql, desk.app.services.deps.clock).enqueue(messages);

    const started = Date.now();
    const totals = { sent: 0, retried: 0, dead: 0 };
    for (let drains = 0; drains < 20; drains += 1) {
      const result = await desk.app.outbox.drain();
      totals.sent += result.sent;
      totals.retried += result.retried;
      totals.dead += result.dead;
      const [next] = await sql.query<{ due: Date | string | null; pending: number | string }>(
        `SELECT min("nextAttemptAt") AS "due", count(*) AS "pending" FROM "OutboxMessage" WHERE "status" = 'pending'`,
      );
      if (Number(next?.pending ?? 0) === 0) break;
      // Wait until the earliest retry is due (Retry-After, or the worker's backoff), then drain.
      const due = next?.due ? new Date(next.due).getTime() : Date.now();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now()) + 25));
    }
    const elapsedMs = Date.now() - started;

    // Every row ended as sent, none dead; the outage cost retries, not messages.
    const rows = await sql.query<{ status: string; n: number | string }>(
      `SELECT "status"::text AS "status", count(*) AS "n" FROM "OutboxMessage"
        WHERE "dedupeKey" LIKE 'outbox-faults:%' GROUP BY 1`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))).toEqual({ sent: 2 * PER_PLATFORM });
    expect(totals).toMatchObject({ sent: 2 * PER_PLATFORM, dead: 0 });
    expect(totals.retried).toBeGreaterThan(0);

    // The fakes really failed as scripted (the drill happened)...
    const slackPosts = slack.callsTo("chat.postMessage");
    expect(slackPosts.filter((c) => c.status === 429)).toHaveLength(SLACK_429S);
    expect(slackPosts.filter((c) => c.status === 500)).toHaveLength(SLACK_500S);
    expect(slack.callsTo("conversations.open").filter((c) => c.status === 500)).toHaveLength(SLACK_OPEN_500S);
    const posts = discord.calls.filter(
      (c) => c.method === "POST" && /^\/channels\/\d+\/messages$/.test(c.path),
    );
    expect(posts.filter((c) => c.status === 429)).toHaveLength(DISCORD_429S);
    expect(posts.filter((c) => c.status === 500)).toHaveLength(DISCORD_500S);

    // ...and each message reached its platform exactly once.
    const slackMarkers = Array.from({ length: PER_PLATFORM }, (_, i) => marker("slack", i + 1));
    const discordMarkers = Array.from({ length: PER_PLATFORM }, (_, i) => marker("discord", i + 1));
    const slackDelivered = countMarkers(
      slackPosts.filter((c) => c.ok).map((c) => c.body),
      slackMarkers,
    );
    const discordDelivered = countMarkers(
      posts.filter((c) => c.status >= 200 && c.status < 300).map((c) => c.body),
      discordMarkers,
    );
    expect(Object.fromEntries(slackDelivered)).toEqual(Object.fromEntries(slackMarkers.map((m) => [m, 1])));
    expect(Object.fromEntries(discordDelivered)).toEqual(
      Object.fromEntries(discordMarkers.map((m) => [m, 1])),
    );
    // Failed attempts never reached anyone: the fakes stored only the successful posts.
    expect(slackPosts.filter((c) => c.ok)).toHaveLength(PER_PLATFORM);
    expect(posts.filter((c) => c.status >= 200 && c.status < 300)).toHaveLength(PER_PLATFORM);

    expect(elapsedMs).toBeLessThan(15_000);
  });
});
