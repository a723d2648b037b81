// One run through every way the Slack adapter sends something (response_url, chat.postMessage,
// chat.postEphemeral, chat.update, views.open, views.publish, acks with errors or a pushed view,
// outbox deliveries), each time with hostile user text in the core's answer, then one look at
// everything the fake Slack received: no broadcast, mention or link markup may come from user
// text. The only ping allowed is the core's deliberate mention segment.

import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM_OFFER_ACTION_ID } from "../../src/adapters/slack/button-action-ids.js";
import { slackEscape } from "../../src/adapters/slack/inbound-text.js";
import { createSlackOutboxDelivery } from "../../src/adapters/slack/slack-outbox-delivery.js";
import type { Card, Inline } from "../../src/core/shared/card.js";
import { type Form, formSchema } from "../../src/core/shared/form.js";
import {
  appHomeOpenedEvent,
  appMentionEvent,
  blockActionPayload,
  dmMessageEvent,
  FAKE_CHANNEL_ID,
  FAKE_USER_ID,
  inputState,
  messageShortcutPayload,
  postEvent,
  postInteraction,
  postSlashCommand,
  type RecordedCall,
  submissionOf,
} from "../fakes/slack/index.js";
import {
  SCRIPTED_BOT_TOKEN,
  type ScriptedSlackAdapter,
  SCRIPTED_SIGNING_SECRET as SECRET,
  startScriptedSlackAdapter,
} from "../fakes/slack/scripted-slack-adapter.js";

/** What a person could type, as the core receives it (Slack's entities already decoded). */
const HOSTILE = "@everyone @here <!channel> <!here> <!everyone> <@U123> [x](http://evil) <http://evil|click>";
const FORBIDDEN = ["<!everyone>", "<!here>", "<!channel>", "<@U123>", "<http://evil"];
const CHAMPION: Inline = { mention: "U0MARIA", text: "Maria" };

/** A card the way the core builds one around user text: plain string segments, plus one ping. */
function echo(text: string): Card {
  return {
    fallbackText: text,
    blocks: [
      { type: "header", text },
      { type: "section", text: ["You said: ", text, " ", CHAMPION] },
      { type: "fields", fields: [{ label: text, value: [text] }] },
      { type: "list", items: [[text], [{ text, style: "bold" }]] },
      { type: "context", text: [{ text, style: "code" }] },
      {
        type: "actions",
        actions: [{ kind: "button", actionId: "problem.vote", label: text.slice(0, 75), value: "p1" }],
      },
      { type: "image", url: "https://example.org/map.png", alt: text },
    ],
  };
}

/** A form prefilled with user text (a message turned into a problem, a retry). */
function formAround(text: string): Form {
  return formSchema.parse({
    formId: "problem.submit",
    context: "t=;a=0",
    title: "New problem",
    submitLabel: "File it",
    fields: [
      {
        id: "title",
        kind: "text",
        label: "Title",
        placeholder: text.slice(0, 100),
        required: true,
        initialValue: text,
      },
      { id: "description", kind: "multiline", label: "Details", hint: text.slice(0, 100), required: true },
      {
        id: "topic",
        kind: "select",
        label: "Topic",
        required: false,
        options: [{ label: text.slice(0, 75), value: "t1" }],
      },
      { id: "anonymous", kind: "checkbox", label: "Anonymous", hint: text.slice(0, 100), required: false },
    ],
  });
}

function withoutOfferValue(this: unknown, key: string, value: unknown): unknown {
  const parent = this as { action_id?: unknown };
  return key === "value" && parent.action_id === FORM_OFFER_ACTION_ID ? undefined : value;
}

describe("user text never becomes Slack markup, on any outbound call", () => {
  let slack: ScriptedSlackAdapter;
  const acks: unknown[] = [];

  beforeAll(async () => {
    slack = await startScriptedSlackAdapter();
  });

  afterAll(async () => {
    await slack?.stop();
  });

  const callsSoFar = () => slack.fake.calls.length + slack.fake.responses.length;
  /** Waits until the adapter has made `count` more outbound calls than `before`. */
  const settled = async (before: number, count: number) =>
    expect.poll(() => callsSoFar() - before, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  const lastView = () => slack.fake.callsTo("views.open").at(-1)?.body.view;

  it("drives every surface with hostile text", async () => {
    const { fake, scripted, receiverUrl } = slack;
    // Slack's wire form: what the person typed, entity-escaped, plus real broadcast and mention markup.
    const wire = `${slackEscape(HOSTILE)} <!channel> <@U123>`;
    const echoReply = (visibility: "public" | "ephemeral") => (request: { kind: string }) => ({
      kind: "card" as const,
      card: echo(`${HOSTILE} ${JSON.stringify(request).length}`),
      visibility,
    });
    let before = callsSoFar();

    // Slash command: public card, then an update (ephemeral card + notice).
    scripted.answer = echoReply("public");
    await postSlashCommand(receiverUrl, SECRET, { text: wire, response_url: fake.responseUrl() });
    await settled(before, 1);
    before = callsSoFar();
    scripted.answer = () => ({ kind: "update", card: echo(HOSTILE), notice: echo(HOSTILE) });
    await postSlashCommand(receiverUrl, SECRET, { text: wire, response_url: fake.responseUrl() });
    await settled(before, 2);

    // Mentions: public in the thread, private, and a form offered as a button.
    before = callsSoFar();
    scripted.answer = echoReply("public");
    await postEvent(receiverUrl, SECRET, appMentionEvent({ text: wire }));
    await settled(before, 1);
    before = callsSoFar();
    scripted.answer = echoReply("ephemeral");
    await postEvent(receiverUrl, SECRET, appMentionEvent({ text: wire }));
    await settled(before, 1);
    before = callsSoFar();
    scripted.answer = () => ({ kind: "form", form: formAround(HOSTILE) });
    await postEvent(receiverUrl, SECRET, appMentionEvent({ text: wire }));
    const offer = await fake.waitForCall("chat.postEphemeral", (c) =>
      JSON.stringify(c.body).includes(FORM_OFFER_ACTION_ID),
    );
    const offerButton = (offer.body.blocks as Array<{ elements: Array<{ value: string }> }>)[0]?.elements[0];

    // The offer's click opens the form (views.open).
    before = callsSoFar();
    await postInteraction(
      receiverUrl,
      SECRET,
      blockActionPayload({
        actionId: FORM_OFFER_ACTION_ID,
        value: offerButton?.value,
        ephemeral: true,
        responseUrl: fake.responseUrl(),
      }),
    );
    await settled(before, 1);

    // A DM.
    before = callsSoFar();
    scripted.answer = echoReply("public");
    await postEvent(receiverUrl, SECRET, dmMessageEvent({ text: wire }));
    await settled(before, 1);

    // The message shortcut: a form prefilled with the message.
    before = callsSoFar();
    scripted.answer = (request) => ({
      kind: "form",
      form: formAround(request.kind === "shortcut" ? request.text : HOSTILE),
    });
    await postInteraction(
      receiverUrl,
      SECRET,
      messageShortcutPayload({ callbackId: "problem.from_message", text: wire }),
    );
    await settled(before, 1);

    // Submissions of that form with hostile values: errors, a pushed form, a card, an update.
    const values = {
      title: { value: inputState.text(HOSTILE) },
      description: { value: inputState.text(HOSTILE) },
      topic: { value: inputState.select("t1") },
      anonymous: { value: inputState.checkboxes([]) },
    };
    const opened = lastView();
    scripted.answer = (request) => ({
      kind: "errors",
      errors: {
        title: request.kind === "form" ? `“${request.values.title}” is taken` : HOSTILE,
        elsewhere: HOSTILE,
      },
    });
    acks.push((await postInteraction(receiverUrl, SECRET, submissionOf(opened, values))).json);
    scripted.answer = () => ({ kind: "form", form: formAround(HOSTILE) });
    acks.push((await postInteraction(receiverUrl, SECRET, submissionOf(opened, values))).json);
    before = callsSoFar();
    scripted.answer = echoReply("public");
    await postInteraction(receiverUrl, SECRET, submissionOf(opened, values));
    await settled(before, 1);
    before = callsSoFar();
    scripted.answer = () => ({ kind: "update", card: echo(HOSTILE), notice: echo(HOSTILE) });
    await postInteraction(receiverUrl, SECRET, submissionOf(opened, values));
    await settled(before, 2);

    // A button: update in place (response_url) and a notice; then by chat.update when that fails.
    before = callsSoFar();
    scripted.answer = () => ({ kind: "update", card: echo(HOSTILE), notice: echo(HOSTILE) });
    await postInteraction(
      receiverUrl,
      SECRET,
      blockActionPayload({ actionId: "problem.vote", value: "p1", responseUrl: fake.responseUrl() }),
    );
    await settled(before, 2);
    before = callsSoFar();
    fake.failNext("response_url", { error: "expired_url" });
    scripted.answer = () => ({ kind: "update", card: echo(HOSTILE) });
    await postInteraction(
      receiverUrl,
      SECRET,
      blockActionPayload({ actionId: "problem.vote", value: "p1", responseUrl: fake.responseUrl() }),
    );
    await fake.waitForCall("chat.update");

    // The App Home.
    scripted.home = async () => echo(HOSTILE);
    await postEvent(receiverUrl, SECRET, appHomeOpenedEvent());
    await fake.waitForCall("views.publish");

    // Outbox deliveries: a post to a channel, a DM, and an edit.
    const delivery = createSlackOutboxDelivery(
      new webApi.WebClient(SCRIPTED_BOT_TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }),
    );
    const ref = await delivery.deliver({ kind: "channel", channelId: FAKE_CHANNEL_ID }, echo(HOSTILE), "k1");
    await delivery.deliver({ kind: "user", userId: FAKE_USER_ID }, echo(HOSTILE), "k2");
    await delivery.update(ref, echo(HOSTILE));
  });

  it("sent nothing with markup from user text, on any method", () => {
    const carriesUserText = (call: RecordedCall) =>
      !["auth.test", "users.info", "conversations.open"].includes(call.method);
    const outbound = [
      ...slack.fake.calls.filter(carriesUserText).map((call) => ({ where: call.method, body: call.body })),
      ...slack.fake.responses.map((post) => ({ where: "response_url", body: post.body })),
      ...acks.map((body) => ({ where: "ack", body })),
    ];
    const methods = new Set(outbound.map((o) => o.where));
    for (const method of [
      "response_url",
      "chat.postMessage",
      "chat.postEphemeral",
      "chat.update",
      "views.open",
      "views.publish",
      "ack",
    ])
      expect(methods, `no ${method} was exercised`).toContain(method);

    for (const { where, body } of outbound) {
      const json = JSON.stringify(body);
      // Every payload carried the hostile text in some form, so every check below means something.
      expect(json, where).toContain("evil");
      for (const markup of FORBIDDEN) expect(json, `${where}: ${markup}`).not.toContain(markup);
      // Bare "@here" is only a ping with link_names, which we never set; shown text defuses it anyway.
      // The form offer's button value is never shown: it is the request, kept as sent.
      expect(JSON.stringify(body, withoutOfferValue), where).not.toMatch(/@(everyone|here)\b/);
    }
    // The core's deliberate ping does get through, as Slack's user mention.
    const cards = outbound.filter((o) => o.where !== "views.open" && o.where !== "ack");
    expect(cards.some(({ body }) => JSON.stringify(body).includes("<@U0MARIA>"))).toBe(true);
  });
});
