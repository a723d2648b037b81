// The Discord adapter's timing and failure paths with the real discord.js Client against the fake
// Discord: a core that takes longer than Discord's deadline, answers with nothing, or whose reply
// Discord refuses. The core here is a small scripted fake of the Datadesk port, because what is
// under test is how the adapter waits, defers and recovers, not what the core says.

import { PassThrough } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { InteractionResponseType, MessageFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../src/adapters/discord/discord-adapter.js";
import type { PlatformAdapter } from "../../src/adapters/platform-adapter.js";
import { loadConfig } from "../../src/config.js";
import type { Datadesk } from "../../src/core/bot/create-datadesk.js";
import type { Reply } from "../../src/core/shared/card.js";
import { createLogger } from "../../src/ops/logger.js";
import { createMetrics } from "../../src/ops/metrics.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord-server.js";

const TOKEN = "discord-e2e-slow-token";
/** Discord's 3 s deadline and our 2 s patience, scaled down so the tests stay quick. */
const DEADLINE_MS = 600;
const DEFER_AFTER_MS = 150;
const SLOW_MS = 900;

const card = (text: string, visibility: "ephemeral" | "public"): Reply => ({
  kind: "card",
  visibility,
  card: { fallbackText: text, blocks: [{ type: "section", text: [text] }] },
});

/** Answers by command name, the way a slow database or catalog would. */
function scriptedCore(): Datadesk {
  const answers: Record<string, () => Promise<Reply>> = {
    fast: async () => card("fast and public", "public"),
    "slow-private": () => sleep(SLOW_MS).then(() => card("slow and private", "ephemeral")),
    "slow-public": () => sleep(SLOW_MS).then(() => card("slow and public", "public")),
    quiet: async () => ({ kind: "none" }),
  };
  return {
    async handle(_identity, request) {
      if (request.kind === "command") return (answers[request.name] ?? answers.quiet)?.() ?? { kind: "none" };
      if (request.kind === "action") return { kind: "none" };
      return card(`you said ${request.kind}`, "public");
    },
    async home() {
      return { fallbackText: "home", blocks: [] };
    },
    async describeActor() {
      return { displayName: "Ada", locale: "en", communityName: "Test", roles: ["member"] };
    },
    async unfurl() {
      return {};
    },
    async autocomplete() {
      await sleep(SLOW_MS);
      return [{ label: "too late", value: "too late" }];
    },
  };
}

describe("Discord adapter timing and failures", () => {
  let fake: FakeDiscord;
  let adapter: PlatformAdapter;
  const logs: Array<{ level: number; msg: string }> = [];

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: TOKEN, interactionDeadlineMs: DEADLINE_MS });
    const config = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_BASE: fake.apiBase,
    });
    const destination = new PassThrough();
    destination.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) logs.push(JSON.parse(line));
    });
    if (!config.discord) throw new Error("expected a Discord configuration");
    adapter = createDiscordAdapter({
      config,
      discord: config.discord,
      core: scriptedCore(),
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

  it("replies directly when the core is fast, publicly when the core says so", async () => {
    const callback = await fake.gateway.sendInteraction(fake.gateway.chatInputInteraction({ name: "fast" }));
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback.data).not.toHaveProperty("flags");
  });

  it("defers privately before the deadline and fills in a slow private answer", async () => {
    const interaction = fake.gateway.chatInputInteraction({ name: "slow-private" });
    const callback = await fake.gateway.sendInteraction(interaction);
    expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(callback.data).toEqual({ flags: MessageFlags.Ephemeral });
    const edit = await fake.waitForCall(
      (c) => c.method === "PATCH" && c.path.includes(interaction.token) && c.path.endsWith("/@original"),
    );
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ embeds: [{ description: "slow and private" }] });
  });

  it("posts a slow public answer as a public follow-up and removes the private placeholder", async () => {
    const interaction = fake.gateway.chatInputInteraction({ name: "slow-public" });
    const callback = await fake.gateway.sendInteraction(interaction);
    expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const followUp = await fake.waitForCall(
      (c) => c.method === "POST" && c.path === `/webhooks/${fake.applicationId}/${interaction.token}`,
    );
    expect(followUp.body).toMatchObject({ embeds: [{ description: "slow and public" }] });
    expect((followUp.body as { flags?: number }).flags ?? 0).toBe(0);
    const removed = await fake.waitForCall(
      (c) => c.method === "DELETE" && c.path.includes(interaction.token),
    );
    expect(removed.status).toBe(204);
  });

  it("acknowledges a command and a button the core answers with nothing", async () => {
    const command = fake.gateway.chatInputInteraction({ name: "quiet" });
    expect((await fake.gateway.sendInteraction(command)).type).toBe(
      InteractionResponseType.DeferredChannelMessageWithSource,
    );
    await fake.waitForCall((c) => c.method === "DELETE" && c.path.includes(command.token));
    const button = await fake.gateway.sendInteraction(
      fake.gateway.buttonInteraction({ customId: "problem.vote:1" }),
    );
    expect(button.type).toBe(InteractionResponseType.DeferredMessageUpdate);
  });

  it("suggests nothing rather than answering an autocomplete too late", async () => {
    const callback = await fake.gateway.sendInteraction(
      fake.gateway.autocompleteInteraction({ name: "fast", options: { q: "x" }, focused: "q" }),
    );
    expect(callback.data).toEqual({ choices: [] });
  });

  it("tells the person privately when Discord refuses the answer, and logs why", async () => {
    fake.failNext(
      { method: "POST", path: /\/callback$/ },
      { status: 400, code: 50035, message: "Invalid Form Body" },
    );
    const callback = await fake.gateway.sendInteraction(fake.gateway.chatInputInteraction({ name: "fast" }));
    expect(callback.data).toMatchObject({
      flags: MessageFlags.Ephemeral,
      embeds: [{ description: expect.stringContaining("Something went wrong while I was answering") }],
    });
    expect(logs.some((l) => l.level === 50 && l.msg === "could not answer a Discord interaction")).toBe(true);
  });

  it("explains that it does not handle select menus, and that a modal it does not know has expired", async () => {
    const select = await fake.gateway.sendInteraction(
      fake.gateway.stringSelectInteraction({ customId: "pick", values: ["a"] }),
    );
    expect(select.data).toMatchObject({
      flags: MessageFlags.Ephemeral,
      embeds: [{ description: "I can't handle that kind of interaction yet." }],
    });
    const modal = await fake.gateway.sendInteraction(
      fake.gateway.modalSubmitInteraction({ customId: "report", fields: { title: "x" } }),
    );
    expect(modal.data).toMatchObject({
      flags: MessageFlags.Ephemeral,
      embeds: [{ description: "That form has expired. Please start again." }],
    });
  });

  it("finishes an answer in progress before it disconnects", async () => {
    const interaction = fake.gateway.chatInputInteraction({ name: "slow-private" });
    await fake.gateway.sendInteraction(interaction);
    await adapter.stop();
    expect(
      fake.calls.some((c) => c.method === "PATCH" && c.path.includes(interaction.token) && c.status === 200),
    ).toBe(true);
    expect(fake.gateway.sessionCount()).toBe(0);
  });
});
