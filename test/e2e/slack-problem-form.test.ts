// Filing a problem on Slack with the whole app (real core, store, Bolt over HTTP) against the fake
// Slack: the form opens as a modal, its errors show in the modal, and a filed problem's answer
// lands privately in the channel the form came from.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isSlackAdapter } from "../../src/adapters/slack/slack-adapter.js";
import {
  FAKE_CHANNEL_ID,
  FAKE_USER_ID,
  type FakeSlack,
  inputState,
  messageShortcutPayload,
  postInteraction,
  postSlashCommand,
  startFakeSlack,
  submissionOf,
} from "../fakes/slack/index.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const SECRET = "e2e-problem-form-signing-secret";

describe("filing a problem on Slack, end to end", () => {
  let fake: FakeSlack;
  let desk: TestApp;
  let receiverUrl: string;

  beforeAll(async () => {
    fake = await startFakeSlack({ waitTimeoutMs: 15_000 });
    desk = await startTestApp({
      SLACK_BOT_TOKEN: "xoxb-e2e-problem-form",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      HOST: "127.0.0.1",
    });
    const port = desk.app.adapters.find(isSlackAdapter)?.port();
    receiverUrl = `http://127.0.0.1:${port}/slack/events`;
  });
  afterAll(async () => {
    await desk?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  async function openProblemForm(): Promise<Record<string, unknown>> {
    await postSlashCommand(receiverUrl, SECRET, { text: "problem", response_url: fake.responseUrl() });
    return (await fake.waitForCall("views.open")).body.view as Record<string, unknown>;
  }

  it("opens /datadesk problem as a modal and shows what is wrong in it", async () => {
    const view = await openProblemForm();
    const blockIds = (view.blocks as Array<{ block_id: string }>).map((b) => b.block_id);
    expect(blockIds).toEqual(expect.arrayContaining(["title", "description", "affected", "place"]));

    const acked = await postInteraction(
      receiverUrl,
      SECRET,
      submissionOf(view, {
        title: { value: inputState.text("Bus") },
        description: { value: inputState.text("Too short") },
        affected: { value: inputState.text("Commuters on Elm St") },
        place: { value: inputState.text(null) },
      }),
    );

    expect(acked.status).toBe(200);
    const answer = acked.json as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe("errors");
    expect(Object.keys(answer.errors).sort()).toEqual(["description", "title"]);
  });

  it("closes the modal on a good submission and tells the person in the channel they asked from", async () => {
    const view = await openProblemForm();

    const acked = await postInteraction(
      receiverUrl,
      SECRET,
      submissionOf(view, {
        title: { value: inputState.text("Buses skip the Elm St stop after 9pm") },
        description: {
          value: inputState.text(
            "The night buses on route 12 pass the Elm St stop without stopping, most nights.",
          ),
        },
        affected: { value: inputState.text("Night-shift workers on Elm St") },
        place: { value: inputState.text("Elm St") },
      }),
    );

    // No catalog here, so nothing to suggest first: the problem is filed and the modal closes.
    expect(acked).toMatchObject({ status: 200, body: "" });
    const told = await fake.waitForCall("chat.postEphemeral");
    expect(told.body).toMatchObject({ channel: FAKE_CHANNEL_ID, user: FAKE_USER_ID });
    expect(String(told.body.text)).toContain("#1");
  });

  it("turns a message into a problem form prefilled with the message", async () => {
    await postInteraction(
      receiverUrl,
      SECRET,
      messageShortcutPayload({
        callbackId: "problem.from_message",
        // Someone else: the person above just filed one and waits out the cooldown.
        user: "U0CAROL",
        responseUrl: fake.responseUrl("shortcut"),
        text: "Streetlights out on Oak Ave\nThey have been dark for two weeks &amp; nobody knows who to call.",
      }),
    );

    const opened = await fake.waitForCall("views.open");
    const json = JSON.stringify(opened.body.view);
    expect(json).toContain("Streetlights out on Oak Ave");
    expect(json).toContain("nobody knows who to call");
    expect(
      JSON.parse(String((opened.body.view as { private_metadata: string }).private_metadata)),
    ).toMatchObject({
      formId: "problem.submit",
      channelId: FAKE_CHANNEL_ID,
    });
  });

  it("logged no errors", () => {
    expect(desk.logs.filter((line) => line.level >= 50)).toEqual([]);
  });
});
