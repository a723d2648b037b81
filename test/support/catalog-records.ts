import path from "node:path";
import type { NormalizedDataset } from "../../src/core/catalog/dataset.js";
import type { CatalogRecord } from "../../src/core/ports/catalog-source.js";
import { realCatalogsDir } from "./real-catalogs.js";

/**
 * Helpers for the importers' tests (src/catalog-sources/*.test.ts): what a reader yielded, and a
 * real catalog's path. The real catalogs live beside the clone (`../shared/catalogs`); tests run
 * with the repository root as cwd, locally and in CI.
 */

export function realCatalog(fileName: string): string {
  return path.join(realCatalogsDir, fileName);
}

export async function collect(records: AsyncIterable<CatalogRecord>): Promise<{
  datasets: NormalizedDataset[];
  skipped: Extract<CatalogRecord, { ok: false }>[];
}> {
  const datasets: NormalizedDataset[] = [];
  const skipped: Extract<CatalogRecord, { ok: false }>[] = [];
  for await (const record of records) {
    if (record.ok === true) datasets.push(record.dataset);
    else if (record.ok === false) skipped.push(record);
    else throw new Error(`a known record without KnownRecords: ${record.key}`);
  }
  return { datasets, skipped };
}

export function byKey(datasets: readonly NormalizedDataset[], key: string): NormalizedDataset {
  const found = datasets.find((dataset) => dataset.key === key);
  if (!found) throw new Error(`no dataset with key ${key}`);
  return found;
}
