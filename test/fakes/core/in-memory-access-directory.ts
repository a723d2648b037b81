import type { DatasetLookup, StewardDirectory } from "../../../src/core/access/ports.js";
import type { CatalogDataset } from "../../../src/core/ports/dataset-search.js";
import type { InMemoryCatalogStore } from "./in-memory-catalog-store.js";
import type { InMemoryDatasetSearch } from "./in-memory-dataset-search.js";

/** Stewards named per dataset and people's emails, seeded by tests. */
export class InMemoryStewardDirectory implements StewardDirectory {
  /** `communityId:datasetId` → person ids, in naming order. */
  readonly stewards = new Map<string, string[]>();
  /** `communityId:email (lower case)` → person id. */
  readonly emails = new Map<string, string>();

  async stewardsOf(communityId: string, datasetId: string): Promise<string[]> {
    return [...(this.stewards.get(`${communityId}:${datasetId}`) ?? [])];
  }

  async personIdByEmail(communityId: string, email: string): Promise<string | null> {
    return this.emails.get(`${communityId}:${email.trim().toLowerCase()}`) ?? null;
  }

  /** Test helper: name a steward for a dataset. */
  name(communityId: string, datasetId: string, personId: string): void {
    const key = `${communityId}:${datasetId}`;
    this.stewards.set(key, [...new Set([...(this.stewards.get(key) ?? []), personId])]);
  }

  /** Test helper: a member's email. */
  setEmail(communityId: string, personId: string, email: string): void {
    this.emails.set(`${communityId}:${email.trim().toLowerCase()}`, personId);
  }
}

/** DatasetLookup over the in-memory catalog: the stored dataset by id, as DatasetSearch shows it. */
export class InMemoryDatasetLookup implements DatasetLookup {
  constructor(
    private readonly store: InMemoryCatalogStore,
    private readonly search: InMemoryDatasetSearch,
  ) {}

  async byId(communityId: string, datasetId: string): Promise<CatalogDataset | null> {
    const stored = this.store.datasets.get(datasetId);
    const source = stored ? this.store.sources.get(stored.sourceId) : undefined;
    if (!stored || !source || stored.removedAt || source.communityId !== communityId) return null;
    const found = await this.search.findByKey(communityId, stored.dataset.key, source.name);
    return found?.id === datasetId ? found : null;
  }
}
