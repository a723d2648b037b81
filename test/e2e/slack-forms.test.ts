// Forms, in-place updates and the message shortcut on Slack: the real Bolt app (HTTP receiver)
// against the fake Slack, in front of a fake Datadesk that answers what each test scripts.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FORM_CALLBACK_ID } from "../../src/adapters/slack/form-modal.js";
import { type Form, formSchema } from "../../src/core/shared/form.js";
import {
  appMentionEvent,
  blockActionPayload,
  FAKE_CHANNEL_ID,
  FAKE_USER_ID,
  fakeTriggerId,
  inputState,
  messageShortcutPayload,
  postEvent,
  postInteraction,
  postSlashCommand,
  type RecordedCall,
  slashCommandPayload,
  submissionOf,
  viewSubmissionPayload,
} from "../fakes/slack/index.js";
import {
  type ScriptedSlackAdapter,
  SCRIPTED_SIGNING_SECRET as SECRET,
  startScriptedSlackAdapter,
  textCard,
} from "../fakes/slack/scripted-slack-adapter.js";

const problemForm: Form = formSchema.parse({
  formId: "problem.submit",
  context: "t=;a=0",
  title: "New problem",
  submitLabel: "File it",
  fields: [
    { id: "title", kind: "text", label: "Title", required: true, maxLength: 150 },
    { id: "description", kind: "multiline", label: "What happens?", required: true },
    {
      id: "topic",
      kind: "select",
      label: "Topic",
      required: false,
      options: [
        { label: "Transport", value: "Transport" },
        { label: "Housing", value: "Housing" },
      ],
    },
    { id: "anonymous", kind: "checkbox", label: "Anonymous", required: false },
  ],
});

const filledIn = {
  title: { value: inputState.text("Buses skip Elm St") },
  description: { value: inputState.text(null) },
  topic: { value: inputState.select("Transport") },
  anonymous: { value: inputState.checkboxes(["true"]) },
};

const viewOf = (call: RecordedCall) => call.body.view as Record<string, unknown>;

describe("Slack forms, updates and shortcuts", () => {
  let slack: ScriptedSlackAdapter;

  beforeEach(async () => {
    slack = await startScriptedSlackAdapter();
  });

  afterEach(async () => {
    await slack.stop();
  });

  /** Opens the problem form with /datadesk and returns the view views.open was given. */
  async function openFormByCommand(): Promise<Record<string, unknown>> {
    slack.scripted.answer = () => ({ kind: "form", form: problemForm });
    const earlier = slack.fake.callsTo("views.open").length;
    await postSlashCommand(slack.receiverUrl, SECRET, {
      text: "problem",
      response_url: slack.fake.responseUrl(),
    });
    const opened = await slack.fake.waitForCall(
      "views.open",
      (call) => slack.fake.callsTo("views.open").indexOf(call) >= earlier,
    );
    return viewOf(opened);
  }

  it("opens a form answered to a slash command as a modal, with the command's trigger_id", async () => {
    const triggerId = fakeTriggerId();
    slack.scripted.answer = () => ({ kind: "form", form: problemForm });

    await postSlashCommand(slack.receiverUrl, SECRET, {
      text: "problem",
      trigger_id: triggerId,
      response_url: slack.fake.responseUrl("cmd"),
    });

    const opened = await slack.fake.waitForCall("views.open");
    expect(opened.body.trigger_id).toBe(triggerId);
    const view = viewOf(opened);
    expect(view).toMatchObject({
      type: "modal",
      callback_id: FORM_CALLBACK_ID,
      title: { text: "New problem" },
    });
    expect((view.blocks as Array<{ block_id: string }>).map((b) => b.block_id)).toEqual([
      "title",
      "description",
      "topic",
      "anonymous",
    ]);
    expect(JSON.parse(String(view.private_metadata))).toEqual({
      formId: "problem.submit",
      context: "t=;a=0",
      channelId: FAKE_CHANNEL_ID,
    });
    expect(slack.scripted.asked[0]?.identity.channelId).toBe(FAKE_CHANNEL_ID);
    // Nothing else is said: the modal is the answer.
    expect(slack.fake.responses).toEqual([]);
  });

  it("shows a submission's errors in the modal, through the ack", async () => {
    const view = await openFormByCommand();
    slack.scripted.answer = () => ({
      kind: "errors",
      errors: { description: "Please write at least 20 characters.", draft: "This draft expired." },
    });

    const acked = await postInteraction(slack.receiverUrl, SECRET, submissionOf(view, filledIn));

    expect(acked.status).toBe(200);
    expect(acked.json).toEqual({
      response_action: "errors",
      // An error for a field the modal does not have goes under the first input, not lost.
      errors: { description: "Please write at least 20 characters.", title: "This draft expired." },
    });
    expect(slack.scripted.asked[1]?.request).toEqual({
      kind: "form",
      formId: "problem.submit",
      context: "t=;a=0",
      values: { title: "Buses skip Elm St", description: "", topic: "Transport", anonymous: "true" },
    });
    expect(slack.scripted.asked[1]?.identity.channelId).toBe(FAKE_CHANNEL_ID);
  });

  it("closes the modal on a valid submission and answers privately in the channel it came from", async () => {
    const view = await openFormByCommand();
    slack.scripted.answer = () => ({
      kind: "card",
      card: textCard("Problem #12 filed. Thanks!"),
      visibility: "public",
    });

    const acked = await postInteraction(slack.receiverUrl, SECRET, submissionOf(view, filledIn));

    expect(acked.status).toBe(200);
    expect(acked.body).toBe("");
    const ephemeral = await slack.fake.waitForCall("chat.postEphemeral");
    expect(ephemeral.body).toMatchObject({
      channel: FAKE_CHANNEL_ID,
      user: FAKE_USER_ID,
      text: "Problem #12 filed. Thanks!",
    });
    expect(slack.fake.callsTo("chat.postMessage")).toEqual([]);
  });

  it("answers in the person's DM when the form was opened where there is no channel, or the bot cannot post", async () => {
    slack.scripted.answer = () => ({ kind: "form", form: problemForm });
    await postInteraction(
      slack.receiverUrl,
      SECRET,
      blockActionPayload({ actionId: "problem.new", container: "view" }),
    );
    const fromHome = viewOf(await slack.fake.waitForCall("views.open"));
    expect(JSON.parse(String(fromHome.private_metadata))).not.toHaveProperty("channelId");
    slack.scripted.answer = () => ({ kind: "card", card: textCard("Filed."), visibility: "ephemeral" });

    await postInteraction(slack.receiverUrl, SECRET, submissionOf(fromHome, filledIn));

    const dm = await slack.fake.waitForCall("chat.postMessage");
    expect(dm.body).toMatchObject({ channel: FAKE_USER_ID, text: "Filed." });

    // A channel the bot is not in: the ephemeral is refused, so the DM it is.
    const inChannel = await openFormByCommand();
    slack.scripted.answer = () => ({ kind: "card", card: textCard("Filed."), visibility: "ephemeral" });
    slack.fake.failNext("chat.postEphemeral", { error: "not_in_channel" });
    await postInteraction(slack.receiverUrl, SECRET, submissionOf(inChannel, filledIn));
    await slack.fake.waitForCall("chat.postMessage", (call) => call.body.text === "Filed." && call !== dm);
    expect(slack.fake.callsTo("chat.postMessage")).toHaveLength(2);
  });

  it("pushes a next form onto the modal stack, keeping the channel", async () => {
    const view = await openFormByCommand();
    const next = formSchema.parse({ ...problemForm, formId: "problem.confirm", title: "Similar problems" });
    slack.scripted.answer = () => ({ kind: "form", form: next });

    const acked = await postInteraction(slack.receiverUrl, SECRET, submissionOf(view, filledIn));

    expect(acked.json).toMatchObject({
      response_action: "push",
      view: { type: "modal", callback_id: FORM_CALLBACK_ID, title: { text: "Similar problems" } },
    });
    const pushed = (acked.json as { view: { private_metadata: string } }).view;
    expect(JSON.parse(pushed.private_metadata)).toEqual({
      formId: "problem.confirm",
      context: "t=;a=0",
      channelId: FAKE_CHANNEL_ID,
    });
  });

  it("closes the modal and answers by message when the core is too slow for Slack's 3 seconds", async () => {
    const view = await openFormByCommand();
    slack.scripted.answer = () =>
      new Promise((resolve) =>
        setTimeout(
          () => resolve({ kind: "errors", errors: { title: "Please write at least 8 characters." } }),
          3_000,
        ),
      );

    const started = Date.now();
    const acked = await postInteraction(slack.receiverUrl, SECRET, submissionOf(view, filledIn));

    expect(Date.now() - started).toBeLessThan(3_000);
    expect(acked.body).toBe("");
    const told = await slack.fake.waitForCall("chat.postEphemeral");
    expect(told.body.text).toBe("Please write at least 8 characters.");
  });

  it("refuses a submission whose private_metadata is not ours, without asking the core", async () => {
    const forged = viewSubmissionPayload({
      callbackId: FORM_CALLBACK_ID,
      privateMetadata: JSON.stringify({ formId: "problem.submit", context: "", channelId: "<!channel>" }),
      values: filledIn,
    });

    const acked = await postInteraction(slack.receiverUrl, SECRET, forged);

    expect(acked.body).toBe("");
    const dm = await slack.fake.waitForCall("chat.postMessage");
    expect(dm.body).toMatchObject({ channel: FAKE_USER_ID });
    expect(String(dm.body.text)).toContain("couldn't read that request");
    expect(slack.scripted.asked).toEqual([]);
  });

  it("replaces the pressed button's message with an update, then tells the presser privately", async () => {
    slack.scripted.answer = () => ({
      kind: "update",
      card: textCard("▲ 4 votes"),
      notice: textCard("Thanks for your vote."),
    });

    await postInteraction(
      slack.receiverUrl,
      SECRET,
      blockActionPayload({
        actionId: "problem.vote",
        value: "p1",
        responseUrl: slack.fake.responseUrl("vote"),
      }),
    );

    await slack.fake.waitForResponse("vote", (post) => post.body.replace_original === false);
    const [replaced, notice] = slack.fake.responses;
    expect(replaced?.body).toMatchObject({ replace_original: true, text: "▲ 4 votes" });
    expect(notice?.body).toMatchObject({
      response_type: "ephemeral",
      replace_original: false,
      text: "Thanks for your vote.",
    });
    expect(slack.scripted.asked[0]?.identity.channelId).toBe(FAKE_CHANNEL_ID);
  });

  it("updates an ephemeral message through its response_url, and a channel message by ts when that fails", async () => {
    slack.scripted.answer = () => ({ kind: "update", card: textCard("Following") });
    await postInteraction(
      slack.receiverUrl,
      SECRET,
      blockActionPayload({
        actionId: "problem.follow",
        value: "p1",
        ephemeral: true,
        responseUrl: slack.fake.responseUrl("eph"),
      }),
    );
    const replaced = await slack.fake.waitForResponse("eph");
    expect(replaced.body).toMatchObject({ replace_original: true, text: "Following" });

    slack.fake.failNext("response_url", { error: "expired_url" });
    const messageTs = "1712345678.000100";
    await postInteraction(
      slack.receiverUrl,
      SECRET,
      blockActionPayload({
        actionId: "problem.follow",
        value: "p1",
        messageTs,
        responseUrl: slack.fake.responseUrl(),
      }),
    );
    const updated = await slack.fake.waitForCall("chat.update");
    expect(updated.body).toMatchObject({ channel: FAKE_CHANNEL_ID, ts: messageTs, text: "Following" });
  });

  it("shows an update answered to a slash command as an ephemeral card, then its notice", async () => {
    slack.scripted.answer = () => ({
      kind: "update",
      card: textCard("#12 accepted"),
      notice: textCard("Done."),
    });

    await postSlashCommand(slack.receiverUrl, SECRET, {
      text: "accept 12",
      response_url: slack.fake.responseUrl("upd"),
    });

    await slack.fake.waitForResponse("upd", (post) => post.body.text === "Done.");
    expect(slack.fake.responses.map((r) => [r.body.response_type, r.body.text])).toEqual([
      ["ephemeral", "#12 accepted"],
      ["ephemeral", "Done."],
    ]);
  });

  it("turns a message into a problem through the shortcut: its text to the core, the form with its trigger_id", async () => {
    const triggerId = fakeTriggerId();
    slack.scripted.answer = () => ({ kind: "form", form: problemForm });

    await postInteraction(
      slack.receiverUrl,
      SECRET,
      messageShortcutPayload({
        callbackId: "problem.from_message",
        triggerId,
        text: "Potholes on <@U0BOB|bob>'s street &amp; no data &lt;!channel&gt;",
      }),
    );

    const opened = await slack.fake.waitForCall("views.open");
    expect(opened.body.trigger_id).toBe(triggerId);
    expect(JSON.parse(String(viewOf(opened).private_metadata))).toMatchObject({ channelId: FAKE_CHANNEL_ID });
    expect(slack.scripted.asked[0]?.request).toEqual({
      kind: "shortcut",
      shortcutId: "problem.from_message",
      text: "Potholes on @bob's street & no data <!channel>",
    });
    expect(slack.scripted.asked[0]?.identity.channelId).toBe(FAKE_CHANNEL_ID);
  });

  it("caps a shortcut's message at what the core accepts, and reads a message without text as empty", async () => {
    slack.scripted.answer = () => ({ kind: "none" });
    await postInteraction(
      slack.receiverUrl,
      SECRET,
      messageShortcutPayload({ callbackId: "problem.from_message", text: "x".repeat(5000) }),
    );
    await postInteraction(
      slack.receiverUrl,
      SECRET,
      messageShortcutPayload({ callbackId: "problem.from_message", withoutText: true }),
    );

    await expect.poll(() => slack.scripted.asked.length).toBe(2);
    const texts = slack.scripted.asked.map((a) => (a.request.kind === "shortcut" ? a.request.text : null));
    expect(texts).toEqual(["x".repeat(4000), ""]);
  });

  it("tells the person when the form could not open because the trigger expired", async () => {
    slack.fake.failNext("views.open", { error: "expired_trigger_id" });
    slack.scripted.answer = () => ({ kind: "form", form: problemForm });

    await postSlashCommand(slack.receiverUrl, SECRET, {
      text: "problem",
      response_url: slack.fake.responseUrl("late"),
    });

    const told = await slack.fake.waitForResponse("late");
    expect(told.body).toMatchObject({ response_type: "ephemeral" });
    expect(String(told.body.text)).toContain("took too long");
  });

  it("offers a form asked for in a mention as a button, which opens it with the click's trigger_id", async () => {
    slack.scripted.answer = () => ({ kind: "form", form: problemForm });
    await postEvent(slack.receiverUrl, SECRET, appMentionEvent({ text: "problem" }));

    const offer = await slack.fake.waitForCall("chat.postEphemeral");
    expect(offer.body).toMatchObject({ channel: FAKE_CHANNEL_ID, user: FAKE_USER_ID, text: "New problem" });
    const button = (offer.body.blocks as Array<{ elements: Array<{ action_id: string; value: string }> }>)[0]
      ?.elements[0];
    expect(button).toMatchObject({ action_id: "datadesk:form:open", value: "problem" });
    expect(slack.fake.callsTo("views.open")).toEqual([]);

    const triggerId = fakeTriggerId();
    await postInteraction(
      slack.receiverUrl,
      SECRET,
      blockActionPayload({
        actionId: button?.action_id ?? "",
        value: button?.value ?? "",
        ephemeral: true,
        triggerId,
        responseUrl: slack.fake.responseUrl(),
      }),
    );

    const opened = await slack.fake.waitForCall("views.open");
    expect(opened.body.trigger_id).toBe(triggerId);
    expect(slack.scripted.asked.map((a) => a.request)).toEqual([
      { kind: "message", text: "problem" },
      { kind: "message", text: "problem" },
    ]);
  });
});

describe("Slack forms in Socket Mode", () => {
  let slack: ScriptedSlackAdapter;

  beforeEach(async () => {
    slack = await startScriptedSlackAdapter({ mode: "socket" });
  });

  afterEach(async () => {
    await slack.stop();
  });

  it("opens the form from a slash_commands envelope and answers the submission in its ack", async () => {
    slack.scripted.answer = () => ({ kind: "form", form: problemForm });
    await slack.fake.socket.send("slash_commands", slashCommandPayload({ text: "problem" }));
    const view = viewOf(await slack.fake.waitForCall("views.open"));

    slack.scripted.answer = () => ({
      kind: "errors",
      errors: { title: "Please write at least 8 characters." },
    });
    const errorsAck = await slack.fake.socket.send("interactive", submissionOf(view, filledIn));
    expect(errorsAck.payload).toEqual({
      response_action: "errors",
      errors: { title: "Please write at least 8 characters." },
    });

    slack.scripted.answer = () => ({ kind: "card", card: textCard("Filed."), visibility: "ephemeral" });
    const closeAck = await slack.fake.socket.send("interactive", submissionOf(view, filledIn));
    expect(closeAck.payload).toEqual({});
    const told = await slack.fake.waitForCall("chat.postEphemeral");
    expect(told.body).toMatchObject({ channel: FAKE_CHANNEL_ID, user: FAKE_USER_ID, text: "Filed." });
  });
});
