import type { CatalogKind, NormalizedDataset } from "../catalog/dataset.js";

/** One record read from a catalog: either a dataset or the reason it was skipped. */
export type CatalogRecord =
  | { ok: true; dataset: NormalizedDataset }
  | { ok: false; position: number; key: string | null; problem: string };

export interface CatalogReadProgress {
  /** Records read so far (valid or not). */
  records: number;
  /** Total records when the source announces it (CKAN `count`, Socrata `resultSetSize`), else null. */
  total: number | null;
}

/**
 * Reads a published catalog (file path or http(s) URL) as a stream of normalised datasets.
 * It exists so the core can import and resync catalogs without knowing file formats or HTTP;
 * implementations live in src/catalog-sources and must stream at bounded memory.
 * A source-level failure (404, not JSON, not a catalog) rejects with a CatalogSourceError;
 * a bad individual record is yielded as `{ ok: false }` and the run goes on.
 */
export interface CatalogSourceReader {
  detectKind(location: string): Promise<CatalogKind>;
  read(
    location: string,
    kind: CatalogKind,
    onProgress?: (progress: CatalogReadProgress) => void,
  ): AsyncIterable<CatalogRecord>;
}
