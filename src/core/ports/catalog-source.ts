import type { CatalogKind, NormalizedDataset } from "../catalog/dataset.js";

/**
 * One record read from a catalog: a dataset, a record the store already holds (read from the
 * same bytes, see KnownRecords: it is not checked or normalised again), or the reason it was
 * skipped. `sourceHash` names the bytes a record was read from, when the reader knows them.
 */
export type CatalogRecord =
  | { ok: true; dataset: NormalizedDataset; sourceHash?: string }
  | { ok: "known"; key: string; contentHash: string; sourceHash: string }
  | { ok: false; position: number; key: string | null; problem: string };

/**
 * What a store already holds of a catalog, asked by the reader a batch at a time: a resync of
 * a 300k-dataset portal where 1% changed should not validate and normalise the other 99% again.
 */
export interface KnownRecords {
  /** Of these records (best-effort key, hash of their bytes), those stored from the same bytes: key → content hash. */
  match(records: readonly { key: string; sourceHash: string }[]): Promise<Map<string, string>>;
}

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
    known?: KnownRecords,
  ): AsyncIterable<CatalogRecord>;
}
