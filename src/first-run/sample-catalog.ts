import { join } from "node:path";
import type { SampleCatalogOffer } from "../adapters/console/sample-catalog-offer.js";
import type { CoreDeps } from "../core/bot/core-deps.js";
import { importCatalog } from "../core/catalog/import-catalog.js";

/**
 * The sample catalog shipped in samples/ (see samples/README.md for its source): 20 datasets of
 * Fort Collins' real Socrata catalog. The name says "sample" wherever catalogs are listed.
 */
export const SAMPLE_CATALOG_NAME = "sample-fort-collins";

/** From src/first-run and from dist/first-run alike, samples/ sits two levels up. */
export const sampleCatalogPath = join(import.meta.dirname, "..", "..", "samples", "fort-collins-sample.json");

export function sampleCatalogOffer(deps: CoreDeps, community: () => Promise<string>): SampleCatalogOffer {
  return {
    name: SAMPLE_CATALOG_NAME,
    async applies() {
      return (await deps.catalogs.listSources({ communityId: await community() })).length === 0;
    },
    async load() {
      const result = await importCatalog(deps, {
        communityId: await community(),
        location: sampleCatalogPath,
        name: SAMPLE_CATALOG_NAME,
        kind: "socrata",
        // The file ships with this version and never changes: no scheduled resync.
        syncIntervalMinutes: 0,
      });
      const { added, updated, unchanged } = result.summary;
      return { datasets: added + updated + unchanged };
    },
  };
}
