import type { Clock } from "../../../src/core/ports/clock.js";
import { FakeCatalogSourceReader } from "./fake-catalog-source-reader.js";
import { InMemoryCatalogStore } from "./in-memory-catalog-store.js";
import { InMemoryDatasetSearch } from "./in-memory-dataset-search.js";

/** The catalog slice of CoreDeps over one in-memory world (plus the fake reader it reads from). */
export function inMemoryCatalogDeps(clock?: Clock) {
  const store = new InMemoryCatalogStore(clock);
  const reader = new FakeCatalogSourceReader();
  return {
    store,
    reader,
    deps: {
      catalogs: store,
      usageNotes: store,
      metadataGaps: store,
      catalogSources: reader,
      datasetSearch: new InMemoryDatasetSearch(store),
    },
  };
}
