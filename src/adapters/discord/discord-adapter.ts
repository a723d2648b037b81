import { Client, type ClientOptions, Events, GatewayIntentBits, Partials, REST } from "discord.js";
import type { DiscordConfig } from "../../config.js";
import type { PlatformAdapterDeps } from "../../platform-adapters.js";
import type { PlatformAdapter } from "../platform-adapter.js";
import { createDiscordOutboxDelivery } from "./discord-delivery.js";
import { createDiscordHandlers, type DiscordHandlerTiming } from "./discord-handlers.js";

export interface DiscordAdapterDeps extends PlatformAdapterDeps {
  discord: DiscordConfig;
  /** Tests shorten these to exercise the slow paths; the defaults fit Discord's 3 s deadline. */
  timing?: Partial<DiscordHandlerTiming>;
}

const DEFAULT_TIMING: DiscordHandlerTiming = { deferAfterMs: 2000, autocompleteTimeoutMs: 2500 };

/**
 * The gateway intents we ask for. MessageContent is privileged: switch it on under Bot →
 * Privileged Gateway Intents in the Developer Portal, or Discord refuses the login (close code
 * 4014, "disallowed intents"). DMs and messages that @mention the bot carry their text even
 * without it; a mention of the bot's role (how many people address a bot) may not.
 */
export const DISCORD_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
  GatewayIntentBits.MessageContent,
];

export function discordClientOptions(config: DiscordConfig): ClientOptions {
  return {
    intents: DISCORD_INTENTS,
    // DM channels are never announced over the gateway; without this partial DMs are dropped.
    partials: [Partials.Channel],
    // Nothing we send may ping anyone: not @everyone/@here, not roles, not users, not the
    // person we reply to. Set on the client, so it holds for every message without exception.
    allowedMentions: { parse: [], repliedUser: false },
    ...(config.apiBase ? { rest: { api: config.apiBase } } : {}),
  };
}

/** The Discord bot: slash commands, buttons, autocomplete, mentions and DMs, through the core. */
export function createDiscordAdapter(deps: DiscordAdapterDeps): PlatformAdapter {
  const { logger } = deps;
  const client = new Client(discordClientOptions(deps.discord));
  const handlers = createDiscordHandlers(deps, { ...DEFAULT_TIMING, ...deps.timing });
  // Outbox deliveries get their own REST that hands 429s to the outbox worker (which waits as
  // long as Discord asks) instead of sleeping through them inside a drain.
  const outboxRest = new REST({
    ...(deps.discord.apiBase ? { api: deps.discord.apiBase } : {}),
    rejectOnRateLimit: () => true,
  }).setToken(deps.discord.token);
  const delivery = createDiscordOutboxDelivery(outboxRest);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  /** Runs one handler, remembered until done so stop() can let it finish. */
  const track = (work: () => Promise<void>) => {
    if (stopping) return;
    const running: Promise<void> = work()
      .catch((err: unknown) => logger.error({ err }, "Discord handler failed"))
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  };

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
  // Without an "error" listener an emitted error would crash the process.
  client.on(Events.Error, (err) => logger.error({ err }, "Discord client error"));
  client.on(Events.Warn, (warning) => logger.warn({ warning }, "Discord client warning"));
  client.on(Events.ShardError, (err, shardId) => logger.error({ err, shardId }, "Discord gateway error"));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ code: event.code, shardId }, "Discord gateway disconnected"),
  );

  return {
    name: "discord",
    delivery,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      try {
        await client.login(deps.discord.token);
        await ready;
      } catch (err) {
        await client.destroy();
        throw new Error(`Discord login failed: ${err instanceof Error ? err.message : String(err)}`, {
          cause: err,
        });
      }
      logger.info(
        { user: client.user?.tag, applicationId: client.application?.id, guilds: client.guilds.cache.size },
        "connected to Discord",
      );
    },
    async stop() {
      stopping = true;
      await Promise.allSettled([...inFlight]);
      await client.destroy();
      outboxRest.clearHashSweeper();
      outboxRest.clearHandlerSweeper();
    },
  };
}
