import type { CatalogDataset } from "./dataset-search.js";

/**
 * A current dataset by its datadesk id. Buttons carry ids (the answer card's "Request access"),
 * and requests keep them; DatasetSearch only finds datasets by the catalog's own key. It could
 * become a `findById` on DatasetSearch; it is a port of its own so access requests need no change
 * to the search port.
 */
export interface DatasetLookup {
  /** The dataset if it belongs to the community and is not removed, else null. */
  byId(communityId: string, datasetId: string): Promise<CatalogDataset | null>;
}
