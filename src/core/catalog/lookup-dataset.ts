import { z } from "zod";
import type { CatalogDataset, DatasetSearch, DatasetSuggestion } from "../ports/dataset-search.js";
import { parseCatalogInput } from "./parse-catalog-input.js";

export const lookupDatasetInputSchema = z.object({
  /** A catalog key (or a Socrata id inside a DCAT identifier URL) or a title, as typed or autocompleted. */
  name: z.string().trim().min(1).max(200),
});
export type LookupDatasetInput = z.input<typeof lookupDatasetInputSchema>;

/** At most what Discord and Slack show as suggestions. */
export const MAX_SUGGESTIONS = 25;

/**
 * The `dataset` command: one dataset by its key (what autocomplete sends) or, for a typed
 * title, the closest title (trigram similarity, so "food inspection" and "Food Inspections"
 * both work). Null when nothing is close.
 */
export async function lookupDataset(
  deps: { datasetSearch: DatasetSearch },
  rawInput: LookupDatasetInput,
  communityId: string,
): Promise<CatalogDataset | null> {
  const { name } = parseCatalogInput(lookupDatasetInputSchema, rawInput);
  const byKey = await deps.datasetSearch.findByKey(communityId, name, null);
  if (byKey) return byKey;
  const [closest] = await deps.datasetSearch.suggestTitles(communityId, name, 1);
  return closest ? deps.datasetSearch.findByKey(communityId, closest.key, closest.catalog) : null;
}

/** Titles for autocomplete as the person types (prefix matches first, then similar titles). */
export async function suggestDatasets(
  deps: { datasetSearch: DatasetSearch },
  text: string,
  communityId: string,
): Promise<DatasetSuggestion[]> {
  return deps.datasetSearch.suggestTitles(communityId, text.trim().slice(0, 100), MAX_SUGGESTIONS);
}
