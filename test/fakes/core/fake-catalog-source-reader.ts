import { CatalogSourceError, type CatalogSourceErrorCode } from "../../../src/catalog-sources/index.js";
import type { CatalogKind, NormalizedDataset } from "../../../src/core/catalog/dataset.js";
import type {
  CatalogReadProgress,
  CatalogRecord,
  CatalogSourceReader,
} from "../../../src/core/ports/catalog-source.js";

type Published =
  | {
      kind: CatalogKind;
      records: CatalogRecord[];
      failAfter?: { count: number; code: CatalogSourceErrorCode };
    }
  | { failure: CatalogSourceErrorCode };

/**
 * Catalogs "published" at made-up locations. Failures are the real CatalogSourceError, so core
 * tests exercise exactly what the real reader throws.
 */
export class FakeCatalogSourceReader implements CatalogSourceReader {
  private readonly published = new Map<string, Published>();
  /** Locations read, in order (resync tests check which sources were touched). */
  readonly reads: string[] = [];

  publish(location: string, kind: CatalogKind, items: readonly (NormalizedDataset | CatalogRecord)[]): void {
    const records = items.map((item): CatalogRecord => ("ok" in item ? item : { ok: true, dataset: item }));
    this.published.set(location, { kind, records });
  }

  /** The location cannot be read at all. */
  fail(location: string, code: CatalogSourceErrorCode): void {
    this.published.set(location, { failure: code });
  }

  /** The location is detected fine but the read breaks after `count` records. */
  breakAfter(location: string, count: number, code: CatalogSourceErrorCode): void {
    const current = this.published.get(location);
    if (!current || "failure" in current) throw new Error(`publish ${location} first`);
    this.published.set(location, { ...current, failAfter: { count, code } });
  }

  async detectKind(location: string): Promise<CatalogKind> {
    const entry = this.entry(location);
    if ("failure" in entry) throw failure(entry.failure, location);
    return entry.kind;
  }

  async *read(
    location: string,
    _kind: CatalogKind,
    onProgress?: (progress: CatalogReadProgress) => void,
  ): AsyncGenerator<CatalogRecord> {
    this.reads.push(location);
    const entry = this.entry(location);
    if ("failure" in entry) throw failure(entry.failure, location);
    let read = 0;
    for (const record of entry.records) {
      if (entry.failAfter && read === entry.failAfter.count) throw failure(entry.failAfter.code, location);
      read += 1;
      onProgress?.({ records: read, total: entry.records.length });
      yield record;
    }
  }

  private entry(location: string): Published {
    return this.published.get(location) ?? { failure: "not_found" };
  }
}

function failure(code: CatalogSourceErrorCode, location: string): CatalogSourceError {
  return new CatalogSourceError(code, location, `Fake source ${location} failed with ${code}.`);
}
