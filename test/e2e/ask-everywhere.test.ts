// Dataset questions on every platform at once: one process runs Slack (HTTP), Discord and the
// console (as `datadesk start` does when several credentials are set), on one database holding
// the real Fort Collins catalog. Each platform asks; each gets the dataset's card back.
import { resolve } from "node:path";
import { PassThrough } from "node:stream";
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSlackAdapter } from "../../src/adapters/slack/slack-adapter.js";
import { createCatalogSourceReader } from "../../src/catalog-sources/index.js";
import { loadConfig } from "../../src/config.js";
import { type RunningApp, startApp } from "../../src/main.js";
import { createLogger } from "../../src/ops/logger.js";
import { writeCatalogSync } from "../../src/store/catalog/catalog-sync-writer.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord-server.js";
import {
  eventCallback,
  FAKE_CHANNEL_ID,
  FAKE_USER_ID,
  type FakeSlack,
  postEvent,
  postSlashCommand,
  slashCommandPayload,
  startFakeSlack,
} from "../fakes/slack/index.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const SIGNING_SECRET = "ask-everywhere-signing-secret";
const fortCollins = resolve(process.cwd(), "../shared/catalogs/fort-collins-co-socrata-catalog-api.json");

describe("asking about datasets on Slack, Discord and the console in one process", () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let app: RunningApp;
  let testDb: TestDatabase | null = null;
  let receiverUrl: string;
  const consoleIn = new PassThrough();
  const consoleOut: string[] = [];

  beforeAll(async () => {
    slack = await startFakeSlack();
    discord = await startFakeDiscord({ token: "ask-everywhere-discord-token" });
    testDb = testDriver === "postgres" ? await openTestDatabase({ community: false }) : null;
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-ask-everywhere",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: "ask-everywhere-discord-token",
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.apiBase,
      PORT: "0",
      HOST: "127.0.0.1",
    });
    config.database = testDb?.url ? { kind: "postgres", url: testDb.url } : { kind: "pglite", dataDir: null };
    const consoleOutput = new PassThrough();
    consoleOutput.on("data", (chunk: Buffer) => consoleOut.push(chunk.toString("utf8")));
    app = await startApp(config, {
      console: true,
      input: consoleIn,
      output: consoleOutput,
      logger: createLogger({ level: "silent", secrets: config.secrets, destination: new PassThrough() }),
    });
    const community = await app.services.db.prisma.community.findFirstOrThrow({ where: { slug: "default" } });
    const reader = createCatalogSourceReader();
    await writeCatalogSync(
      app.services.db.sql,
      { communityId: community.id, name: "fort-collins", kind: "socrata", location: fortCollins },
      reader.read(fortCollins, "socrata"),
      new Date(),
    );
    const port = app.adapters.find(isSlackAdapter)?.port();
    receiverUrl = `http://127.0.0.1:${port}/slack/events`;
  });

  afterAll(async () => {
    await app?.stop();
    await slack?.close();
    await discord?.close();
    await testDb?.drop();
  });

  it("runs every configured adapter in the one process", () => {
    expect(app.adapters.map((a) => a.name).sort()).toEqual(["console", "discord", "slack"]);
  });

  it("answers `/datadesk ask` on Slack with the dataset's card", async () => {
    const responseUrl = slack.responseUrl("ask-1");
    const res = await postSlashCommand(
      receiverUrl,
      SIGNING_SECRET,
      slashCommandPayload({ text: "ask is there data on stormwater rates?", response_url: responseUrl }),
    );
    expect(res.status).toBe(200);
    const response = await slack.waitForResponse("ask-1");
    expect(JSON.stringify(response.body)).toContain("Stormwater Rate History");
  });

  it("answers Discord's /ask with the owner of the dataset asked about", async () => {
    const callback = await discord.gateway.sendInteraction(
      discord.gateway.chatInputInteraction({
        name: "ask",
        options: { question: "who maintains the water quality data?" },
      }),
    );
    const data = (callback.data ?? {}) as { embeds?: APIEmbed[]; flags?: number };
    const text = JSON.stringify(data.embeds ?? []);
    expect(text).toContain("Water Quality");
    expect(text).toMatch(/Utilit/);
  });

  it("answers a license question typed at the console", async () => {
    consoleIn.write("can i reuse the council expenses data commercially?\n");
    await expect.poll(() => consoleOut.join(""), { timeout: 20_000 }).toContain("Council Expenses");
    expect(consoleOut.join("")).toMatch(/Public Domain Dedication|PDDL/);
  });

  it("says plainly when the catalog has nothing, instead of guessing", async () => {
    const callback = await discord.gateway.sendInteraction(
      discord.gateway.chatInputInteraction({
        name: "ask",
        options: { question: "volcano eruption forecasts" },
      }),
    );
    const data = (callback.data ?? {}) as { embeds?: APIEmbed[] };
    const text = JSON.stringify(data.embeds ?? []);
    expect(text).toContain("I couldn't find that in the catalog");
    expect(text).not.toContain("Stormwater");
  });

  it("unfurls a shared portal link to a dataset on Slack, and leaves other links alone", async () => {
    const known =
      "https://opendata.fcgov.com/Environmental-Health/Fort-Collins-Stormwater-Rate-History/k6yy-b2cs";
    const unknown = "https://example.org/some/other/page";
    const res = await postEvent(
      receiverUrl,
      SIGNING_SECRET,
      eventCallback({
        type: "link_shared",
        user: FAKE_USER_ID,
        channel: FAKE_CHANNEL_ID,
        message_ts: "1700000000.000100",
        source: "conversations_history",
        links: [
          { url: known, domain: "opendata.fcgov.com" },
          { url: unknown, domain: "example.org" },
        ],
      }),
    );
    expect(res.status).toBe(200);
    const call = await slack.waitForCall("chat.unfurl");
    const body = call.body as { channel?: string; ts?: string; unfurls?: Record<string, unknown> };
    expect(body.channel).toBe(FAKE_CHANNEL_ID);
    expect(body.ts).toBe("1700000000.000100");
    expect(Object.keys(body.unfurls ?? {})).toEqual([known]);
    expect(JSON.stringify(body.unfurls)).toContain("Stormwater Rate History");
  });
});
