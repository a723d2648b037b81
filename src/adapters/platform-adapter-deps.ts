import type { Config } from "../config.js";
import type { Datadesk } from "../core/bot/create-datadesk.js";
import type { HttpRoute } from "../ops/http-routes.js";
import type { AppLogger } from "../ops/logger.js";
import type { Metrics } from "../ops/metrics.js";

/**
 * What every platform adapter is built from. A leaf of its own: create-platform-adapters.ts loads
 * the Slack and Discord adapters, which take this type, so keeping it there was an import circle.
 */
export interface PlatformAdapterDeps {
  config: Config;
  core: Datadesk;
  logger: AppLogger;
  metrics: Metrics;
  /** Routes the Slack HTTP receiver must serve besides Slack's own (health, metrics, public pages). */
  routes: HttpRoute[];
}
