/**
 * Proves the fake Discord platform against the REAL discord.js v14 Client and @discordjs/rest REST:
 * login/READY/GUILD_CREATE, interactions of every kind, message replies, DMs, command deployment,
 * attachments, rate limits and RESUME (intent gating and heartbeats: gateway-intents.test.ts).
 * If discord.js changes its wire behaviour, this fails first.
 */
import { once } from "node:events";
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  GatewayOpcodes,
  type Interaction,
  InteractionResponseType,
  type Message,
  MessageFlags,
  REST,
  Routes,
  SlashCommandBuilder,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginClientToFake } from "./discord-client-for-fake.js";
import { type FakeDiscord, startFakeDiscord } from "./fake-discord-server.js";

const TOKEN = "fake-token";

/** A minimal bot: just enough behaviour to exercise every response path the fake supports. */
function attachBot(client: Client, errors: unknown[]): void {
  const onInteraction = async (i: Interaction) => {
    if (i.isChatInputCommand() && i.commandName === "help") {
      await i.reply({
        content: "Try /dataset",
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
    } else if (i.isChatInputCommand() && i.commandName === "dataset") {
      await i.deferReply();
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId("more").setLabel("More").setStyle(ButtonStyle.Primary),
      );
      await i.editReply({ content: `Dataset ${i.options.getString("name", true)}`, components: [row] });
    } else if (i.isChatInputCommand() && i.commandName === "report") {
      const response = await i.reply({ content: "Working on it", withResponse: true });
      await i.followUp({
        content: `Follow-up to ${response.resource?.message?.id}`,
        flags: MessageFlags.Ephemeral,
      });
      await i.deleteReply();
    } else if (i.isButton()) {
      await i.update({ content: `You clicked ${i.customId}`, components: [] });
    } else if (i.isModalSubmit()) {
      await i.reply({
        content: `Filed: ${i.fields.getTextInputValue("title")}`,
        flags: MessageFlags.Ephemeral,
      });
    } else if (i.isAutocomplete()) {
      const typed = i.options.getFocused();
      await i.respond([{ name: `${typed}-census`, value: `${typed}-census` }]);
    }
  };
  const onMessage = async (m: Message) => {
    if (m.author.bot) return;
    if (!m.inGuild()) await m.reply({ content: `DM received: ${m.content}` });
    else if (client.user && m.mentions.has(client.user)) await m.reply({ content: "pong" });
  };
  client.on(Events.InteractionCreate, (i) => void onInteraction(i).catch((e: unknown) => errors.push(e)));
  client.on(Events.MessageCreate, (m) => void onMessage(m).catch((e: unknown) => errors.push(e)));
}

describe("fake Discord platform with the real discord.js Client", () => {
  let fake: FakeDiscord;
  let client: Client<true>;
  const handlerErrors: unknown[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    client = await loginClientToFake(fake, [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      GatewayIntentBits.MessageContent,
    ]);
    attachBot(client, handlerErrors);
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
    expect(handlerErrors).toEqual([]);
  });

  it("logs in over REST + gateway and caches the guild from GUILD_CREATE", () => {
    expect(client.user.id).toBe(fake.botUser.id);
    expect(client.application.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.name).toBe("Open Data Club");
    expect(guild?.channels.cache.get(fake.textChannelId)?.isTextBased()).toBe(true);
    expect(guild?.members.me?.id).toBe(fake.botUser.id);

    const gatewayBot = fake.calls.find((c) => c.path === "/gateway/bot");
    expect(gatewayBot?.headers.authorization).toBe(`Bot ${TOKEN}`);
    const [identify] = fake.gateway.identifies;
    expect(identify?.compress).toBe(false);
    expect(identify?.intents).toBe(
      GatewayIntentBits.Guilds |
        GatewayIntentBits.GuildMessages |
        GatewayIntentBits.DirectMessages |
        GatewayIntentBits.MessageContent,
    );
    expect(fake.gateway.protocolErrors).toEqual([]);
  });

  it("records an ephemeral reply to /help as callback type 4 with flags 64", async () => {
    const callback = await fake.gateway.sendInteraction(fake.gateway.chatInputInteraction({ name: "help" }));
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback.data).toMatchObject({
      content: "Try /dataset",
      flags: 64,
      allowed_mentions: { parse: [] },
    });
    expect(callback.call.path).toMatch(/^\/interactions\/\d+\/fake-interaction-[\w-]+\/callback$/);
    expect(callback.call.headers.authorization).toBeUndefined(); // callbacks are token-in-URL only

    // Discord refuses a second acknowledgement of the same interaction.
    const rest = new REST({ api: fake.apiBase }).setToken(TOKEN);
    const [id, token] = callback.call.path.split("/").slice(2, 4) as [string, string];
    const again = rest.post(Routes.interactionCallback(id, token), {
      body: { type: 4, data: { content: "twice" } },
      auth: false,
    });
    await expect(again).rejects.toMatchObject({ code: 40060, status: 400 });
  });

  it("handles deferReply + editReply (@original) and then a button update (type 7)", async () => {
    const command = fake.gateway.chatInputInteraction({ name: "dataset", options: { name: "census" } });
    const deferred = await fake.gateway.sendInteraction(command);
    expect(deferred.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const edit = await fake.waitForCall(
      (c) => c.method === "PATCH" && c.path.endsWith("/messages/@original"),
    );
    expect(edit.body).toMatchObject({ content: "Dataset census", allowed_mentions: { parse: [] } });
    expect(edit.status).toBe(200);

    const original = [...fake.world.messages.values()].find((m) => m.content === "Dataset census");
    expect(original).toBeDefined();
    const click = fake.gateway.buttonInteraction({ customId: "more", messageId: original?.id });
    const update = await fake.gateway.sendInteraction(click);
    expect(update.type).toBe(InteractionResponseType.UpdateMessage);
    expect(update.data).toMatchObject({ content: "You clicked more", components: [] });
    expect(fake.world.messages.get(original?.id ?? "")?.content).toBe("You clicked more");
  });

  it("serves withResponse callbacks, follow-ups and @original deletion", async () => {
    const callback = await fake.gateway.sendInteraction(
      fake.gateway.chatInputInteraction({ name: "report" }),
    );
    expect(callback.call.query).toEqual({ with_response: "true" });
    const followUp = await fake.waitForCall((c) => c.method === "POST" && c.path.startsWith("/webhooks/"));
    const deleted = await fake.waitForCall((c) => c.method === "DELETE" && c.path.endsWith("/@original"));
    expect(deleted.status).toBe(204);
    const replyId = /Follow-up to (\d+)/.exec(String((followUp.body as { content?: string }).content))?.[1];
    expect(replyId).toBeDefined();
    expect(fake.world.messages.has(replyId ?? "")).toBe(false);
  });

  it("handles a modal submit and an autocomplete request", async () => {
    const modal = fake.gateway.modalSubmitInteraction({
      customId: "report",
      fields: { title: "Broken CSV" },
    });
    const submitted = await fake.gateway.sendInteraction(modal);
    expect(submitted.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(submitted.data).toMatchObject({ content: "Filed: Broken CSV", flags: MessageFlags.Ephemeral });

    const labelled = fake.gateway.modalSubmitInteraction({
      customId: "report",
      fields: { title: "Label layout" },
      layout: "label",
    });
    expect((await fake.gateway.sendInteraction(labelled)).data).toMatchObject({
      content: "Filed: Label layout",
    });

    const auto = fake.gateway.autocompleteInteraction({
      name: "dataset",
      options: { name: "pop" },
      focused: "name",
    });
    const choices = await fake.gateway.sendInteraction(auto);
    expect(choices.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(choices.data).toEqual({ choices: [{ name: "pop-census", value: "pop-census" }] });
  });

  it("replies to a guild message that mentions the bot", async () => {
    const incoming = fake.gateway.sendMessage({ content: `<@${fake.botUser.id}> ping` });
    const reply = await fake.waitForCall(
      (c) => c.method === "POST" && c.path === `/channels/${fake.textChannelId}/messages`,
    );
    expect(reply.body).toMatchObject({
      content: "pong",
      message_reference: { message_id: incoming.id },
      allowed_mentions: { parse: [], replied_user: false },
    });
    expect(reply.status).toBe(200);
  });

  it("replies to a DM (Partials.Channel) in the DM channel", async () => {
    const dm = fake.gateway.sendMessage({ content: "hello bot", guildId: null });
    const reply = await fake.waitForCall(
      (c) => c.method === "POST" && c.path === `/channels/${dm.channel_id}/messages`,
    );
    expect(reply.body).toMatchObject({ content: "DM received: hello bot" });

    // Bot-initiated DMs: discord.js opens the channel over REST first.
    const user = await client.users.fetch(fake.defaultUser.id);
    const sent = await user.send("weekly digest");
    expect(sent.channelId).toBe(dm.channel_id);
  });

  it("records attachments sent as multipart with payload_json", async () => {
    const channel = await client.channels.fetch(fake.textChannelId);
    if (!channel?.isSendable()) throw new Error("expected a sendable channel");
    const csv = Buffer.from("id,name\n1,census\n");
    const sent = await channel.send({
      content: "weekly export",
      files: [{ attachment: csv, name: "export.csv" }],
    });
    expect(sent.attachments.first()?.name).toBe("export.csv");
    const call = await fake.waitForCall((c) => c.files.length > 0);
    expect(call.body).toMatchObject({ content: "weekly export", allowed_mentions: { parse: [] } });
    expect(call.files).toEqual([
      { field: "files[0]", name: "export.csv", contentType: expect.any(String), size: csv.length },
    ]);
  });

  it("stores application commands deployed with REST.put and keeps ids on re-deploy", async () => {
    const rest = new REST({ api: fake.apiBase }).setToken(TOKEN);
    const body = [new SlashCommandBuilder().setName("help").setDescription("Show help").toJSON()];
    const first = (await rest.put(Routes.applicationCommands(fake.applicationId), { body })) as Array<{
      id: string;
    }>;
    const second = (await rest.put(Routes.applicationCommands(fake.applicationId), { body })) as Array<{
      id: string;
    }>;
    expect(second[0]?.id).toBe(first[0]?.id);
    expect(fake.world.globalCommands.map((c) => c.name)).toEqual(["help"]);
    // Interactions for a deployed command carry its id, like on Discord.
    expect(fake.gateway.chatInputInteraction({ name: "help" }).data.id).toBe(first[0]?.id);

    const guildRoute = Routes.applicationGuildCommands(fake.applicationId, fake.guildId);
    await rest.put(guildRoute, { body: [{ name: "digest", description: "Weekly digest" }] });
    expect(await rest.get(guildRoute)).toMatchObject([{ name: "digest", guild_id: fake.guildId }]);
    await expect(
      rest.put(guildRoute, { body: [{ name: "Bad Name", description: "x" }] }),
    ).rejects.toMatchObject({
      code: 50035,
    });
  });

  it("injects 429s (REST waits and retries) and answers unknown routes with 404", async () => {
    fake.failNext(
      { method: "POST", path: `/channels/${fake.otherTextChannelId}/messages` },
      {
        status: 429,
        retryAfter: 0.05,
      },
    );
    const channel = await client.channels.fetch(fake.otherTextChannelId);
    if (!channel?.isSendable()) throw new Error("expected a sendable channel");
    const sent = await channel.send({ content: "after a rate limit" });
    expect(sent.content).toBe("after a rate limit");
    const attempts = fake.calls.filter((c) => c.path === `/channels/${fake.otherTextChannelId}/messages`);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);

    const rest = new REST({ api: fake.apiBase }).setToken(TOKEN);
    const error = await rest.get("/nope/nothing-here").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(fake.calls.at(-1)).toMatchObject({ path: "/nope/nothing-here", status: 404 });
  });

  it("RESUMEs after a dropped connection and keeps delivering interactions", async () => {
    const resumed = once(client, Events.ShardResume);
    fake.gateway.disconnectAll();
    await fake.gateway.waitForFrame((f) => f.op === GatewayOpcodes.Resume);
    await resumed;
    const callback = await fake.gateway.sendInteraction(fake.gateway.chatInputInteraction({ name: "help" }));
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  });
});
