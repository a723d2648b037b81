import type { PlatformAdapter } from "./adapters/platform-adapter.js";
import type { Config } from "./config.js";
import type { Datadesk } from "./core/bot/create-datadesk.js";
import type { HttpRoute } from "./ops/http-routes.js";
import type { AppLogger } from "./ops/logger.js";
import type { Metrics } from "./ops/metrics.js";

export interface PlatformAdapterDeps {
  config: Config;
  core: Datadesk;
  logger: AppLogger;
  metrics: Metrics;
  /** Routes the Slack HTTP receiver must serve besides Slack's own (health, metrics, public pages). */
  routes: HttpRoute[];
}

/**
 * One adapter per configured platform; several credentials mean several adapters in one process.
 * Platform SDKs are imported only when configured: Bolt and discord.js cost most of a second to
 * load, which the console and CLI commands should not pay.
 */
export async function createPlatformAdapters(deps: PlatformAdapterDeps): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  if (deps.config.slack) {
    const { createSlackAdapter } = await import("./adapters/slack/slack-adapter.js");
    adapters.push(createSlackAdapter({ ...deps, slack: deps.config.slack }));
  }
  if (deps.config.discord) {
    const { createDiscordAdapter } = await import("./adapters/discord/discord-adapter.js");
    adapters.push(createDiscordAdapter({ ...deps, discord: deps.config.discord }));
  }
  return adapters;
}
