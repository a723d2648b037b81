// Slack retries an Events API event it thinks we missed (same event_id, X-Slack-Retry-Num): the whole
// app (startApp, real Bolt HTTP receiver, database) against the fake Slack must answer it once.

import { PassThrough } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isSlackAdapter } from "../../src/adapters/slack/slack-adapter.js";
import { loadConfig } from "../../src/config.js";
import { type RunningApp, startApp } from "../../src/main.js";
import { createLogger } from "../../src/ops/logger.js";
import { appMentionEvent, type FakeSlack, postEvent, startFakeSlack } from "../fakes/slack/index.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const BOT_TOKEN = "xoxb-e2e-retries-bot-token";
const SIGNING_SECRET = "e2e-retries-signing-secret";

async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("Slack event retries, end to end", () => {
  let fake: FakeSlack;
  let app: RunningApp;
  let testDb: TestDatabase | null = null;
  let receiverUrl: string;
  const logs: Array<{ level: number; msg: string }> = [];

  const duplicatesCounted = async () => {
    const metric = await app.services.metrics.registry.getSingleMetricAsString("datadesk_requests_total");
    return /platform="slack",kind="message",outcome="duplicate"} (\d+)/.exec(metric)?.[1] ?? "0";
  };

  beforeAll(async () => {
    fake = await startFakeSlack({ waitTimeoutMs: 15_000 });
    testDb = testDriver === "postgres" ? await openTestDatabase({ community: false }) : null;
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      HOST: "127.0.0.1",
    });
    config.database = testDb?.url ? { kind: "postgres", url: testDb.url } : { kind: "pglite", dataDir: null };
    const destination = new PassThrough();
    destination.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) logs.push(JSON.parse(line));
    });
    app = await startApp(config, { logger: createLogger({ level: "info", secrets: [], destination }) });
    const port = app.adapters.find(isSlackAdapter)?.port();
    if (!port) throw new Error("the Slack adapter did not report its port");
    receiverUrl = `http://127.0.0.1:${port}/slack/events`;
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
    await testDb?.drop();
  });
  beforeEach(() => fake.reset());

  it("answers an @mention once when Slack retries it, and a new event again", async () => {
    const envelope = { ...appMentionEvent({ text: "help" }), event_id: "Ev0RETRY0001" };

    expect((await postEvent(receiverUrl, SIGNING_SECRET, envelope)).status).toBe(200);
    await fake.waitForCall("chat.postEphemeral");
    const retry = await postEvent(receiverUrl, SIGNING_SECRET, envelope, {
      retryNum: 1,
      retryReason: "http_timeout",
    });
    // The retry is acknowledged (or Slack would keep retrying), then skipped.
    expect(retry.status).toBe(200);
    await until(async () => (await duplicatesCounted()) === "1", "the retry to be skipped");
    expect(fake.callsTo("chat.postEphemeral")).toHaveLength(1);

    const another = { ...appMentionEvent({ text: "help" }), event_id: "Ev0RETRY0002" };
    await postEvent(receiverUrl, SIGNING_SECRET, another);
    await until(() => fake.callsTo("chat.postEphemeral").length === 2, "the second answer");
    expect(await duplicatesCounted()).toBe("1");
    expect(await app.services.db.prisma.processedEvent.count({ where: { platform: "slack" } })).toBe(2);
  });

  it("answers once even when the retry arrives while the first is still being handled", async () => {
    const envelope = { ...appMentionEvent({ text: "help" }), event_id: "Ev0RETRY0003" };

    await Promise.all([
      postEvent(receiverUrl, SIGNING_SECRET, envelope),
      postEvent(receiverUrl, SIGNING_SECRET, envelope, { retryNum: 1, retryReason: "http_timeout" }),
      postEvent(receiverUrl, SIGNING_SECRET, envelope, { retryNum: 2, retryReason: "http_timeout" }),
    ]);

    await until(async () => (await duplicatesCounted()) === "3", "both retries to be skipped");
    await fake.waitForCall("chat.postEphemeral");
    expect(fake.callsTo("chat.postEphemeral")).toHaveLength(1);
  });

  it("logged no errors", () => {
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
