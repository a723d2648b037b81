import { Client, Events } from "discord.js";
import type { DiscordConfig } from "../../config.js";
import type { AppLogger } from "../../ops/logger.js";
import type { Metrics } from "../../ops/metrics.js";
import type { Connection } from "../platform-supervisor.js";
import { discordClientOptions } from "./discord-client-options.js";
import type { DiscordHandlers } from "./discord-handlers.js";
import { guardGatewayPackets, type PacketFailure } from "./gateway-packet-guard.js";
import { createUnreadableInteractions } from "./unreadable-interaction.js";

/** How long closing a connection waits for replies already being worked on. */
const DRAIN_TIMEOUT_MS = 10_000;

export interface DiscordConnectionDeps {
  discord: DiscordConfig;
  handlers: DiscordHandlers;
  logger: AppLogger;
  metrics: Metrics;
}

export interface DiscordConnection extends Connection {
  readonly client: Client;
}

/**
 * One discord.js client, logged in: its listeners, its guarded packet path and its in-flight
 * replies. The adapter's supervisor builds a new one after a failure, so nothing here outlives
 * the client it belongs to.
 */
export async function connectDiscord(
  deps: DiscordConnectionDeps,
  fault: (reason: string, error?: unknown) => void,
): Promise<DiscordConnection> {
  const { logger, metrics, handlers } = deps;
  const client = new Client(discordClientOptions(deps.discord));
  const unreadable = createUnreadableInteractions(client.rest);
  const inFlight = new Set<Promise<void>>();
  let closing = false;

  /** Runs one handler, remembered until done so close() can let it finish. */
  const track = (work: () => Promise<void>) => {
    if (closing) return;
    const running: Promise<void> = work()
      .catch((err: unknown) => logger.error({ err }, "Discord handler failed"))
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  };

  const onPacketFailure = ({ event, error, data }: PacketFailure) => {
    metrics.discordPacketFailures.inc({ event });
    logger.error({ err: error, event }, "discord.js could not handle a gateway packet; dropped it");
    if (event === "INTERACTION_CREATE") {
      // Building the interaction object failed before anything was cached: answer it, carry on.
      track(async () => {
        if (await unreadable.answer(data))
          metrics.requests.inc({ platform: "discord", kind: "other", outcome: "invalid" });
      });
      return;
    }
    // Any other event updates discord.js's cache, and we cannot tell how far it got before it
    // threw: a fresh client (new READY, new cache) is the only state we can trust.
    fault(`discord.js failed on a ${event} packet`, error);
  };
  guardGatewayPackets(client, onPacketFailure);

  /** The bot's managed role in each server: people often @mention the role instead of the bot. */
  const botRoleIds = (guildId: string | null): string[] => {
    const guild = guildId ? client.guilds.cache.get(guildId) : undefined;
    const role = guild?.roles.botRoleFor(client.user?.id ?? "");
    return role ? [role.id] : [];
  };

  client.on(Events.InteractionCreate, (interaction) => track(() => handlers.interaction(interaction)));
  client.on(Events.MessageCreate, (message) => {
    const userId = client.user?.id;
    if (!userId || message.author.id === userId) return;
    track(() => handlers.message(message, { userId, roleIds: botRoleIds(message.guildId) }));
  });
  // Edits and deletions of people's messages in threads; partial when sent before this client's cache.
  client.on(Events.MessageUpdate, (_old, message) => {
    if (message.author?.id === client.user?.id) return;
    track(() => handlers.threads.edit(message));
  });
  client.on(Events.MessageDelete, (message) => {
    if (message.author?.id === client.user?.id) return;
    track(() => handlers.threads.remove(message));
  });
  // Without an "error" listener an emitted error would crash the process.
  client.on(Events.Error, (err) => logger.error({ err }, "Discord client error"));
  client.on(Events.Warn, (warning) => logger.warn({ warning }, "Discord client warning"));
  client.on(Events.ShardError, (err, shardId) => logger.error({ err, shardId }, "Discord gateway error"));
  // discord.js reconnects by itself after any close it can recover from; this event means it gave up.
  client.on(Events.ShardDisconnect, (event, shardId) => {
    logger.warn({ code: event.code, shardId }, "Discord gateway disconnected for good");
    if (!closing) fault(`gateway closed with code ${event.code}`);
  });
  client.on(Events.Invalidated, () => {
    if (!closing) fault("session invalidated");
  });

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(deps.discord.token);
    await ready;
  } catch (err) {
    closing = true;
    await client.destroy();
    throw new Error(`Discord login failed: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  }
  logger.info(
    { user: client.user?.tag, applicationId: client.application?.id, guilds: client.guilds.cache.size },
    "connected to Discord",
  );

  return {
    client,
    async close() {
      closing = true;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, DRAIN_TIMEOUT_MS);
      });
      await Promise.race([Promise.allSettled([...inFlight]), timedOut]).finally(() => clearTimeout(timer));
      await client.destroy();
    },
  };
}
