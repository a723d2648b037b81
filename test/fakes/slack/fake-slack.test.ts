// Proves the fake Slack against the REAL @slack/bolt v5 in both transports. If Bolt or
// @slack/web-api change their wire behaviour, these tests are the early warning.

import type { AddressInfo } from "node:net";
import { App } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "./fake-slack-server.js";
import { FAKE_BOT_USER_ID, FAKE_CHANNEL_ID, FAKE_USER_ID } from "./fake-workspace.js";
import { type RecordingLogger, recordingLogger } from "./recording-logger.js";
import {
  appMentionEvent,
  blockActionPayload,
  nowSeconds,
  postEvent,
  postInteraction,
  postSlashCommand,
  slashCommandPayload,
  viewSubmissionPayload,
} from "./signed-request.js";

const BOT_TOKEN = "xoxb-fake-bot-token";
const APP_TOKEN = "xapp-1-fake-app-token";
const SIGNING_SECRET = "fake-signing-secret";

describe("fake Slack with Bolt's HTTP receiver", () => {
  let fake: FakeSlack;
  let app: App;
  let logger: RecordingLogger;
  let receiverUrl: string;
  let commandTexts: string[];

  beforeEach(async () => {
    // The fake must be up before `new App`: with a token, Bolt fires auth.test in the constructor.
    fake = await startFakeSlack();
    logger = recordingLogger();
    commandTexts = [];
    app = new App({
      token: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      logger,
      clientOptions: { slackApiUrl: fake.apiUrl },
    });
    app.command("/datadesk", async ({ command, ack, respond, client }) => {
      commandTexts.push(command.text);
      await ack();
      await respond({ response_type: "ephemeral", text: `Datadesk help for <@${command.user_id}>` });
      await client.chat.postEphemeral({
        channel: command.channel_id,
        user: command.user_id,
        text: "Datadesk commands",
        blocks: [{ type: "section", text: { type: "mrkdwn", text: "*help* – this list" } }],
      });
    });
    app.event("app_mention", async ({ event, say }) => {
      await say({ text: `You said: ${event.text}`, thread_ts: event.ts });
    });
    app.action("approve", async ({ ack, respond }) => {
      await ack();
      await respond({ replace_original: true, text: "Approved" });
    });
    // Port 0 + explicit host: an ephemeral port on loopback only; Bolt resolves with the http.Server.
    const server = await app.start({ port: 0, host: "127.0.0.1" });
    receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });

  afterEach(async () => {
    await app.stop();
    await fake.close();
  });

  it("runs a signed slash command: ack, respond() to response_url, chat.postEphemeral", async () => {
    const result = await postSlashCommand(receiverUrl, SIGNING_SECRET, {
      command: "/datadesk",
      text: "help",
      response_url: fake.responseUrl("cmd-1"),
    });

    expect(result.status).toBe(200);
    expect(result.body).toBe("");
    const responded = await fake.waitForResponse("cmd-1");
    expect(responded.body).toEqual({
      response_type: "ephemeral",
      text: `Datadesk help for <@${FAKE_USER_ID}>`,
    });
    const ephemeral = await fake.waitForCall("chat.postEphemeral");
    expect(ephemeral.token).toBe(BOT_TOKEN);
    expect(ephemeral.body).toMatchObject({
      channel: FAKE_CHANNEL_ID,
      user: FAKE_USER_ID,
      text: "Datadesk commands",
    });
    expect(ephemeral.body.blocks).toEqual([
      { type: "section", text: { type: "mrkdwn", text: "*help* – this list" } },
    ]);
    expect(fake.callsTo("auth.test")[0]?.token).toBe(BOT_TOKEN);
    expect(commandTexts).toEqual(["help"]);
    expect(logger.errors).toEqual([]);
  });

  it("rejects a corrupted signature with 401 without running the handler", async () => {
    const result = await postSlashCommand(
      receiverUrl,
      SIGNING_SECRET,
      { command: "/datadesk", text: "help" },
      { corruptSignature: true },
    );

    expect(result.status).toBe(401);
    expect(commandTexts).toEqual([]);
  });

  it("rejects a request signed more than 5 minutes ago with 401", async () => {
    const result = await postSlashCommand(
      receiverUrl,
      SIGNING_SECRET,
      { command: "/datadesk", text: "help" },
      { timestampSeconds: nowSeconds() - 6 * 60 },
    );

    expect(result.status).toBe(401);
    expect(commandTexts).toEqual([]);
  });

  it("delivers a JSON event (with retry headers) and records the bot's chat.postMessage", async () => {
    const envelope = appMentionEvent({ text: "status?" });

    const result = await postEvent(receiverUrl, SIGNING_SECRET, envelope, {
      retryNum: 1,
      retryReason: "http_timeout",
    });

    expect(result.status).toBe(200);
    const posted = await fake.waitForCall("chat.postMessage");
    expect(posted.body).toMatchObject({
      channel: FAKE_CHANNEL_ID,
      text: `You said: <@${FAKE_BOT_USER_ID}> status?`,
    });
  });

  it("delivers a block_actions interaction as payload=JSON", async () => {
    const payload = blockActionPayload({ actionId: "approve", responseUrl: fake.responseUrl("action-1") });

    const result = await postInteraction(receiverUrl, SIGNING_SECRET, payload);

    expect(result.status).toBe(200);
    expect((await fake.waitForResponse("action-1")).body).toEqual({
      replace_original: true,
      text: "Approved",
    });
  });
});

describe("fake Slack with Bolt in Socket Mode", () => {
  let fake: FakeSlack;
  let app: App;
  let logger: RecordingLogger;

  beforeEach(async () => {
    fake = await startFakeSlack();
    logger = recordingLogger();
    app = new App({
      token: BOT_TOKEN,
      appToken: APP_TOKEN,
      socketMode: true,
      logger,
      // Bolt copies clientOptions into installerOptions.clientOptions, which SocketModeReceiver hands
      // to SocketModeClient's own WebClient: one slackApiUrl redirects apps.connections.open too.
      clientOptions: { slackApiUrl: fake.apiUrl },
    });
    app.command("/datadesk", async ({ command, ack, respond }) => {
      await ack({ response_type: "ephemeral", text: `Working on "${command.text}"…` });
      await respond({ text: "Done" });
    });
    app.event("app_mention", async ({ event, say }) => {
      await say({ text: `Hi <@${event.user}>`, thread_ts: event.ts });
    });
    app.view("file-request", async ({ ack, view }) => {
      const title = view.state.values.title?.value?.value;
      await ack(title ? undefined : { response_action: "errors", errors: { title: "Required" } });
    });
    // Resolves once the fake's `hello` arrives over the WebSocket.
    await app.start();
  });

  afterEach(async () => {
    // Order matters: stop Bolt first so its client closes deliberately; if the fake hung up first,
    // @slack/socket-mode would schedule a reconnect against a server that no longer exists.
    await app.stop();
    await fake.close();
  });

  it("opens the connection with the app-level token", async () => {
    const open = await fake.waitForCall("apps.connections.open");
    expect(open.token).toBe(APP_TOKEN);
    expect(fake.socket.connectionIds).toHaveLength(1);
  });

  it("acks a slash_commands envelope with the ack payload, then respond() posts to response_url", async () => {
    const ack = await fake.socket.send(
      "slash_commands",
      slashCommandPayload({ text: "inventory", response_url: fake.responseUrl("sm-cmd") }),
    );

    expect(ack.payload).toEqual({ response_type: "ephemeral", text: 'Working on "inventory"…' });
    expect((await fake.waitForResponse("sm-cmd")).body).toEqual({ text: "Done" });
    expect(logger.errors).toEqual([]);
  });

  it("acks an app_mention events_api envelope and the bot posts chat.postMessage", async () => {
    const envelope = appMentionEvent({ text: "hello", user: "U0BOB" });

    const ack = await fake.socket.send("events_api", envelope);

    expect(ack.payload).toEqual({});
    const posted = await fake.waitForCall("chat.postMessage");
    expect(posted.token).toBe(BOT_TOKEN);
    expect(posted.body).toMatchObject({ channel: FAKE_CHANNEL_ID, text: "Hi <@U0BOB>" });
    expect(posted.body.thread_ts).toBe((envelope.event as { ts: string }).ts);
  });

  it("acks an interactive view_submission with a response_action payload", async () => {
    const payload = viewSubmissionPayload({ callbackId: "file-request", values: { title: { value: {} } } });

    const ack = await fake.socket.send("interactive", payload);

    expect(ack.payload).toEqual({ response_action: "errors", errors: { title: "Required" } });
  });

  it("serves several connections and delivers to the one chosen", async () => {
    const second = new App({
      token: BOT_TOKEN,
      appToken: APP_TOKEN,
      socketMode: true,
      logger,
      clientOptions: { slackApiUrl: fake.apiUrl },
    });
    second.command("/datadesk", async ({ ack }) => ack("from the second app"));
    try {
      await second.start();
      const [firstId, secondId] = fake.socket.connectionIds;

      const toSecond = await fake.socket.send("slash_commands", slashCommandPayload(), {
        connectionId: secondId,
      });
      const toFirst = await fake.socket.send(
        "slash_commands",
        slashCommandPayload({ response_url: fake.responseUrl() }),
        {
          connectionId: firstId,
        },
      );

      expect(fake.socket.connectionIds).toHaveLength(2);
      expect(toSecond).toMatchObject({ connectionId: secondId, payload: { text: "from the second app" } });
      expect(toFirst.connectionId).toBe(firstId);
      expect(toFirst.payload?.text).toMatch(/^Working on/);
    } finally {
      await second.stop();
    }
  });
});
