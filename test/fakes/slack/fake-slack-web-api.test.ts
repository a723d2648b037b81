// The fake's Web API side on its own, through the real @slack/web-api WebClient that Bolt uses:
// scripted failures, canned responses and request decoding.

import { webApi } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "./fake-slack-server.js";
import { FAKE_CHANNEL_ID } from "./fake-workspace.js";
import { type RecordingLogger, recordingLogger } from "./recording-logger.js";

const BOT_TOKEN = "xoxb-fake-bot-token";

describe("fake Slack Web API", () => {
  let fake: FakeSlack;
  let logger: RecordingLogger;

  beforeEach(async () => {
    fake = await startFakeSlack();
    logger = recordingLogger();
  });

  afterEach(async () => {
    await fake.close();
  });

  it("scripts Web API failures: platform error, then a 429 that WebClient retries", async () => {
    // minTimeout 0 drops p-retry's own backoff on top of the Retry-After sleep, keeping the test ~1 s.
    const client = new webApi.WebClient(BOT_TOKEN, {
      slackApiUrl: fake.apiUrl,
      logger,
      retryConfig: { retries: 1, minTimeout: 0 },
    });
    fake.failNext("chat.postMessage", { error: "channel_not_found" });
    await expect(client.chat.postMessage({ channel: "C404", text: "x" })).rejects.toMatchObject({
      data: { ok: false, error: "channel_not_found" },
    });

    fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    const ok = await client.chat.postMessage({ channel: FAKE_CHANNEL_ID, text: "after rate limit" });

    expect(ok.ok).toBe(true);
    expect(fake.callsTo("chat.postMessage").map((c) => c.status)).toEqual([200, 429, 200]);
    expect(fake.callsTo("chat.postMessage").map((c) => c.ok)).toEqual([false, false, true]);
  });

  it("scripts HTTP 5xx, which WebClient retries per retryConfig before throwing", async () => {
    const noRetry = new webApi.WebClient(BOT_TOKEN, {
      slackApiUrl: fake.apiUrl,
      logger,
      retryConfig: { retries: 0 },
    });
    fake.failNext("chat.update", { status: 500 });
    await expect(noRetry.chat.update({ channel: "C1", ts: "1.2", text: "x" })).rejects.toMatchObject({
      code: webApi.ErrorCode.HTTPError,
      statusCode: 500,
    });

    const rapid = new webApi.WebClient(BOT_TOKEN, {
      slackApiUrl: fake.apiUrl,
      logger,
      retryConfig: webApi.retryPolicies.rapidRetryPolicy,
    });
    fake.failNext("chat.update", { status: 503 }, 2);
    await expect(rapid.chat.update({ channel: "C1", ts: "1.2", text: "y" })).resolves.toMatchObject({
      ok: true,
    });
    expect(fake.callsTo("chat.update").map((c) => c.status)).toEqual([500, 503, 503, 200]);
  });

  it("answers users.info with locale only when include_locale is set, and opens stable DMs", async () => {
    await fake.close();
    fake = await startFakeSlack({ users: { U0BERTA: { locale: "de-DE", tz: "Europe/Berlin" } } });
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, logger });

    const withLocale = await client.users.info({ user: "U0BERTA", include_locale: true });
    const without = await client.users.info({ user: "U0BERTA" });
    const dm1 = await client.conversations.open({ users: "U0BERTA" });
    const dm2 = await client.conversations.open({ users: "U0BERTA" });

    expect(withLocale.user?.locale).toBe("de-DE");
    expect(withLocale.user?.tz).toBe("Europe/Berlin");
    expect(without.user?.locale).toBeUndefined();
    expect(dm1.channel?.id).toMatch(/^D/);
    expect(dm2.channel?.id).toBe(dm1.channel?.id);
  });

  it("decodes JSON-in-form fields and lets tests override a method's response", async () => {
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, logger });
    fake.setResponse("conversations.history", () => ({ ok: true, messages: [{ ts: "1.1", text: "hi" }] }));

    await client.views.publish({ user_id: "U1", view: { type: "home", blocks: [], private_metadata: "p" } });
    const history = await client.conversations.history({ channel: FAKE_CHANNEL_ID });

    expect(history.messages).toEqual([{ ts: "1.1", text: "hi" }]);
    const publish = await fake.waitForCall("views.publish");
    expect(publish.body.view).toEqual({ type: "home", blocks: [], private_metadata: "p" });
    expect(publish.response).toMatchObject({ ok: true, view: { type: "home", private_metadata: "p" } });
  });
});
