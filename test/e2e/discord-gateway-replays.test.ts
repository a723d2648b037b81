// After a RESUME the gateway replays what the session missed, so a message or an interaction can
// reach the bot twice: the whole app against the fake Discord must answer each once.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../src/main.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord-server.js";
import { type LogLine, startTestApp, type TestApp } from "../support/test-app.js";

const TOKEN = "discord-e2e-replays-token";

async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("Discord gateway replays, end to end", () => {
  let fake: FakeDiscord;
  let app: RunningApp;
  let desk: TestApp | undefined;
  let logs: LogLine[] = [];

  const duplicatesCounted = async (kind: string) => {
    const metric = await app.services.metrics.registry.getSingleMetricAsString("datadesk_requests_total");
    const pattern = new RegExp(`platform="discord",kind="${kind}",outcome="duplicate"} (\\d+)`);
    return Number(pattern.exec(metric)?.[1] ?? 0);
  };

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: TOKEN });
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

  it("answers a MESSAGE_CREATE delivered twice once", async () => {
    const message = fake.gateway.sendMessage({ content: `<@${fake.botUser.id}> help` });
    const isReply = () =>
      fake.calls.filter(
        (c) =>
          c.method === "POST" &&
          (c.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference
            ?.message_id === message.id,
      );
    await until(() => isReply().length === 1, "the reply");

    // discord.js drops a replayed message it still has in its cache (200 per channel), so let a busy
    // channel push it out first, as happens before a real replay: only our store can tell then.
    for (let i = 0; i < 210; i++) fake.gateway.sendMessage({ content: `chatter ${i}` });
    fake.gateway.dispatch("MESSAGE_CREATE", message);
    await until(async () => (await duplicatesCounted("message")) === 1, "the replay to be skipped");
    expect(isReply()).toHaveLength(1);

    // A different message is answered as usual.
    const next = fake.gateway.sendMessage({ content: `<@${fake.botUser.id}> help` });
    await fake.waitForCall(
      (c) =>
        c.method === "POST" &&
        (c.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference
          ?.message_id === next.id,
    );
  });

  it("answers an INTERACTION_CREATE delivered twice once, and does not crash on the replay", async () => {
    const interaction = fake.gateway.chatInputInteraction({ name: "help" });
    const callback = await fake.gateway.sendInteraction(interaction);
    expect(callback.interactionId).toBe(interaction.id);

    fake.gateway.dispatch("INTERACTION_CREATE", interaction);
    await until(async () => (await duplicatesCounted("command")) === 1, "the replay to be skipped");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.callbacks.filter((c) => c.interactionId === interaction.id)).toHaveLength(1);
    const callbackCalls = fake.calls.filter((c) => c.path.startsWith(`/interactions/${interaction.id}/`));
    expect(callbackCalls).toHaveLength(1);

    // The bot is still answering.
    const again = await fake.gateway.sendInteraction(fake.gateway.chatInputInteraction({ name: "help" }));
    expect(again.data).toBeDefined();
  });

  it("logged no errors", () => {
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
