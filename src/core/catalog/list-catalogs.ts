import { z } from "zod";
import type { CatalogSourceSummary, CatalogStore } from "../ports/catalog-store.js";
import { parseCatalogInput } from "./parse-catalog-input.js";
import { nextResyncAt, resyncIntervalMinutes } from "./resync-schedule.js";

export const listCatalogsInputSchema = z.object({
  communityId: z.string().min(1),
  /** The community default interval (DATADESK_CATALOG_SYNC_MINUTES), to say when each resyncs next. */
  defaultSyncIntervalMinutes: z.number().int().min(0),
});
export type ListCatalogsInput = z.input<typeof listCatalogsInputSchema>;

export interface CatalogListing extends CatalogSourceSummary {
  /** Effective minutes between scheduled resyncs; null when on demand only. */
  resyncEveryMinutes: number | null;
  nextResyncAt: Date | null;
}

/** The community's catalogs by name: kind, location, dataset count, last run and next resync. */
export async function listCatalogs(
  deps: { catalogs: CatalogStore },
  rawInput: ListCatalogsInput,
): Promise<CatalogListing[]> {
  const input = parseCatalogInput(listCatalogsInputSchema, rawInput);
  const sources = await deps.catalogs.listSources({ communityId: input.communityId });
  return sources
    .map((source) => ({
      ...source,
      resyncEveryMinutes: resyncIntervalMinutes(source, input.defaultSyncIntervalMinutes),
      nextResyncAt: nextResyncAt(source, input.defaultSyncIntervalMinutes),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
