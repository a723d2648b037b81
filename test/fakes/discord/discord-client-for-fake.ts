/**
 * The discord.js Client options that matter to talk to the fake, in one place for every test:
 * `rest.api` points REST (and through GET /gateway/bot the gateway) at the fake. No compression
 * option exists on Client: discord.js enables zlib-stream only if `zlib-sync` is installed.
 */
import { Client, type ClientOptions, Events, type GatewayIntentBits, Partials } from "discord.js";
import type { FakeDiscord } from "./fake-discord-server.js";

export function clientOptionsForFake(fake: FakeDiscord, intents: GatewayIntentBits[]): ClientOptions {
  return {
    intents,
    // DM channels are never announced over the gateway, so DMs need the Channel partial (as on Discord).
    partials: [Partials.Channel],
    rest: { api: fake.apiBase },
    allowedMentions: { parse: [], repliedUser: false },
  };
}

/** Logs a real Client in against the fake and resolves once it emitted clientReady. */
export async function loginClientToFake(
  fake: FakeDiscord,
  intents: GatewayIntentBits[],
  token = "fake-token",
): Promise<Client<true>> {
  const client = new Client(clientOptionsForFake(fake, intents));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  return client as Client<true>;
}
