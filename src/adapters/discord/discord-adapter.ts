import { REST } from "discord.js";
import type { DiscordConfig } from "../../config.js";
import type { PlatformAdapter } from "../platform-adapter.js";
import type { PlatformAdapterDeps } from "../platform-adapter-deps.js";
import { createPlatformSupervisor, type RestartBackoff } from "../platform-supervisor.js";
import { discordChannelAccess } from "./discord-channel-access.js";
import { connectDiscord, type DiscordConnection } from "./discord-connection.js";
import { createDiscordHandlers, type DiscordHandlerTiming } from "./discord-handlers.js";
import { createDiscordOutboxDelivery } from "./discord-outbox-delivery.js";

export interface DiscordAdapterDeps extends PlatformAdapterDeps {
  discord: DiscordConfig;
  /** Tests shorten these to exercise the slow paths; the defaults fit Discord's 3 s deadline. */
  timing?: Partial<DiscordHandlerTiming>;
  /** Tests shorten the wait before a failed client is rebuilt. */
  restartBackoff?: RestartBackoff;
}

const DEFAULT_TIMING: DiscordHandlerTiming = { deferAfterMs: 2000, autocompleteTimeoutMs: 2500 };

export interface DiscordAdapter extends PlatformAdapter {
  readonly name: "discord";
  /** The client connected now (null while it is being rebuilt). */
  client(): DiscordConnection["client"] | null;
}

export function isDiscordAdapter(adapter: PlatformAdapter): adapter is DiscordAdapter {
  return adapter.name === "discord" && "client" in adapter;
}

/**
 * The Discord bot: slash commands, buttons, autocomplete, mentions and DMs, through the core.
 * The gateway client is supervised: when it fails it is rebuilt with backoff while the other
 * platforms keep serving (see platform-supervisor.ts).
 */
export function createDiscordAdapter(deps: DiscordAdapterDeps): DiscordAdapter {
  const { logger, metrics } = deps;
  const handlers = createDiscordHandlers(deps, { ...DEFAULT_TIMING, ...deps.timing });
  // Outbox deliveries get their own REST that hands 429s to the outbox worker (which waits as
  // long as Discord asks) instead of sleeping through them inside a drain. It does not depend
  // on the gateway, so messages keep going out while the client is rebuilt.
  const outboxRest = new REST({
    ...(deps.discord.apiBase ? { api: deps.discord.apiBase } : {}),
    rejectOnRateLimit: () => true,
  }).setToken(deps.discord.token);
  const delivery = createDiscordOutboxDelivery(outboxRest);
  const supervisor = createPlatformSupervisor<DiscordConnection>({
    name: "discord",
    logger,
    connect: (fault) => connectDiscord({ discord: deps.discord, handlers, logger, metrics }, fault),
    onRestart: () => metrics.platformRestarts.inc({ platform: "discord" }),
    ...(deps.restartBackoff ? { backoff: deps.restartBackoff } : {}),
  });

  return {
    name: "discord",
    delivery,
    channelAccess: discordChannelAccess(() => supervisor.current()?.client ?? null),
    client: () => supervisor.current()?.client ?? null,
    health: () => supervisor.health(),
    fault: (reason, error) => supervisor.fault(reason, error),
    start: () => supervisor.start(),
    async stop() {
      await supervisor.stop();
      outboxRest.clearHashSweeper();
      outboxRest.clearHandlerSweeper();
    },
  };
}
