import type { DatasetLookup } from "../../core/access/ports.js";
import type { CatalogDataset, DatasetSearch } from "../../core/ports/dataset-search.js";
import type { SqlExecutor } from "../sql-executor.js";
import { isUuid } from "../time-ordered-id.js";

/**
 * A current dataset by its datadesk id: the id gives the catalog key and source, and the search
 * port's own findByKey builds the dataset, so a request shows exactly what the answer card showed.
 */
export class SqlDatasetLookup implements DatasetLookup {
  constructor(
    private readonly sql: Pick<SqlExecutor, "query">,
    private readonly search: Pick<DatasetSearch, "findByKey">,
  ) {}

  async byId(communityId: string, datasetId: string): Promise<CatalogDataset | null> {
    if (!isUuid(communityId) || !isUuid(datasetId)) return null;
    const [row] = await this.sql.query<{ key: string; catalog: string }>(
      `SELECT d."key", s."name" AS "catalog" FROM "Dataset" d JOIN "CatalogSource" s ON s."id" = d."sourceId"
        WHERE d."id" = $2::uuid AND s."communityId" = $1::uuid AND d."removedAt" IS NULL`,
      [communityId, datasetId],
    );
    if (!row) return null;
    const found = await this.search.findByKey(communityId, row.key, row.catalog);
    return found?.id === datasetId ? found : null;
  }
}
