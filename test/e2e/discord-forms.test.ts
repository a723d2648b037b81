// Forms, in-place updates, deliberate mentions and outbox edits on Discord: the real discord.js
// Client against the fake Discord, with a scripted core (test/fakes/discord/scripted-datadesk.ts)
// answering each kind of reply. The last test sweeps every message the adapter sent in this run.

import { PassThrough } from "node:stream";
import {
  type APIEmbed,
  type APIMessage,
  type APIModalInteractionResponseCallbackData,
  InteractionResponseType,
  MessageFlags,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../src/adapters/discord/discord-adapter.js";
import type { PlatformAdapter } from "../../src/adapters/platform-adapter.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/ops/logger.js";
import { createMetrics } from "../../src/ops/metrics.js";
import {
  type FakeDiscord,
  type RecordedCall,
  startFakeDiscord,
} from "../fakes/discord/fake-discord-server.js";
import { HOSTILE, type ScriptedDatadesk, scriptedDatadesk } from "../fakes/discord/scripted-datadesk.js";

const TOKEN = "discord-e2e-forms-token";
const DEFER_AFTER_MS = 300;
const SLOW_MS = 900;

interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<{ components?: Array<{ custom_id?: string; label?: string }> }>;
  flags?: number;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
}
type Modal = APIModalInteractionResponseCallbackData;

const body = (value: unknown) => (value ?? {}) as MessageBody;
const textOf = (m: MessageBody) =>
  [
    m.content ?? "",
    ...(m.embeds ?? []).flatMap((e) => [
      e.title ?? "",
      e.description ?? "",
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ].join("\n");
const buttonIds = (m: { components?: unknown }) =>
  (body(m).components ?? []).flatMap((row) => (row.components ?? []).map((c) => c.custom_id ?? ""));

describe("Discord forms, updates and mentions, end to end", () => {
  let fake: FakeDiscord;
  let adapter: PlatformAdapter;
  let core: ScriptedDatadesk;
  let championId: string;
  const logs: Array<{ level: number; msg: string }> = [];

  /** The newest stored message carrying a button whose custom_id starts with `prefix`. */
  const messageWithButton = (prefix: string): APIMessage => {
    const found = [...fake.world.messages.values()]
      .reverse()
      .find((m) => buttonIds(m).some((id) => id.startsWith(prefix)));
    if (!found) throw new Error(`no message with a ${prefix} button`);
    return found;
  };
  const followUpOf = (token: string) =>
    fake.waitForCall((c) => c.method === "POST" && c.path === `/webhooks/${fake.applicationId}/${token}`);
  const lastRequest = () => core.received.at(-1)?.request;

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: TOKEN, interactionDeadlineMs: 2_500 });
    championId = fake.addUser("champion").id;
    const config = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_BASE: fake.apiBase,
    });
    if (!config.discord) throw new Error("expected a Discord configuration");
    const destination = new PassThrough();
    destination.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) logs.push(JSON.parse(line));
    });
    core = scriptedDatadesk({ championId, slowMs: SLOW_MS });
    adapter = createDiscordAdapter({
      config,
      discord: config.discord,
      core,
      logger: createLogger({ level: "info", secrets: config.secrets, destination }),
      metrics: createMetrics({ defaultMetrics: false }),
      routes: [],
      timing: { deferAfterMs: DEFER_AFTER_MS, autocompleteTimeoutMs: DEFER_AFTER_MS },
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
  });

  it("shows /problem's form as a modal: a label per field holding a text input or a select", async () => {
    const callback = await fake.gateway.sendInteraction(
      fake.gateway.chatInputInteraction({ name: "problem" }),
    );
    expect(callback.type).toBe(InteractionResponseType.Modal);
    const modal = callback.data as Modal;
    expect(modal.custom_id).toBe("form:problem.submit:t=transport");
    expect(modal.title).toBe("File a problem");
    expect(modal.components.map((c) => ("label" in c ? c.label : null))).toEqual([
      "Title",
      "What is the problem?",
      "Topic",
      "Post anonymously",
      "Contact (optional)",
    ]);
    const [title, details, topic, anonymous] = modal.components;
    expect(title).toEqual({
      type: 18,
      label: "Title",
      description: "One line people will recognise",
      component: {
        type: 4,
        custom_id: "title",
        style: 1,
        required: true,
        min_length: 10,
        max_length: 120,
        placeholder: "Bus stops without shelter",
      },
    });
    expect(details).toMatchObject({
      component: { type: 4, custom_id: "details", style: 2, required: false },
    });
    expect(topic).toMatchObject({
      component: {
        type: 3,
        custom_id: "topic",
        min_values: 1,
        max_values: 1,
        options: [{ value: "transport", default: true }, { value: "housing" }],
      },
    });
    expect(anonymous).toMatchObject({
      component: {
        type: 3,
        custom_id: "anonymous",
        required: false,
        min_values: 0,
        options: [
          { label: "Yes", value: "true" },
          { label: "No", value: "false", default: true },
        ],
      },
    });
    // The core learns the channel the command came from.
    expect(core.received.at(-1)?.identity.channelId).toBe(fake.textChannelId);
  });

  it("hands the core a submission's values: text as typed, a select's choice, nothing chosen as empty", async () => {
    const shown = await fake.gateway.sendInteraction(fake.gateway.chatInputInteraction({ name: "problem" }));
    const submit = fake.gateway.answerModal(shown.data, {
      title: "Bus stops without shelter",
      details: HOSTILE,
      topic: ["housing"],
      anonymous: [],
    });
    const callback = await fake.gateway.sendInteraction(submit);
    expect(lastRequest()).toEqual({
      kind: "form",
      formId: "problem.submit",
      context: "t=transport",
      values: {
        title: "Bus stops without shelter",
        details: HOSTILE,
        topic: "housing",
        anonymous: "",
        contact: "",
      },
    });
    // Accepted: the public card pings exactly the champion it mentions, from the message content.
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const reply = body(callback.data);
    expect(reply.flags ?? 0).toBe(0);
    expect(reply.content).toBe(`<@${championId}>`);
    expect(reply.allowed_mentions).toEqual({ parse: [], users: [championId], replied_user: false });
    expect(reply.embeds?.[0]?.description).toContain(`champion: <@${championId}>`);
  });

  it("lists each invalid field privately, and 'Fix and resubmit' reopens the form as it was typed", async () => {
    const shown = await fake.gateway.sendInteraction(fake.gateway.chatInputInteraction({ name: "problem" }));
    const rejected = await fake.gateway.sendInteraction(
      fake.gateway.answerModal(shown.data, { title: "short" }),
    );
    expect(rejected.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const errors = body(rejected.data);
    expect(errors.flags).toBe(MessageFlags.Ephemeral);
    expect(textOf(errors)).toContain('**Title**: "short" is too short');
    expect(textOf(errors)).toContain("**Topic**: Pick a topic, not @\u200Beveryone");
    const fix = errors.components?.[0]?.components?.[0];
    expect(fix?.label).toBe("Fix and resubmit");
    expect(fix?.custom_id).toMatch(/^~form:[\w-]+$/);

    const message = messageWithButton("~form:");
    const reopened = await fake.gateway.sendInteraction(
      fake.gateway.buttonInteraction({ customId: fix?.custom_id ?? "", messageId: message.id }),
    );
    expect(reopened.type).toBe(InteractionResponseType.Modal);
    const modal = reopened.data as Modal;
    expect(modal.custom_id).toBe("form:problem.submit:t=transport");
    expect(modal.components[0]).toMatchObject({ component: { custom_id: "title", value: "short" } });

    // Only the person it was made for can open it (someone else sees it has expired).
    const stranger = fake.addUser("stranger");
    const refused = await fake.gateway.sendInteraction(
      fake.gateway.buttonInteraction({
        customId: fix?.custom_id ?? "",
        messageId: message.id,
        user: stranger,
      }),
    );
    expect(textOf(body(refused.data))).toContain("That form has expired");

    const resubmit = fake.gateway.answerModal(
      modal,
      { title: "Bus stops without any shelter" },
      { messageId: message.id },
    );
    const accepted = await fake.gateway.sendInteraction(resubmit);
    expect(lastRequest()).toMatchObject({
      kind: "form",
      values: { title: "Bus stops without any shelter", topic: "transport" },
    });
    expect(accepted.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  });

  it("shows at most five fields and logs the ones left out", async () => {
    const callback = await fake.gateway.sendInteraction(
      fake.gateway.chatInputInteraction({ name: "problem-big" }),
    );
    expect((callback.data as Modal).components).toHaveLength(5);
    expect(logs.some((l) => l.level === 40 && l.msg.includes("more fields than a Discord modal holds"))).toBe(
      true,
    );
  });

  it("offers a form that comes too late for a modal behind a private button that opens it", async () => {
    const command = fake.gateway.chatInputInteraction({ name: "problem-slow" });
    const deferred = await fake.gateway.sendInteraction(command);
    expect(deferred.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(deferred.data).toEqual({ flags: MessageFlags.Ephemeral });
    const edit = await fake.waitForCall((c) => c.method === "PATCH" && c.path.includes(command.token));
    expect(textOf(body(edit.body))).toContain("Your form is ready");
    const [open] = buttonIds(edit.body as MessageBody);
    expect(open).toMatch(/^~form:/);
    const pressed = await fake.gateway.sendInteraction(
      fake.gateway.buttonInteraction({ customId: open ?? "", messageId: messageWithButton("~form:").id }),
    );
    expect(pressed.type).toBe(InteractionResponseType.Modal);
    expect((pressed.data as Modal).custom_id).toBe("form:problem.submit:t=transport");
  });

  it("replaces the message a button is on (type 7) and tells the presser privately", async () => {
    await fake.gateway.sendInteraction(fake.gateway.chatInputInteraction({ name: "board" }));
    const board = messageWithButton("problem.vote:0");
    const press = fake.gateway.buttonInteraction({ customId: "problem.vote:0", messageId: board.id });
    const callback = await fake.gateway.sendInteraction(press);
    expect(callback.type).toBe(InteractionResponseType.UpdateMessage);
    expect(textOf(body(callback.data))).toContain("Votes: 1");
    expect(buttonIds(fake.world.messages.get(board.id) ?? {})).toContain("problem.vote:1");
    const notice = await followUpOf(press.token);
    expect(body(notice.body).flags).toBe(MessageFlags.Ephemeral);
    expect(textOf(body(notice.body))).toContain("You voted, @\u200Beveryone");
  });

  it("after a slow button, edits that message through the deferred update, then the private notice", async () => {
    await fake.gateway.sendInteraction(fake.gateway.chatInputInteraction({ name: "board" }));
    const board = messageWithButton("problem.vote:0");
    const press = fake.gateway.buttonInteraction({ customId: "problem.slowvote:3", messageId: board.id });
    const callback = await fake.gateway.sendInteraction(press);
    expect(callback.type).toBe(InteractionResponseType.DeferredMessageUpdate);
    const edit = await fake.waitForCall(
      (c) => c.method === "PATCH" && c.path.endsWith(`${press.token}/messages/@original`),
    );
    expect(edit.status).toBe(200);
    expect(textOf(body(fake.world.messages.get(board.id)))).toContain("Votes: 4");
    const notice = await followUpOf(press.token);
    expect(body(notice.body)).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(textOf(body(notice.body))).toContain("Slow vote counted");
  });

  it("opens a form from a button, and its submission updates that button's message", async () => {
    await fake.gateway.sendInteraction(fake.gateway.chatInputInteraction({ name: "board" }));
    const board = messageWithButton("problem.edit:12");
    const shown = await fake.gateway.sendInteraction(
      fake.gateway.buttonInteraction({ customId: "problem.edit:12", messageId: board.id }),
    );
    expect((shown.data as Modal).custom_id).toBe("form:problem.edit:12");
    const submit = fake.gateway.answerModal(shown.data, { title: "A better title" }, { messageId: board.id });
    const callback = await fake.gateway.sendInteraction(submit);
    expect(callback.type).toBe(InteractionResponseType.UpdateMessage);
    expect(textOf(body(fake.world.messages.get(board.id)))).toContain("Votes: 7");
    expect(textOf(body((await followUpOf(submit.token)).body))).toContain("Edited");
  });

  it("shows an update answering a slash command as a private card, then the notice", async () => {
    const command = fake.gateway.chatInputInteraction({ name: "vote" });
    const callback = await fake.gateway.sendInteraction(command);
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body(callback.data).flags).toBe(MessageFlags.Ephemeral);
    expect(textOf(body(callback.data))).toContain("Votes: 1");
    const notice = await followUpOf(command.token);
    expect(body(notice.body).flags).toBe(MessageFlags.Ephemeral);
  });

  it("tells the core which channel a message came from", async () => {
    fake.gateway.sendMessage({ content: `<@${fake.botUser.id}> hello` });
    await fake.waitForCall(
      (c) => c.method === "POST" && c.path === `/channels/${fake.textChannelId}/messages`,
    );
    const last = core.received.at(-1);
    expect(last?.request).toEqual({ kind: "message", text: "hello" });
    expect(last?.identity.channelId).toBe(fake.textChannelId);
  });

  it("delivers to a channel and a DM, answers where each landed, and edits a delivered card in place", async () => {
    const delivery = adapter.delivery;
    if (!delivery) throw new Error("expected a delivery");
    const card = {
      fallbackText: "new problem",
      blocks: [
        { type: "section" as const, text: [HOSTILE, " for ", { mention: championId, text: "Grace" }] },
      ],
    };
    const ref = await delivery.deliver(
      { kind: "channel", channelId: fake.textChannelId },
      card,
      "problem:1:post",
    );
    expect(ref.channelId).toBe(fake.textChannelId);
    expect(fake.world.messages.get(ref.messageId)?.content).toBe(`<@${championId}>`);
    // The same outbox message sent again (a retry after a crash) is the same Discord message.
    expect(
      await delivery.deliver({ kind: "channel", channelId: fake.textChannelId }, card, "problem:1:post"),
    ).toEqual(ref);

    const dm = await delivery.deliver({ kind: "user", userId: championId }, card, "problem:1:dm");
    expect(dm.channelId).toBe(fake.world.dmChannels.get(championId)?.id);

    await delivery.update(ref, { fallbackText: "3 votes", blocks: [{ type: "section", text: ["3 votes"] }] });
    const edit = fake.calls.find(
      (c) => c.method === "PATCH" && c.path === `/channels/${ref.channelId}/messages/${ref.messageId}`,
    );
    expect(edit?.status).toBe(200);
    const edited = fake.world.messages.get(ref.messageId);
    expect(edited?.embeds[0]?.description).toBe("3 votes");
    expect(edited?.content).toBe(""); // the old mention does not linger
    await expect(delivery.update({ channelId: ref.channelId, messageId: "1" }, card)).rejects.toMatchObject({
      permanent: true,
    });
  });

  it("never let anything ping @everyone, @here, a role or an unmentioned user, in any message it sent", () => {
    const isCallback = (c: RecordedCall) => c.path.endsWith("/callback");
    const messages = fake.calls.flatMap((c): Array<{ call: RecordedCall; message: MessageBody }> => {
      if (c.method !== "POST" && c.method !== "PATCH") return [];
      if (isCallback(c)) {
        const { type, data } = c.body as { type: number; data?: unknown };
        return type === 4 || type === 7 ? [{ call: c, message: body(data) }] : [];
      }
      return /\/messages(\/|$)|^\/webhooks\/\d+\/[^/]+$/.test(c.path)
        ? [{ call: c, message: body(c.body) }]
        : [];
    });
    const seen = new Set(
      messages.map(({ call }) =>
        isCallback(call)
          ? `callback ${(call.body as { type: number }).type}`
          : `${call.method} ${call.path.split("/")[1]}`,
      ),
    );
    expect([...seen].sort()).toEqual([
      "PATCH channels",
      "PATCH webhooks",
      "POST channels",
      "POST webhooks",
      "callback 4",
      "callback 7",
    ]);
    for (const { call, message } of messages) {
      const where = `${call.method} ${call.path}`;
      expect(message.allowed_mentions?.parse, where).toEqual([]);
      expect(message.allowed_mentions?.roles, where).toBeUndefined();
      for (const user of message.allowed_mentions?.users ?? []) expect(user, where).toBe(championId);
      const text = textOf(message);
      expect(text, where).not.toMatch(/@(everyone|here)/);
      expect(text, where).not.toMatch(/(^|[^\\])<@&/);
      expect(text, where).not.toMatch(/(^|[^\\])\[x\]\(/);
      expect(text, where).not.toMatch(/(^|[^\\])\*\*loud/);
      for (const live of text.matchAll(/(?:^|[^\\])<@!?(\d+)>/g)) expect(live[1], where).toBe(championId);
    }
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
