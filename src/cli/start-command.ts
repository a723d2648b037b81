import { loadConfig } from "../config.js";
import { startApp } from "../main.js";
import { createLogger } from "../ops/logger.js";

/** `datadesk start`: every configured platform in one process, the console when none is. */
export async function startCommand(options: { console?: boolean }): Promise<void> {
  const config = loadConfig();
  const consoleMode = options.console === true || (!config.slack && !config.discord);
  // In the console, logs go to stderr and only warnings show unless LOG_LEVEL asks for more,
  // so the chat stays readable.
  const logger = createLogger({
    level: config.logLevel ?? (consoleMode ? "warn" : "info"),
    secrets: config.secrets,
    destination: consoleMode ? process.stderr : process.stdout,
  });
  const app = await startApp(config, { console: consoleMode, logger, offerSampleCatalog: true });
  const shutdown = (signal: string) => {
    logger.info({ signal }, "signal received");
    void app.stop();
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  await app.stopped;
}
