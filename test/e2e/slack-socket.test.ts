// The whole app in Socket Mode: Bolt opens a WebSocket to the fake Slack (apps.connections.open with
// the app-level token) and receives envelopes over it; answers still go through the Web API and
// response_url.

import { PassThrough } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isSlackAdapter } from "../../src/adapters/slack/slack-adapter.js";
import { loadConfig } from "../../src/config.js";
import { type RunningApp, startApp } from "../../src/main.js";
import { createLogger } from "../../src/ops/logger.js";
import {
  appMentionEvent,
  blockActionPayload,
  FAKE_CHANNEL_ID,
  FAKE_USER_ID,
  type FakeSlack,
  slashCommandPayload,
  startFakeSlack,
} from "../fakes/slack/index.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const BOT_TOKEN = "xoxb-e2e-socket-bot-token";
const APP_TOKEN = "xapp-1-e2e-socket-app-token";

describe("Slack in Socket Mode, end to end", () => {
  let fake: FakeSlack;
  let app: RunningApp;
  let testDb: TestDatabase | null = null;
  const logs: string[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack({ waitTimeoutMs: 15_000 });
    testDb = testDriver === "postgres" ? await openTestDatabase({ community: false }) : null;
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: fake.apiUrl,
    });
    config.database = testDb?.url ? { kind: "postgres", url: testDb.url } : { kind: "pglite", dataDir: null };
    const destination = new PassThrough();
    destination.on("data", (chunk: Buffer) =>
      logs.push(...chunk.toString("utf8").split("\n").filter(Boolean)),
    );
    app = await startApp(config, { logger: createLogger({ level: "debug", secrets: [], destination }) });
  });
  afterAll(async () => {
    // Bolt first, so its client closes on purpose instead of reconnecting to a vanished server.
    await app?.stop();
    await fake?.close();
    await testDb?.drop();
  });
  beforeEach(() => fake.reset());

  it("connects with the app-level token and serves no HTTP port of its own", async () => {
    expect(fake.socket.connectionIds).toHaveLength(1);
    const slack = app.adapters.find(isSlackAdapter);
    expect(slack?.mode).toBe("socket");
    expect(slack?.port()).toBeNull();
    expect(app.httpServer).toBeNull();
  });

  it("acks a slash_commands envelope, then delivers the help card to response_url", async () => {
    const ack = await fake.socket.send(
      "slash_commands",
      slashCommandPayload({ text: "help", response_url: fake.responseUrl("sm-help") }),
    );

    expect(ack.payload).toEqual({});
    const { body } = await fake.waitForResponse("sm-help");
    expect(body).toMatchObject({ response_type: "ephemeral" });
    expect(String(body.text)).toContain("datadesk");
    expect(JSON.stringify(body.blocks)).toContain("/datadesk help");
  });

  it("acks an app_mention events_api envelope and answers the person", async () => {
    const ack = await fake.socket.send("events_api", appMentionEvent({ text: "help" }));

    expect(ack.payload).toEqual({});
    const posted = await fake.waitForCall("chat.postEphemeral");
    expect(posted.token).toBe(BOT_TOKEN);
    expect(posted.body).toMatchObject({ channel: FAKE_CHANNEL_ID, user: FAKE_USER_ID });
    expect(JSON.stringify(posted.body.blocks)).toContain("/datadesk help");
  });

  it("acks an interactive button press and answers through its response_url", async () => {
    const payload = blockActionPayload({
      actionId: "problem.vote",
      value: "p9",
      responseUrl: fake.responseUrl("sm-btn"),
    });

    await fake.socket.send("interactive", payload);

    const { body } = await fake.waitForResponse("sm-btn");
    // There is no problem p9: the core's calm "not found", to the presser only.
    expect(body).toMatchObject({
      response_type: "ephemeral",
      text: "I can't find that problem. It may have been removed.",
    });
  });

  it("logged no errors and never a token", () => {
    expect(logs.filter((line) => (JSON.parse(line) as { level: number }).level >= 50)).toEqual([]);
    expect(logs.join("\n")).not.toContain(BOT_TOKEN);
    expect(logs.join("\n")).not.toContain(APP_TOKEN);
  });
});
