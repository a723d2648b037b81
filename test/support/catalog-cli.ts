import { createCatalogSourceReader } from "../../src/catalog-sources/index.js";
import { type CatalogCliContext, catalogCliContext } from "../../src/cli/catalog/catalog-cli-context.js";
import { defaultAccessSlaSettings } from "../../src/core/access/access-sla-settings.js";
import type { CoreDeps } from "../../src/core/bot/core-deps.js";
import type { Clock } from "../../src/core/ports/clock.js";
import { silentLogger } from "../../src/core/ports/logger.js";
import { createAccessStores } from "../../src/store/access/access-stores.js";
import { createCatalogStores } from "../../src/store/catalog/catalog-stores.js";
import { createCommunityStores } from "../../src/store/community/sql-membership-store.js";
import type { Database } from "../../src/store/database.js";
import { createDigestStores } from "../../src/store/digest/digest-stores.js";
import { PrismaPeopleRepository } from "../../src/store/prisma-people-repository.js";
import { createProblemInventoryStores } from "../../src/store/problem-inventory-stores.js";
import { SqlProcessedEvents } from "../../src/store/sql-processed-events.js";
import { CapturedStream } from "./captured-stream.js";

export { CapturedStream };

/** CoreDeps over a test database, wired the way main.ts wires them (real reader, SQL stores). */
export function coreDepsFor(db: Database, clock: Clock): CoreDeps {
  const catalogStores = createCatalogStores(db.sql, clock);
  return {
    people: new PrismaPeopleRepository(db.prisma, clock),
    clock,
    logger: silentLogger,
    ...catalogStores,
    catalogSources: createCatalogSourceReader({ attempts: 1, timeoutMs: 5_000 }),
    processedEvents: new SqlProcessedEvents(db.sql, clock),
    ...createProblemInventoryStores(db.sql, clock),
    ...createAccessStores(db.sql, clock, catalogStores.datasetSearch),
    ...createDigestStores(db.sql),
    ...createCommunityStores(db.sql),
    accessSla: defaultAccessSlaSettings,
  };
}

/** A `datadesk catalog …` context over a test database, with captured stdout and stderr. */
export async function catalogCliFor(
  db: Database,
  options: { clock?: Clock; defaultSyncIntervalMinutes?: number } = {},
): Promise<{ ctx: CatalogCliContext; stdout: CapturedStream; stderr: CapturedStream }> {
  const stdout = new CapturedStream();
  const stderr = new CapturedStream();
  const ctx = await catalogCliContext({
    db,
    deps: coreDepsFor(db, options.clock ?? { now: () => new Date() }),
    defaultSyncIntervalMinutes: options.defaultSyncIntervalMinutes ?? 1440,
    streams: { stdout, stderr },
    username: "operator-under-test",
  });
  return { ctx, stdout, stderr };
}
