import { loadConfig } from "../../config.js";
import { openServices } from "../../main.js";
import { createLogger } from "../../ops/logger.js";
import { type CatalogCliContext, catalogCliContext } from "./catalog-cli-context.js";

/**
 * Opens the configured database (migrating it) for one catalog command and closes it after.
 * Logs go to stderr at warn, so stdout carries only the command's own output.
 */
export async function withCatalogCli(command: (ctx: CatalogCliContext) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({
    level: config.logLevel ?? "warn",
    secrets: config.secrets,
    destination: process.stderr,
  });
  const services = await openServices(config, { logger });
  try {
    const ctx = await catalogCliContext({
      db: services.db,
      deps: services.deps,
      defaultSyncIntervalMinutes: config.catalog.syncIntervalMinutes,
      streams: { stdout: process.stdout, stderr: process.stderr },
    });
    await command(ctx);
  } finally {
    await services.close();
  }
}
