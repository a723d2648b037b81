// The whole app on Discord: the real discord.js Client logs in to the fake Discord (REST + gateway
// on 127.0.0.1), interactions and messages arrive over the gateway, answers go back over REST.

import { type APIEmbed, type APIUser, InteractionResponseType, MessageFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../src/main.js";
import {
  type FakeDiscord,
  type RecordedCall,
  startFakeDiscord,
} from "../fakes/discord/fake-discord-server.js";
import { type LogLine, startTestApp, type TestApp } from "../support/test-app.js";

const TOKEN = "discord-e2e-bot-token";

interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: unknown[];
  flags?: number;
  allowed_mentions?: { parse?: string[]; replied_user?: boolean };
  message_reference?: { message_id?: string };
}

const asMessage = (value: unknown) => (value ?? {}) as MessageBody;
const embedText = (body: MessageBody) =>
  (body.embeds ?? [])
    .map((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => f.value)].join("\n"))
    .join("\n");

/** The message a REST call carries: the callback's `data`, or the body of a message create/edit. */
function messageOf(call: RecordedCall): MessageBody | null {
  const body = asMessage(call.body);
  const payload = call.path.endsWith("/callback") ? asMessage((call.body as { data?: unknown }).data) : body;
  const hasMessage =
    payload.content !== undefined || payload.embeds !== undefined || payload.components !== undefined;
  return hasMessage ? payload : null;
}

describe("Discord, end to end", () => {
  let fake: FakeDiscord;
  let app: RunningApp;
  let desk: TestApp | undefined;
  let spanishUser: APIUser;
  let logs: LogLine[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    spanishUser = fake.addUser("lucia");
    desk = await startTestApp({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_BASE: fake.apiBase,
    });
    app = desk.app;
    logs = desk.logs;
  });

  afterAll(async () => {
    await desk?.close();
    await fake?.close();
  });

  it("logs in with the bot token and the intents it documents", () => {
    expect(app.adapters.map((a) => a.name)).toEqual(["discord"]);
    expect(fake.gateway.sessionCount()).toBe(1);
    expect(fake.gateway.identifies[0]?.token).toBe(TOKEN);
    // Guilds | GuildMessages | DirectMessages | MessageContent
    expect(fake.gateway.identifies[0]?.intents).toBe(1 | 512 | 4096 | 32768);
    expect(logs.some((l) => l.msg === "connected to Discord")).toBe(true);
  });

  it("answers /help privately with the help embed listing /help", async () => {
    const callback = await fake.gateway.sendInteraction(fake.gateway.chatInputInteraction({ name: "help" }));
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = asMessage(callback.data);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.allowed_mentions).toMatchObject({ parse: [] });
    expect(data.embeds?.[0]?.title).toBe("Hi, I'm datadesk 👋");
    expect(data.embeds?.[0]?.description).toContain("`/help` — Show what datadesk can do");
  });

  it("is found as /datadesk among other bots' commands: empty shows help, a request runs like Slack's", async () => {
    const empty = asMessage(
      (await fake.gateway.sendInteraction(fake.gateway.chatInputInteraction({ name: "datadesk" }))).data,
    );
    expect(empty.embeds?.[0]?.title).toBe("Hi, I'm datadesk 👋");
    const typed = asMessage(
      (
        await fake.gateway.sendInteraction(
          fake.gateway.chatInputInteraction({ name: "datadesk", options: { request: "help" } }),
        )
      ).data,
    );
    expect(typed.embeds?.[0]?.title).toBe("Hi, I'm datadesk 👋");
  });

  it("speaks Spanish to a Spanish Discord client", async () => {
    const callback = await fake.gateway.sendInteraction(
      fake.gateway.chatInputInteraction({ name: "help", user: spanishUser, locale: "es-ES" }),
    );
    const data = asMessage(callback.data);
    expect(data.embeds?.[0]?.title).toBe("Hola, soy datadesk 👋");
    expect(data.embeds?.[0]?.description).toContain("`/help` — Muestra lo que datadesk puede hacer");
  });

  it("answers a mention in a server channel in that channel, pinging nobody", async () => {
    const ignored = fake.gateway.sendMessage({ content: "just chatting, no bot here" });
    const incoming = fake.gateway.sendMessage({ content: `<@${fake.botUser.id}> help` });
    const reply = await fake.waitForCall(
      (c) =>
        c.method === "POST" &&
        c.path === `/channels/${fake.textChannelId}/messages` &&
        asMessage(c.body).message_reference?.message_id === incoming.id,
    );
    const body = asMessage(reply.body);
    expect(reply.status).toBe(200);
    expect(body.embeds?.[0]?.title).toBe("Hi, I'm datadesk 👋");
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const answeredIgnored = fake.calls.some(
      (c) => asMessage(c.body).message_reference?.message_id === ignored.id,
    );
    expect(answeredIgnored).toBe(false);
  });

  it("also answers a mention of the bot's role, which is how many people address a bot", async () => {
    const botRole = fake.world.roles.find((r) => r.tags?.bot_id === fake.botUser.id);
    const incoming = fake.gateway.sendMessage({ content: `<@&${botRole?.id}> help` });
    const reply = await fake.waitForCall(
      (c) => c.method === "POST" && asMessage(c.body).message_reference?.message_id === incoming.id,
    );
    expect(embedText(asMessage(reply.body))).toContain("/help");
  });

  it("answers a direct message in the DM channel", async () => {
    const dm = fake.gateway.sendMessage({ content: "help", guildId: null });
    const reply = await fake.waitForCall(
      (c) => c.method === "POST" && c.path === `/channels/${dm.channel_id}/messages`,
    );
    expect(asMessage(reply.body).embeds?.[0]?.title).toBe("Hi, I'm datadesk 👋");
  });

  it("answers a button for an action nobody handles with a private, friendly error", async () => {
    const callback = await fake.gateway.sendInteraction(
      fake.gateway.buttonInteraction({ customId: "problem.nonexistent:42" }),
    );
    const data = asMessage(callback.data);
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(embedText(data)).toContain("I couldn't find that.");
  });

  it("answers a button whose custom_id is not ours with a private explanation", async () => {
    const callback = await fake.gateway.sendInteraction(
      fake.gateway.buttonInteraction({ customId: "Not Ours!" }),
    );
    const data = asMessage(callback.data);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(embedText(data)).toContain("That button doesn't work any more");
  });

  it("suggests nothing (an empty type 8 answer) for an option without suggestions", async () => {
    const callback = await fake.gateway.sendInteraction(
      fake.gateway.autocompleteInteraction({ name: "help", options: { topic: "bik" }, focused: "topic" }),
    );
    expect(callback.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(callback.data).toEqual({ choices: [] });
  });

  it("keeps user text inert when the core echoes it back", async () => {
    // An unknown command's name is echoed in the answer: user data inside a translated sentence.
    const name = "@everyone<@&456>[x](http://e.v)";
    const callback = await fake.gateway.sendInteraction(fake.gateway.chatInputInteraction({ name }));
    const text = embedText(asMessage(callback.data));
    expect(text).toContain("@\u200Beveryone\\<@&456>\\[x\\](http://e.v)");
    expect(text).not.toMatch(/@everyone|[^\\]<@&|[^\\]\[x/);
  });

  it("counts every request in the metrics", async () => {
    const metric = await app.services.metrics.registry.getSingleMetricAsString("datadesk_requests_total");
    expect(metric).toContain('platform="discord",kind="command",outcome="ok"');
    expect(metric).toContain('platform="discord",kind="message",outcome="ok"');
    expect(metric).toContain('platform="discord",kind="action",outcome="invalid"');
    expect(metric).toContain('platform="discord",kind="autocomplete",outcome="ok"');
  });

  it("sent every message with allowed_mentions that can ping nobody, and logged no errors", () => {
    const messages = fake.calls.flatMap((c) => {
      const message = messageOf(c);
      return message ? [message] : [];
    });
    expect(messages.length).toBeGreaterThanOrEqual(8);
    for (const message of messages) expect(message.allowed_mentions?.parse).toEqual([]);
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  it("disconnects from the gateway on stop", async () => {
    await app.stop();
    expect(fake.gateway.sessionCount()).toBe(0);
  });
});
