import { accessModule } from "../../core/access/index.js";
import { syncCatalog } from "../../core/catalog/sync-catalog.js";
import { watchesModule } from "../../core/watches/index.js";
import {
  type CatalogCliContext,
  CatalogCliError,
  explainDomainError,
  explainingDomainErrors,
} from "./catalog-cli-context.js";
import { formatSyncSummary } from "./catalog-cli-format.js";

/**
 * `datadesk catalog sync [NAME]`: resyncs one catalog, or every catalog of the community.
 * With several, each one is reported and the command fails (exit 1) if any failed.
 */
export async function catalogSyncCommand(ctx: CatalogCliContext, name?: string): Promise<void> {
  const { stdout, stderr } = ctx.streams;
  const results = await explainingDomainErrors(() =>
    syncCatalog(ctx.deps, { communityId: ctx.communityId, ...(name !== undefined ? { name } : {}) }),
  );
  if (results.length === 0) {
    stdout.write("There are no catalogs yet. Import one with: datadesk catalog import <file|url>\n");
    return;
  }
  let failed = 0;
  for (const result of results) {
    const label = `"${result.source.name}" (${result.source.kind}) from ${result.source.location}`;
    if (result.ok) stdout.write(formatSyncSummary(`Synced ${label}`, result.summary));
    else {
      failed += 1;
      stderr.write(`Could not sync ${label}: ${explainDomainError(result.error)}\n`);
    }
  }
  // Datasets a sync made public need no access request any more: those close, requesters are told.
  if (results.some((r) => r.ok && r.summary.added + r.summary.updated > 0))
    await accessModule.jobs.afterSync(ctx.deps, ctx.communityId, ctx.deps.clock.now());
  // Watchers get one DM per sync and champions the new data that may answer open problems, through
  // the outbox: the running bot delivers them.
  for (const result of results)
    if (result.ok)
      await watchesModule.jobs.afterSync(ctx.deps, {
        communityId: ctx.communityId,
        runId: result.summary.runId,
      });
  if (failed > 0) throw new CatalogCliError(`${failed} of ${results.length} catalogs could not be synced.`);
}
