// One bad packet never takes the bot down (issue 20): the real discord.js and Bolt against the fake
// platforms, both platforms in one app as `datadesk start` runs them. A Discord packet discord.js
// throws on is contained (the interaction is answered, or the client is rebuilt) while Slack keeps
// answering; a failed gateway is reconnected with backoff; /healthz tells each platform's state.

import { InteractionResponseType, MessageFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiscordAdapter, isDiscordAdapter } from "../../src/adapters/discord/discord-adapter.js";
import type { PlatformHealth } from "../../src/ops/platform-health.js";
import { postSlashCommand } from "../fakes/slack/index.js";
import { discordText, startTwoPlatformApp, type TwoPlatformApp } from "../support/two-platform-app.js";

const SIGNING_SECRET = "failures-signing-secret";
const DISCORD_TOKEN = "failures-discord-token";

interface Health {
  status: string;
  platforms: Record<string, PlatformHealth>;
}

describe("platform failures, end to end", () => {
  let two: TwoPlatformApp;
  let discord: DiscordAdapter;
  let baseUrl: string;
  let slackAsks = 0;

  beforeAll(async () => {
    two = await startTwoPlatformApp({
      signingSecret: SIGNING_SECRET,
      discordToken: DISCORD_TOKEN,
      slackToken: "xoxb-failures",
    });
    const adapter = two.desk.app.adapters.find(isDiscordAdapter);
    if (!adapter) throw new Error("no Discord adapter");
    discord = adapter;
    baseUrl = two.receiverUrl.replace("/slack/events", "");
  });

  afterAll(async () => {
    await two?.close();
  });

  const health = async (): Promise<Health> => (await (await fetch(`${baseUrl}/healthz`)).json()) as Health;

  /** `/datadesk help` on Slack, answered through its response_url. */
  async function slackAnswersHelp(): Promise<void> {
    const id = `help-${++slackAsks}`;
    const posted = await postSlashCommand(two.receiverUrl, SIGNING_SECRET, {
      command: "/datadesk",
      text: "help",
      response_url: two.slack.responseUrl(id),
    });
    expect(posted.status).toBe(200);
    const answer = await two.slack.waitForResponse(id);
    expect(JSON.stringify(answer.body)).toContain("datadesk");
  }

  /** `/help` on Discord, answered by whichever client is connected now. */
  async function discordAnswersHelp(): Promise<void> {
    const callback = await two.discord.gateway.sendInteraction(
      two.discord.gateway.chatInputInteraction({ name: "help" }),
    );
    expect(discordText(callback.data)).toContain("Hi, I'm datadesk");
  }

  async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe().catch(() => undefined);
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it("reports each platform on /healthz", async () => {
    const body = await health();
    expect(body.status).toBe("ok");
    expect(body.platforms).toEqual({
      slack: { status: "ready", restarts: 0 },
      discord: { status: "ready", restarts: 0 },
    });
  });

  it("answers a component interaction discord.js cannot read (no `message`) and keeps both platforms", async () => {
    const client = discord.client();
    const broken = two.discord.gateway.buttonInteraction({ customId: "problem.vote:1" }) as unknown as Record<
      string,
      unknown
    >;
    delete broken.message;
    // Before the guard this threw "Cannot read properties of undefined" out of the socket handler
    // and ended the process (vitest reports it as an unhandled error and fails the file).
    const callback = await two.discord.gateway.sendInteraction(broken as never);
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect((callback.data as { flags?: number }).flags).toBe(MessageFlags.Ephemeral);
    expect(discordText(callback.data)).toContain("I couldn't read that request from Discord");

    await slackAnswersHelp();
    await discordAnswersHelp();
    // An interaction touches nothing discord.js caches: the same client serves on.
    expect(discord.client()).toBe(client);
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/datadesk_discord_packet_failures_total\{event="INTERACTION_CREATE"\} 1/);
    expect(two.desk.logs.some((l) => l.msg.includes("discord.js could not handle a gateway packet"))).toBe(
      true,
    );
  });

  it("rebuilds the Discord client after a packet that broke its cache, and Slack serves meanwhile", async () => {
    const before = discord.client();
    const broke = Date.now();
    two.discord.gateway.dispatch("MESSAGE_CREATE", null);
    // While the client is being rebuilt, Slack answers and /healthz says Discord is restarting.
    const during = await until("a restarting Discord", async () => {
      const body = await health();
      return body.platforms.discord?.status === "restarting" ? body : undefined;
    });
    expect(during.status).toBe("degraded");
    expect(during.platforms.slack?.status).toBe("ready");
    await slackAnswersHelp();

    const after = await until("a rebuilt Discord client", async () => {
      const client = discord.client();
      return client && client !== before && client.isReady() ? client : undefined;
    });
    await discordAnswersHelp();
    const recoveredMs = Date.now() - broke;
    const body = await health();
    expect(body.status).toBe("ok");
    expect(body.platforms.discord).toMatchObject({ status: "ready", restarts: 1 });
    expect(body.platforms.discord?.lastFailure?.reason).toBe("discord.js failed on a MESSAGE_CREATE packet");
    expect(after.isReady()).toBe(true);
    // Backoff starts at 1 s (±20%); the rest is a fresh login against the fake gateway.
    expect(recoveredMs).toBeLessThan(10_000);
    console.info(`Discord recovered from a broken packet in ${recoveredMs} ms`);
  });

  it("logs in again when the gateway closes for good, and serves on the new session", async () => {
    const before = discord.client();
    const closed = Date.now();
    // 4014 (disallowed intents) is a close discord.js does not recover from by itself.
    two.discord.gateway.disconnectAll(4014);
    await until("a new Discord client", async () => {
      const client = discord.client();
      return client && client !== before && client.isReady() ? client : undefined;
    });
    await discordAnswersHelp();
    const recoveredMs = Date.now() - closed;
    expect((await health()).platforms.discord).toMatchObject({ status: "ready", restarts: 2 });
    await slackAnswersHelp();
    console.info(`Discord recovered from a closed gateway in ${recoveredMs} ms`);
  });
});
