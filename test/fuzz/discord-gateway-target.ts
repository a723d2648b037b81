/**
 * Fuzz target for the Discord gateway packet path (issue 20): a real discord.js client, built and
 * guarded exactly as the adapter builds it (connectDiscord), logged in to the fake Discord, gets
 * dispatches with a valid envelope (op 0, a sequence, an event name discord.js handles) and an
 * arbitrary `d`: any JSON, or a real payload of that event with a few places broken. The
 * property: nothing escapes to the process (no exception out of the socket handler, no
 * unhandled rejection), and the client still answers afterwards. A packet the guard drops is
 * fine; so is a failure it reports (the adapter would rebuild the client then).
 *
 * Each case is followed by a sentinel dispatch; discord.js handles packets in order, so once the
 * sentinel shows up the case's packet has been through the whole synchronous path.
 */

import { Client, Events, GatewayDispatchEvents } from "discord.js";
import fc from "fast-check";
import { connectDiscord, type DiscordConnection } from "../../src/adapters/discord/discord-connection.js";
import { createDiscordHandlers } from "../../src/adapters/discord/discord-handlers.js";
import { createLogger } from "../../src/ops/logger.js";
import { createMetrics } from "../../src/ops/metrics.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord-server.js";
import { anyJson, mutated } from "./arbitraries.js";
import { fuzzCore } from "./core-harness.js";
import { type FuzzTarget, FuzzViolation, fuzzTarget } from "./fuzz-target.js";

const TOKEN = "fuzz-gateway-token";
const SENTINEL = "DATADESK_FUZZ_SENTINEL";

interface GatewayFuzz {
  fake: FakeDiscord;
  connection: DiscordConnection;
  /** Errors that reached the process since the last case, and failures the client reported. */
  escaped: unknown[];
  faults: string[];
  sentinels: number;
  seen: Set<number>;
  /** Packets the guard dropped and failures reported, for the bench's summary. */
  summary(): Promise<GatewayFuzzSummary>;
  stop(): Promise<void>;
}

export interface GatewayFuzzSummary {
  dropped: number;
  rebuildsAsked: number;
}

let running: Promise<GatewayFuzz> | null = null;
let current: FakeDiscord | null = null;

async function startGatewayFuzz(): Promise<GatewayFuzz> {
  const fake = await startFakeDiscord({ token: TOKEN });
  current = fake;
  const harness = await fuzzCore();
  const logger = createLogger({ level: "silent", secrets: [TOKEN] });
  const metrics = createMetrics({ defaultMetrics: false });
  const handlers = createDiscordHandlers(
    { core: harness.core, logger, metrics },
    { deferAfterMs: 2000, autocompleteTimeoutMs: 2500 },
  );
  const state: Omit<GatewayFuzz, "connection" | "stop" | "summary"> = {
    fake,
    escaped: [],
    faults: [],
    sentinels: 0,
    seen: new Set(),
  };
  const onEscape = (error: unknown) => void state.escaped.push(error);
  process.on("uncaughtException", onEscape);
  process.on("unhandledRejection", onEscape);
  const connection = await connectDiscord(
    {
      discord: { token: TOKEN, applicationId: fake.applicationId, apiBase: fake.apiBase, guildId: undefined },
      handlers,
      logger,
      metrics,
    },
    (reason) => void state.faults.push(reason),
  );
  connection.client.on(Events.Raw, (packet: { t?: string; d?: { n?: number } }) => {
    if (packet.t === SENTINEL && typeof packet.d?.n === "number") state.seen.add(packet.d.n);
  });
  return {
    ...state,
    connection,
    async summary() {
      const failures = await metrics.discordPacketFailures.get();
      const dropped = failures.values.reduce((sum, v) => sum + v.value, 0);
      return { dropped, rebuildsAsked: state.faults.length };
    },
    async stop() {
      await connection.close();
      await fake.close();
      process.off("uncaughtException", onEscape);
      process.off("unhandledRejection", onEscape);
    },
  };
}

function gatewayFuzz(): Promise<GatewayFuzz> {
  running ??= startGatewayFuzz();
  return running;
}

/** Closes the fake and the client (call once the cases ran); says what the guard did, if it ran. */
export async function stopGatewayFuzz(): Promise<GatewayFuzzSummary | null> {
  const fuzz = await running;
  running = null;
  current = null;
  realistic = null;
  if (!fuzz) return null;
  const summary = await fuzz.summary();
  await fuzz.stop();
  return summary;
}

// Every dispatch discord.js has a handler for, except the two @discordjs/ws itself reads to
// keep its session (READY, RESUMED): a bad one of those is a broken gateway, not a bad packet,
// and ends in a reconnect.
const EVENTS = Object.values(GatewayDispatchEvents).filter(
  (event) => event !== GatewayDispatchEvents.Ready && event !== GatewayDispatchEvents.Resumed,
);

/**
 * Real payloads of the events people cause most, from the running fake's world (its guild, its
 * bot), so a mutated one gets past discord.js's first lookups. Built on first use: sampling only
 * happens once prepare() logged the client in.
 */
let realistic: Array<{ event: string; d: unknown }> | null = null;
function realisticPayloads(): Array<{ event: string; d: unknown }> {
  const fake = current;
  if (!fake) throw new Error("gateway fuzz: prepare() has not run");
  const g = fake.gateway;
  realistic ??= [
    { event: "INTERACTION_CREATE", d: g.chatInputInteraction({ name: "help" }) },
    { event: "INTERACTION_CREATE", d: g.chatInputInteraction({ name: "help", guildId: null }) },
    { event: "INTERACTION_CREATE", d: g.buttonInteraction({ customId: "problem.vote:1" }) },
    {
      event: "INTERACTION_CREATE",
      d: g.autocompleteInteraction({ name: "showcase", options: { dataset: "bik" }, focused: "dataset" }),
    },
    {
      event: "INTERACTION_CREATE",
      d: g.modalSubmitInteraction({ customId: "form:problem", fields: { title: "x" } }),
    },
    { event: "MESSAGE_CREATE", d: g.messageCreate({ content: `<@${fake.botUser.id}> help` }) },
    { event: "MESSAGE_CREATE", d: g.messageCreate({ content: "help", guildId: null }) },
  ];
  return realistic;
}

interface PacketCase {
  event: string;
  d: unknown;
}

/** Any event with any JSON, or a real payload of its own event with a few places broken. */
const packetArbitrary: fc.Arbitrary<PacketCase> = fc.oneof(
  fc.record({ event: fc.constantFrom(...EVENTS), d: anyJson }),
  fc.nat().chain((pick) => {
    const payloads = realisticPayloads();
    const sample = payloads[pick % payloads.length] ?? { event: "MESSAGE_CREATE", d: null };
    return mutated(fc.constant(sample.d)).map((d) => ({ event: sample.event, d }));
  }),
);

async function waitForSentinel(fuzz: GatewayFuzz, n: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!fuzz.seen.has(n)) {
    if (Date.now() > deadline) throw new FuzzViolation("the client stopped handling packets (no sentinel)");
    await new Promise((resolve) => setImmediate(resolve));
  }
  fuzz.seen.delete(n);
}

export const gatewayPacketTarget: FuzzTarget = fuzzTarget({
  name: "discord: gateway packet (any d) → guarded client",
  arbitrary: packetArbitrary,
  async prepare() {
    await gatewayFuzz();
  },
  async check(input: PacketCase) {
    const fuzz = await gatewayFuzz();
    const { event, d } = input;
    fuzz.fake.gateway.dispatch(event, d);
    const n = ++fuzz.sentinels;
    fuzz.fake.gateway.dispatch(SENTINEL, { n });
    await waitForSentinel(fuzz, n);
    // One more turn of the loop, so a rejection from this packet's handlers has been reported.
    await new Promise((resolve) => setImmediate(resolve));
    const escaped = fuzz.escaped.splice(0);
    if (escaped.length > 0) {
      const first = escaped[0];
      const detail = first instanceof Error ? `${first.name}: ${first.message}` : String(first);
      throw new FuzzViolation(`${event} escaped to the process: ${detail.slice(0, 300)}`);
    }
    if (!(fuzz.connection.client instanceof Client) || !fuzz.connection.client.isReady())
      throw new FuzzViolation(`${event} left the client not ready`);
  },
});
