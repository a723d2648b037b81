// Slack requests that must not be answered twice or crash Bolt (issue 20), through the real Bolt
// HTTP receiver against the fake Slack: a slash command replayed by a proxy is answered once, and a
// signed interactive body whose payload is not a JSON object gets a 400 and a warn line, not an
// unhandled error.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postSignedRequest, postSlashCommand } from "../fakes/slack/index.js";
import { startTwoPlatformApp, type TwoPlatformApp } from "../support/two-platform-app.js";

const SIGNING_SECRET = "replays-signing-secret";
const FORM = "application/x-www-form-urlencoded";

describe("Slack replays and unreadable bodies, end to end", () => {
  let two: TwoPlatformApp;

  beforeAll(async () => {
    two = await startTwoPlatformApp({
      signingSecret: SIGNING_SECRET,
      discordToken: "replays-discord-token",
      slackToken: "xoxb-replays",
    });
  });

  afterAll(async () => {
    await two?.close();
  });

  const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

  it("answers the same signed slash command once when a proxy posts it four times", async () => {
    const fields = {
      command: "/datadesk",
      text: "help",
      response_url: two.slack.responseUrl("replayed"),
      trigger_id: "1337.42.replayed",
    };
    const statuses = [];
    for (let copy = 0; copy < 4; copy++)
      statuses.push((await postSlashCommand(two.receiverUrl, SIGNING_SECRET, fields)).status);
    // Every copy is acknowledged (Slack would show an error otherwise); only one is answered.
    expect(statuses).toEqual([200, 200, 200, 200]);
    await two.slack.waitForResponse("replayed");
    await settle();
    expect(two.slack.responses.filter((r) => r.id === "replayed")).toHaveLength(1);
    expect(two.desk.logs.filter((l) => l.msg === "skipped a copy of a Slack slash command")).toHaveLength(3);

    // The same text typed again is a new invocation (a new trigger_id): answered.
    await postSlashCommand(two.receiverUrl, SIGNING_SECRET, {
      ...fields,
      trigger_id: "1337.43.typed-again",
      response_url: two.slack.responseUrl("again"),
    });
    await two.slack.waitForResponse("again");
  });

  it.each([
    ["null", "payload=null"],
    ["a number", "payload=42"],
    ["an array", "payload=%5B%5D"],
    ["not JSON", "payload=%7Bnot-json"],
    ["two payloads", "payload=%7B%7D&payload=%7B%7D"],
  ])(
    "answers a signed interactive body whose payload is %s with 400 and a warn line",
    async (_what, body) => {
      const before = two.desk.logs.length;
      const response = await postSignedRequest(two.receiverUrl, SIGNING_SECRET, body, FORM);
      expect(response.status).toBe(400);
      const lines = two.desk.logs.slice(before);
      expect(lines.some((l) => l.level === 40)).toBe(true);
      expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    },
  );

  it("still refuses an unsigned one with 401, and keeps answering commands", async () => {
    const response = await postSignedRequest(two.receiverUrl, SIGNING_SECRET, "payload=null", FORM, {
      omitSignature: true,
    });
    expect(response.status).toBe(401);
    await postSlashCommand(two.receiverUrl, SIGNING_SECRET, {
      command: "/datadesk",
      text: "help",
      response_url: two.slack.responseUrl("after"),
    });
    await two.slack.waitForResponse("after");
    const callback = await two.discord.gateway.sendInteraction(
      two.discord.gateway.chatInputInteraction({ name: "help" }),
    );
    expect(callback.data).toBeDefined();
  });
});
