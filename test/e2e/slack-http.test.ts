// The whole app (startApp: config, database, core, real Bolt HTTP receiver) against the fake Slack.
// Requests are signed exactly as Slack signs them; answers are read back from the fake.

import { PassThrough } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isSlackAdapter } from "../../src/adapters/slack/slack-adapter.js";
import { loadConfig } from "../../src/config.js";
import { type RunningApp, startApp } from "../../src/main.js";
import { createLogger } from "../../src/ops/logger.js";
import {
  appHomeOpenedEvent,
  appMentionEvent,
  blockActionPayload,
  dmMessageEvent,
  FAKE_CHANNEL_ID,
  FAKE_TEAM_ID,
  FAKE_USER_ID,
  type FakeSlack,
  nowSeconds,
  postEvent,
  postInteraction,
  postSlashCommand,
  startFakeSlack,
} from "../fakes/slack/index.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const BOT_TOKEN = "xoxb-e2e-http-bot-token";
const SIGNING_SECRET = "e2e-http-signing-secret";

interface Datadesk {
  app: RunningApp;
  receiverUrl: string;
  baseUrl: string;
  /** Every log line, written without secret scrubbing so a leaked token would show. */
  logs: string[];
  close(): Promise<void>;
}

async function startDatadesk(fake: FakeSlack, env: Record<string, string> = {}): Promise<Datadesk> {
  // CI's Postgres pass gets a throwaway database; otherwise PGlite in memory.
  const testDb: TestDatabase | null =
    testDriver === "postgres" ? await openTestDatabase({ community: false }) : null;
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    HOST: "127.0.0.1",
    DATADESK_COMMUNITY_NAME: "Riverside Open Data",
    ...env,
  });
  config.database = testDb?.url ? { kind: "postgres", url: testDb.url } : { kind: "pglite", dataDir: null };
  const logs: string[] = [];
  const destination = new PassThrough();
  destination.on("data", (chunk: Buffer) => logs.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  const logger = createLogger({ level: "debug", secrets: [], destination });
  const app = await startApp(config, { logger });
  const slack = app.adapters.find(isSlackAdapter);
  const port = slack?.port();
  if (!port) throw new Error("the Slack adapter did not report its port");
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    receiverUrl: `${baseUrl}/slack/events`,
    baseUrl,
    logs,
    async close() {
      await app.stop();
      await testDb?.drop();
    },
  };
}

const errorLines = (logs: string[]) =>
  logs.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
const blocksText = (body: Record<string, unknown>) => JSON.stringify(body.blocks ?? []);

describe("Slack over HTTP, end to end", () => {
  let fake: FakeSlack;
  let desk: Datadesk;

  beforeAll(async () => {
    fake = await startFakeSlack({
      waitTimeoutMs: 15_000,
      users: { U0BOB: { locale: "es-ES", name: "bobo", real_name: "Bob Ortega" } },
    });
    desk = await startDatadesk(fake);
  });
  afterAll(async () => {
    await desk?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  const accounts = () => desk.app.services.db.prisma.platformAccount.count();

  it("acks /datadesk help at once and answers with the help card through response_url", async () => {
    const result = await postSlashCommand(desk.receiverUrl, SIGNING_SECRET, {
      text: "help",
      response_url: fake.responseUrl("help-1"),
    });

    expect(result).toMatchObject({ status: 200, body: "" });
    const { body } = await fake.waitForResponse("help-1");
    expect(body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(String(body.text)).toContain("datadesk");
    expect(blocksText(body)).toContain("/datadesk help");
    const lookup = await fake.waitForCall("users.info");
    expect(lookup.body).toMatchObject({ user: FAKE_USER_ID, include_locale: "true" });
    expect(lookup.token).toBe(BOT_TOKEN);
    const account = await desk.app.services.db.prisma.platformAccount.findFirst({
      where: { userId: FAKE_USER_ID },
    });
    expect(account).toMatchObject({ platform: "slack", workspaceId: FAKE_TEAM_ID, locale: "en-US" });
  });

  it("answers in the language Slack reports for the person", async () => {
    await postSlashCommand(desk.receiverUrl, SIGNING_SECRET, {
      user_id: "U0BOB",
      user_name: "bob",
      text: "help",
      response_url: fake.responseUrl("help-es"),
    });

    const { body } = await fake.waitForResponse("help-es");
    expect(String(body.text)).toContain("Hola, soy datadesk");
    const bob = await desk.app.services.db.prisma.platformAccount.findFirst({ where: { userId: "U0BOB" } });
    expect(bob).toMatchObject({ displayName: "bobo", locale: "es-ES" });
  });

  it("rejects a bad signature with 401 before anything is stored", async () => {
    const before = await accounts();

    const result = await postSlashCommand(
      desk.receiverUrl,
      SIGNING_SECRET,
      { user_id: "U0MALLORY", text: "help", response_url: fake.responseUrl("forged") },
      { corruptSignature: true },
    );

    expect(result.status).toBe(401);
    expect(await accounts()).toBe(before);
    expect(fake.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
    expect(fake.responses).toEqual([]);
  });

  it("rejects a replayed request signed more than 5 minutes ago before anything is stored", async () => {
    const before = await accounts();

    const result = await postSlashCommand(
      desk.receiverUrl,
      SIGNING_SECRET,
      { user_id: "U0MALLORY", text: "help", response_url: fake.responseUrl("stale") },
      { timestampSeconds: nowSeconds() - 6 * 60 },
    );

    expect(result.status).toBe(401);
    expect(await accounts()).toBe(before);
    expect(fake.responses).toEqual([]);
  });

  it("keeps user text inert when the core echoes it back", async () => {
    // Slack sends "<!channel>" for a typed @channel, and entity-escapes what the person typed literally.
    await postSlashCommand(desk.receiverUrl, SIGNING_SECRET, {
      text: "<!channel>&lt;@U123&gt;*bold*",
      response_url: fake.responseUrl("inert"),
    });

    const { body } = await fake.waitForResponse("inert");
    const json = JSON.stringify(body);
    expect(json).toContain("no command called");
    expect(json).not.toMatch(/<[!@]/);
    expect(json).not.toContain("@channel");
    // The core lower-cases command names; the escaped mention is still there, and inert.
    expect(json).toContain("&lt;@u123");
  });

  it("answers an @mention privately, in the channel it came from", async () => {
    const envelope = appMentionEvent({ text: "help" });

    expect((await postEvent(desk.receiverUrl, SIGNING_SECRET, envelope)).status).toBe(200);

    const posted = await fake.waitForCall("chat.postEphemeral");
    expect(posted.body).toMatchObject({ channel: FAKE_CHANNEL_ID, user: FAKE_USER_ID });
    expect(blocksText(posted.body)).toContain("/datadesk help");
    expect(fake.callsTo("chat.postMessage")).toEqual([]);
  });

  it("answers an @mention inside a thread in that thread", async () => {
    const envelope = appMentionEvent({ text: "help", thread_ts: "1712345678.000100" });

    await postEvent(desk.receiverUrl, SIGNING_SECRET, envelope);

    const posted = await fake.waitForCall("chat.postEphemeral");
    expect(posted.body).toMatchObject({ channel: FAKE_CHANNEL_ID, thread_ts: "1712345678.000100" });
  });

  it("answers a direct message in the DM, ignoring its own and edited messages", async () => {
    const edited = dmMessageEvent({ text: "help" });
    Object.assign(edited.event as object, { subtype: "message_changed" });
    const fromBot = dmMessageEvent({ text: "help" });
    Object.assign(fromBot.event as object, { bot_id: "B0OTHER" });
    await postEvent(desk.receiverUrl, SIGNING_SECRET, edited);
    await postEvent(desk.receiverUrl, SIGNING_SECRET, fromBot);

    await postEvent(desk.receiverUrl, SIGNING_SECRET, dmMessageEvent({ text: "help" }));

    const posted = await fake.waitForCall("chat.postMessage");
    expect(posted.body).toMatchObject({ channel: "D0ALICE", unfurl_links: "false" });
    expect(posted.body.thread_ts).toBeUndefined();
    expect(blocksText(posted.body)).toContain("/datadesk help");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("publishes the App Home when the Home tab opens", async () => {
    await postEvent(desk.receiverUrl, SIGNING_SECRET, appHomeOpenedEvent());

    const published = await fake.waitForCall("views.publish");
    expect(published.body.user_id).toBe(FAKE_USER_ID);
    const view = published.body.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    expect(JSON.stringify(view.blocks)).toContain("Community: Riverside Open Data");
  });

  it("routes a card button to the core and answers the presser privately", async () => {
    const payload = blockActionPayload({
      actionId: "problem.vote#2",
      value: "p1",
      responseUrl: fake.responseUrl("btn"),
    });

    expect((await postInteraction(desk.receiverUrl, SIGNING_SECRET, payload)).status).toBe(200);

    // There is no problem p1, so the core's answer is its calm "not found", to the presser only.
    const { body } = await fake.waitForResponse("btn");
    expect(body).toMatchObject({
      response_type: "ephemeral",
      replace_original: false,
      text: "I can't find that problem. It may have been removed.",
    });
  });

  it("acknowledges link-button clicks without answering", async () => {
    const payload = blockActionPayload({
      actionId: "datadesk:link:1",
      responseUrl: fake.responseUrl("link"),
    });

    expect((await postInteraction(desk.receiverUrl, SIGNING_SECRET, payload)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.responses).toEqual([]);
  });

  it("serves /healthz and /metrics on the Slack port", async () => {
    const health = await fetch(`${desk.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: "ok",
      database: "ok",
      shuttingDown: false,
      platforms: { slack: { status: "ready", restarts: 0 } },
    });

    const metrics = await fetch(`${desk.baseUrl}/metrics`);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toContain("datadesk_requests_total");
    expect(text).toMatch(/datadesk_requests_total\{platform="slack",kind="command",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/datadesk_request_duration_seconds_count\{platform="slack",kind="home"\} 1/);
  });

  it("logged no errors and never a token or the signing secret", () => {
    expect(errorLines(desk.logs)).toEqual([]);
    const all = desk.logs.join("\n");
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});

describe("Slack over HTTP with a Spanish-speaking community", () => {
  let fake: FakeSlack;
  let desk: Datadesk;

  beforeAll(async () => {
    fake = await startFakeSlack({ waitTimeoutMs: 15_000 });
    desk = await startDatadesk(fake, { DATADESK_LOCALE: "es" });
  });
  afterAll(async () => {
    await desk?.close();
    await fake?.close();
  });

  it("answers in the community's language when Slack cannot tell us the person's", async () => {
    fake.failNext("users.info", { error: "user_not_found" });

    await postSlashCommand(desk.receiverUrl, SIGNING_SECRET, {
      text: "",
      response_url: fake.responseUrl("es"),
    });

    const { body } = await fake.waitForResponse("es");
    expect(String(body.text)).toContain("Hola, soy datadesk");
    expect(blocksText(body)).toContain("Lo que puedes pedirme");
    expect(desk.logs.some((line) => line.includes("users.info failed"))).toBe(true);
  });
});
