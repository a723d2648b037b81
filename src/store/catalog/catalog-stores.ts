import type { Clock } from "../../core/ports/clock.js";
import type { SqlExecutor } from "../sql-executor.js";
import { SqlCatalogStore } from "./sql-catalog-store.js";
import { SqlDatasetSearch } from "./sql-dataset-search.js";
import { SqlMetadataGapStore } from "./sql-metadata-gap-store.js";
import { SqlUsageNoteStore } from "./sql-usage-note-store.js";

/** The catalog ports of CoreDeps over one database, for main.ts, the CLI, benches and tests. */
export function createCatalogStores(sql: SqlExecutor, clock: Clock) {
  return {
    catalogs: new SqlCatalogStore(sql),
    usageNotes: new SqlUsageNoteStore(sql),
    metadataGaps: new SqlMetadataGapStore(sql, clock),
    datasetSearch: new SqlDatasetSearch(sql),
  };
}
