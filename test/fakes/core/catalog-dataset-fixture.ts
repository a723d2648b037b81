import type { CatalogDataset } from "../../../src/core/ports/dataset-search.js";
import { datasetFixture } from "./dataset-fixture.js";

/** A dataset as the search returns it, every field set, for answer-logic tests. */
export function catalogDatasetFixture(overrides: Partial<CatalogDataset> & { key: string }): CatalogDataset {
  const { descriptionText: _text, extras: _extras, ...normalized } = datasetFixture({ key: overrides.key });
  return { id: `id-${overrides.key}`, catalog: "city", ...normalized, ...overrides };
}
