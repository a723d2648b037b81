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

/** One adapter per configured platform; several credentials mean several adapters in one process. */
export function createPlatformAdapters(_deps: PlatformAdapterDeps): PlatformAdapter[] {
  return [];
}
