import { createCatalogSourceReader } from "../../src/catalog-sources/index.js";
import { type CatalogCliContext, catalogCliContext } from "../../src/cli/catalog/catalog-cli-context.js";
import { defaultAccessSlaSettings } from "../../src/core/access/access-sla-settings.js";
import type { CoreDeps } from "../../src/core/bot/core-deps.js";
import type { Clock } from "../../src/core/ports/clock.js";
import { silentLogger } from "../../src/core/ports/logger.js";
import { createAccessStores } from "../../src/store/access/access-stores.js";
import { createCatalogStores } from "../../src/store/catalog/catalog-stores.js";
import { createCommunityStores } from "../../src/store/community/community-stores.js";
import type { Database } from "../../src/store/database.js";
import { createDigestStores } from "../../src/store/digest/digest-stores.js";
import { createFormStores } from "../../src/store/forms/form-stores.js";
import { createPeopleStores } from "../../src/store/people/people-stores.js";
import { PrismaPeopleRepository } from "../../src/store/prisma-people-repository.js";
import { createProblemStores } from "../../src/store/problems/problem-stores.js";
import { createShowcaseStores } from "../../src/store/showcases/showcase-stores.js";
import { SqlProcessedEvents } from "../../src/store/sql-processed-events.js";
import { createWatchStores } from "../../src/store/watches/watch-stores.js";
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
    ...createProblemStores(db.sql, clock),
    ...createShowcaseStores(db.sql),
    ...createFormStores(db.sql),
    ...createPeopleStores(db.sql),
    ...createWatchStores(db.sql),
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
