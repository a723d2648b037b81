import { z } from "zod";
import type { CatalogSourceReader } from "../ports/catalog-source.js";
import type { CatalogSourceSummary, CatalogStore, CatalogSyncSummary } from "../ports/catalog-store.js";
import type { Clock } from "../ports/clock.js";
import { DomainError, isDomainError } from "../shared/domain-error.js";
import { withSourceFailuresExplained } from "./catalog-source-failure.js";
import { parseCatalogInput } from "./parse-catalog-input.js";
import { requireDatasets } from "./require-datasets.js";

export const syncCatalogInputSchema = z.object({
  communityId: z.string().min(1),
  /** One source by name; every source of the community when omitted. */
  name: z.string().trim().min(1).max(100).optional(),
});
export type SyncCatalogInput = z.input<typeof syncCatalogInputSchema>;

export interface SyncCatalogDeps {
  catalogs: CatalogStore;
  catalogSources: CatalogSourceReader;
  clock: Clock;
}

export type SourceSyncResult =
  | { source: CatalogSourceSummary; ok: true; summary: CatalogSyncSummary }
  | { source: CatalogSourceSummary; ok: false; error: DomainError };

/**
 * Re-reads catalogs from where they were imported. One named source fails loudly (one clear
 * DomainError); "sync everything" goes on past a source that cannot be read and reports each
 * one, because one portal being down must not hold the others back.
 */
export async function syncCatalog(
  deps: SyncCatalogDeps,
  rawInput: SyncCatalogInput,
): Promise<SourceSyncResult[]> {
  const input = parseCatalogInput(syncCatalogInputSchema, rawInput);
  if (input.name !== undefined) {
    const source = await deps.catalogs.findSource(input.communityId, input.name);
    if (!source) throw new DomainError("not_found", "catalogAdmin:catalogNotFound", { name: input.name });
    return [{ source, ok: true, summary: await syncCatalogSource(deps, source) }];
  }
  const sources = await deps.catalogs.listSources({ communityId: input.communityId });
  const results: SourceSyncResult[] = [];
  for (const source of sources) results.push(await syncCatalogSourceReporting(deps, source));
  return results;
}

/** Resyncs one known source from its stored location and kind. */
export function syncCatalogSource(
  deps: SyncCatalogDeps,
  source: CatalogSourceSummary,
): Promise<CatalogSyncSummary> {
  return withSourceFailuresExplained(() => {
    const target = {
      communityId: source.communityId,
      name: source.name,
      kind: source.kind,
      location: source.location,
      syncIntervalMinutes: null,
    };
    return deps.catalogs.syncCatalog(
      target,
      requireDatasets(
        deps.catalogSources.read(
          source.location,
          source.kind,
          undefined,
          deps.catalogs.knownRecords?.(target),
        ),
        source.location,
      ),
      deps.clock.now(),
    );
  });
}

/** Like syncCatalogSource, but a source failure is a result, not a rejection. */
export async function syncCatalogSourceReporting(
  deps: SyncCatalogDeps,
  source: CatalogSourceSummary,
): Promise<SourceSyncResult> {
  try {
    return { source, ok: true, summary: await syncCatalogSource(deps, source) };
  } catch (error) {
    if (isDomainError(error)) return { source, ok: false, error };
    throw error;
  }
}
