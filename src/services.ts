import { createCatalogSourceReader } from "./catalog-sources/index.js";
import type { Config } from "./config.js";
import type { CoreDeps } from "./core/bot/core-deps.js";
import { createDatadesk, type Datadesk } from "./core/bot/create-datadesk.js";
import {
  type ChannelAccessRegistry,
  createChannelAccessRegistry,
} from "./core/community/channel-access-registry.js";
import { systemClock } from "./core/ports/clock.js";
import { type AppLogger, createLogger } from "./ops/logger.js";
import { createMetrics, type Metrics, registerImpactGauges } from "./ops/metrics.js";
import { createAccessStores } from "./store/access/access-stores.js";
import { createCatalogStores } from "./store/catalog/catalog-stores.js";
import { createCommunityStores } from "./store/community/community-stores.js";
import { type Database, type LockRole, openDatabase } from "./store/database.js";
import { ensureDefaultCommunity } from "./store/default-community.js";
import { createDigestStores } from "./store/digest/digest-stores.js";
import { createFormStores } from "./store/forms/form-stores.js";
import { createPeopleStores } from "./store/people/people-stores.js";
import { SqlKnownPeople } from "./store/people/sql-known-people.js";
import { PrismaPeopleRepository } from "./store/prisma-people-repository.js";
import { createProblemStores } from "./store/problems/problem-stores.js";
import { createShowcaseStores } from "./store/showcases/showcase-stores.js";
import { SqlProcessedEvents } from "./store/sql-processed-events.js";
import { createWatchStores } from "./store/watches/watch-stores.js";

/**
 * The services every process needs, bot or CLI command: the database (migrated) and the core
 * over the concrete stores. Part of the composition root (main.ts starts the bot around them).
 */

export interface Services {
  config: Config;
  logger: AppLogger;
  metrics: Metrics;
  db: Database;
  core: Datadesk;
  deps: CoreDeps;
  /** Where adapters register how to tell whether the bot is in a channel (setup's warnings). */
  channelAccess: ChannelAccessRegistry;
  close(): Promise<void>;
}

/** Opens the database (migrating it) and builds the core: what every CLI command needs. */
export async function openServices(
  config: Config,
  options: { logger?: AppLogger; role?: LockRole } = {},
): Promise<Services> {
  const logger =
    options.logger ?? createLogger({ level: config.logLevel ?? "info", secrets: config.secrets });
  const metrics = createMetrics();
  const role = options.role ?? "cli";
  const db = await openDatabase(config.database, {
    role,
    // A bot lives on and replaces the connection, which an operator wants in the log. A CLI command
    // that needed the connection fails with its own one-line message, so the stack is only noise.
    onConnectionError: (err) =>
      logger[role === "bot" ? "warn" : "debug"](
        { err },
        "lost an idle database connection; it will be replaced",
      ),
    onWait: (holder) =>
      logger.warn(
        { pid: holder.pid, command: holder.command },
        `waiting for "${holder.command}" (pid ${holder.pid}) to finish with the data dir`,
      ),
    onEvent: (event) => logger.warn({ event: event.kind }, `embedded database: ${event.message}`),
  });
  await ensureDefaultCommunity(db.prisma, config.community);
  const catalogStores = createCatalogStores(db.sql, systemClock);
  const channelAccess = createChannelAccessRegistry();
  const deps: CoreDeps = {
    people: new SqlKnownPeople(db.sql, new PrismaPeopleRepository(db.prisma, systemClock), systemClock),
    clock: systemClock,
    logger,
    ...catalogStores,
    catalogSources: createCatalogSourceReader(),
    processedEvents: new SqlProcessedEvents(db.sql, systemClock, { logger }),
    ...createProblemStores(db.sql, systemClock),
    ...createShowcaseStores(db.sql),
    ...createFormStores(db.sql),
    ...createPeopleStores(db.sql),
    ...createWatchStores(db.sql),
    ...createAccessStores(db.sql, systemClock, catalogStores.datasetSearch),
    ...createDigestStores(db.sql),
    ...createCommunityStores(db.sql),
    accessSla: config.access,
    channelAccess,
  };
  const core = createDatadesk(deps);
  registerImpactGauges(metrics, {
    communities: () => db.prisma.community.findMany({ select: { id: true, slug: true, timezone: true } }),
    digestSource: deps.digestSource,
    clock: systemClock,
    onError: (err) => logger.warn({ err }, "could not refresh the impact gauges; serving the last figures"),
  });
  return { config, logger, metrics, db, core, deps, channelAccess, close: () => db.close() };
}
