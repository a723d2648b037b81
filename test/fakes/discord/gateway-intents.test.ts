/**
 * Gateway behaviour that needs its own fake and client: heartbeat ACKs with a short HELLO interval,
 * and Discord's intent gating (no MessageContent → stripped content; no DirectMessages → no DMs).
 */
import { Events, GatewayIntentBits, GatewayOpcodes } from "discord.js";
import { describe, expect, it } from "vitest";
import { loginClientToFake } from "./discord-client-for-fake.js";
import { startFakeDiscord } from "./fake-discord-server.js";

describe("intent gating and heartbeats", () => {
  it("ACKs heartbeats and strips guild message content without MessageContent unless the bot is mentioned", async () => {
    const fake = await startFakeDiscord({ heartbeatIntervalMs: 100 });
    const client = await loginClientToFake(fake, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    try {
      // A short HELLO interval makes the client heartbeat right away; the fake ACKs (op 11).
      await fake.gateway.waitForFrame((f) => f.op === GatewayOpcodes.Heartbeat);
      await expect.poll(() => client.ws.ping).toBeGreaterThanOrEqual(0);

      const received: string[] = [];
      client.on(Events.MessageCreate, (m) => void received.push(m.content));
      const seen = (n: number) => expect.poll(() => received.length).toBe(n);
      fake.gateway.sendMessage({ content: "secret" });
      await seen(1);
      fake.gateway.sendMessage({ content: `<@${fake.botUser.id}> visible` });
      await seen(2);
      // No DirectMessages intent: the DM is dropped, so the next message seen is the guild one after it.
      fake.gateway.sendMessage({ content: "dm", guildId: null });
      fake.gateway.sendMessage({ content: `<@${fake.botUser.id}> last` });
      await seen(3);
      expect(received).toEqual(["", `<@${fake.botUser.id}> visible`, `<@${fake.botUser.id}> last`]);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });
});
