// The Slack adapter alone (real Bolt, HTTP receiver, fake Slack) in front of a scripted core, for
// what today's core cannot yet produce: public answers, App Home buttons, slow answers during
// shutdown, a failing core, and Slack refusing our answer.

import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSlackAdapter, type SlackAdapter } from "../../src/adapters/slack/slack-adapter.js";
import { loadConfig, type SlackConfig } from "../../src/config.js";
import type { Datadesk } from "../../src/core/bot/create-datadesk.js";
import type { InboundRequest } from "../../src/core/bot/inbound-request.js";
import type { Card, Reply } from "../../src/core/shared/card.js";
import type { PlatformIdentity } from "../../src/core/shared/platform.js";
import { createLogger } from "../../src/ops/logger.js";
import { createMetrics, type Metrics } from "../../src/ops/metrics.js";
import {
  appHomeOpenedEvent,
  appMentionEvent,
  blockActionPayload,
  FAKE_BOT_USER_ID,
  FAKE_CHANNEL_ID,
  FAKE_TEAM_ID,
  FAKE_USER_ID,
  type FakeSlack,
  postEvent,
  postInteraction,
  postSlashCommand,
  startFakeSlack,
} from "../fakes/slack/index.js";

const BOT_TOKEN = "xoxb-e2e-adapter-bot-token";
const SIGNING_SECRET = "e2e-adapter-signing-secret";

const card = (text: string): Card => ({ fallbackText: text, blocks: [{ type: "section", text: [text] }] });

/** A Datadesk whose answers the test decides, recording what it was asked. */
function scriptedCore() {
  const asked: Array<{ identity: PlatformIdentity; request: InboundRequest }> = [];
  const script = {
    answer: async (_request: InboundRequest): Promise<Reply> => ({
      kind: "card",
      card: card("hello"),
      visibility: "public",
    }),
    home: async (): Promise<Card> => card("home"),
  };
  const core: Datadesk = {
    async handle(identity, request) {
      asked.push({ identity, request });
      return script.answer(request);
    },
    home: () => script.home(),
    async describeActor() {
      return { displayName: "x", locale: "en", communityName: "c", roles: ["member"] };
    },
    autocomplete: async () => [],
    unfurl: async () => ({}),
  };
  return { core, asked, script };
}

describe("Slack adapter with a scripted core", () => {
  let fake: FakeSlack;
  let adapter: SlackAdapter;
  let scripted: ReturnType<typeof scriptedCore>;
  let metrics: Metrics;
  let receiverUrl: string;
  let logs: string[];

  beforeEach(async () => {
    fake = await startFakeSlack({ waitTimeoutMs: 15_000 });
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      HOST: "127.0.0.1",
    });
    logs = [];
    const destination = new PassThrough();
    destination.on("data", (chunk: Buffer) =>
      logs.push(...chunk.toString("utf8").split("\n").filter(Boolean)),
    );
    scripted = scriptedCore();
    metrics = createMetrics({ defaultMetrics: false });
    adapter = createSlackAdapter({
      config,
      slack: config.slack as SlackConfig,
      core: scripted.core,
      logger: createLogger({ level: "info", secrets: [], destination }),
      metrics,
      routes: [],
    });
    await adapter.start();
    receiverUrl = `http://127.0.0.1:${adapter.port()}/slack/events`;
  });

  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  it("gives the core who is asking (with Slack's locale, the channel and the profile's email) and the text without our mention", async () => {
    await postEvent(receiverUrl, SIGNING_SECRET, appMentionEvent({ text: "ask   bike lanes &amp; paths" }));

    await fake.waitForCall("chat.postMessage");
    expect(scripted.asked).toEqual([
      {
        identity: {
          platform: "slack",
          workspaceId: FAKE_TEAM_ID,
          userId: FAKE_USER_ID,
          displayName: "u0alice",
          locale: "en-US",
          channelId: FAKE_CHANNEL_ID,
          // The profile's verified email (users:read.email): it routes access requests to a catalog's contact.
          email: "u0alice@example.org",
        },
        request: { kind: "message", text: "ask   bike lanes & paths" },
      },
    ]);
  });

  it("posts a public answer to a mention in the mention's thread, without unfurling", async () => {
    const envelope = appMentionEvent({ text: "hi" });
    const ts = (envelope.event as { ts: string }).ts;

    await postEvent(receiverUrl, SIGNING_SECRET, envelope);

    const posted = await fake.waitForCall("chat.postMessage");
    expect(posted.body).toMatchObject({
      channel: FAKE_CHANNEL_ID,
      thread_ts: ts,
      text: "hello",
      unfurl_links: "false",
      unfurl_media: "false",
    });
    expect(posted.body).not.toHaveProperty("link_names");
    expect(posted.body).not.toHaveProperty("parse");
    expect(posted.body.text).not.toContain(`<@${FAKE_BOT_USER_ID}>`);
  });

  it("answers a slash command in the channel when the core says public", async () => {
    await postSlashCommand(receiverUrl, SIGNING_SECRET, {
      text: "share",
      response_url: fake.responseUrl("pub"),
    });

    const { body } = await fake.waitForResponse("pub");
    expect(body).toMatchObject({ response_type: "in_channel", text: "hello" });
    expect(scripted.asked[0]?.request).toEqual({ kind: "commandText", text: "share" });
  });

  it("answers an App Home button (no response_url) in the person's DM with the app", async () => {
    const payload = blockActionPayload({ actionId: "problem.follow", value: "p7", container: "view" });

    await postInteraction(receiverUrl, SIGNING_SECRET, payload);

    const posted = await fake.waitForCall("chat.postMessage");
    expect(posted.body).toMatchObject({ channel: FAKE_USER_ID, text: "hello" });
    expect(scripted.asked[0]?.request).toEqual({ kind: "action", actionId: "problem.follow", value: "p7" });
  });

  it("refuses text longer than the core accepts, politely and without asking the core", async () => {
    await postSlashCommand(receiverUrl, SIGNING_SECRET, {
      text: "x".repeat(4001),
      response_url: fake.responseUrl("long"),
    });

    const { body } = await fake.waitForResponse("long");
    expect(body).toMatchObject({
      response_type: "ephemeral",
      text: "That's too long for me: please keep it under 4000 characters.",
    });
    expect(scripted.asked).toEqual([]);
  });

  it("still publishes a Home tab when the core cannot build one", async () => {
    scripted.script.home = async () => {
      throw new Error("database unavailable");
    };

    await postEvent(receiverUrl, SIGNING_SECRET, appHomeOpenedEvent());

    const published = await fake.waitForCall("views.publish");
    expect(JSON.stringify(published.body.view)).toContain("can't load your home right now");
  });

  it("logs Slack refusing an answer, counts it as failed, and keeps serving", async () => {
    fake.failNext("chat.postMessage", { error: "channel_not_found" });
    await postEvent(receiverUrl, SIGNING_SECRET, appMentionEvent({ text: "first" }));
    await fake.waitForCall("chat.postMessage", (call) => !call.ok);

    await postEvent(receiverUrl, SIGNING_SECRET, appMentionEvent({ text: "second" }));
    await fake.waitForCall("chat.postMessage", (call) => call.ok);

    await expect
      .poll(() => logs.find((line) => line.includes("could not answer a Slack request")))
      .toBeDefined();
    const failure = JSON.parse(
      logs.find((line) => line.includes("could not answer a Slack request")) ?? "{}",
    );
    expect(failure.err).toMatchObject({ slackError: "channel_not_found" });
    expect(logs.join("\n")).not.toContain(BOT_TOKEN);
    const counts = async () =>
      Object.fromEntries(
        (await metrics.requests.get()).values.map((v) => [`${v.labels.kind}/${v.labels.outcome}`, v.value]),
      );
    await expect.poll(counts).toEqual({ "message/failed": 1, "message/ok": 1 });
  });

  it("stops only after answers already being worked on were delivered", async () => {
    let release: () => void = () => {};
    scripted.script.answer = () =>
      new Promise<Reply>((resolve) => {
        release = () => resolve({ kind: "card", card: card("late but delivered"), visibility: "ephemeral" });
      });
    await postSlashCommand(receiverUrl, SIGNING_SECRET, {
      text: "slow",
      response_url: fake.responseUrl("slow"),
    });
    await expect.poll(() => scripted.asked.length).toBe(1);

    const stopped = adapter.stop();
    setTimeout(() => release(), 200);
    await stopped;

    expect(fake.responses.map((r) => r.id)).toEqual(["slow"]);
    expect(fake.responses[0]?.body.text).toBe("late but delivered");
  });
});
