import type { CatalogKind } from "../core/catalog/dataset.js";
import type {
  CatalogReadProgress,
  CatalogRecord,
  CatalogSourceReader,
  KnownRecords,
} from "../core/ports/catalog-source.js";
import type { CatalogFormat, MappingContext } from "./catalog-format.js";
import { ckanFormat } from "./ckan.js";
import { dcatUsFormat } from "./dcat-us.js";
import { detectCatalogKind } from "./detect-kind.js";
import { type RawItem, readRawRecords } from "./record-stream.js";
import { socrataFormat } from "./socrata.js";
import { sourceHash } from "./source-hash.js";
import type { SourceOptions } from "./source-location.js";

/**
 * Entry point of the catalog importers: implements the core's CatalogSourceReader port for
 * DCAT-US data.json, CKAN (package_search pages or JSONL dumps) and the Socrata Discovery API.
 */
export {
  CatalogSourceError,
  type CatalogSourceErrorCode,
  isCatalogSourceError,
} from "./catalog-source-error.js";
export { defaultSourceOptions } from "./source-location.js";
export { toPlainText } from "./text.js";

export type CatalogSourceReaderOptions = SourceOptions;

const formats: Readonly<Record<CatalogKind, CatalogFormat>> = {
  dcat: dcatUsFormat,
  ckan: ckanFormat,
  socrata: socrataFormat,
};

export function createCatalogSourceReader(options: CatalogSourceReaderOptions = {}): CatalogSourceReader {
  return {
    detectKind: (location) => detectCatalogKind(location, options),
    read: (location, kind, onProgress, known) =>
      readCatalog(location, formats[kind], options, onProgress, known),
  };
}

/** Raw records asked about at once when the store knows what it holds (KnownRecords). */
const KNOWN_BATCH = 500;

/**
 * Yields one CatalogRecord per raw record. `position` is the 1-based ordinal of the record in
 * the source across pages (the line number for a JSONL dump without blank lines). A record
 * that fails validation is yielded as `{ ok: false }` and reading goes on; only source-level
 * failures (CatalogSourceError) end the iteration. Given `known`, raw records are read a batch
 * at a time and those the store holds from the same bytes come out as `known`, unchecked:
 * validating and normalising was most of a resync's time, and a resync mostly finds no change.
 */
async function* readCatalog(
  location: string,
  format: CatalogFormat,
  options: SourceOptions,
  onProgress?: (progress: CatalogReadProgress) => void,
  known?: KnownRecords,
): AsyncGenerator<CatalogRecord> {
  const context: MappingContext = { portalUrl: portalUrlOf(location) };
  const progress: CatalogReadProgress = { records: 0, total: null };
  let reportedTotal: number | null = null;
  const onTotal = (total: number) => {
    progress.total = total;
  };
  const toRecord = (item: RawItem, position: number, stored: Map<string, string>): CatalogRecord => {
    if ("problem" in item) return { ok: false, position, key: null, problem: item.problem };
    const { key, sourceHash } = identify(item, format, context.portalUrl);
    const contentHash = key === null ? undefined : stored.get(key);
    if (key !== null && contentHash !== undefined) return { ok: "known", key, contentHash, sourceHash };
    const result = format.normalise(item.value, context);
    return result.ok
      ? { ok: true, dataset: result.dataset, sourceHash }
      : { ok: false, position, key: result.key, problem: result.problem };
  };
  const noneStored = new Map<string, string>();
  /** Asks the store about a batch; the answer is awaited only once the batch before it is out. */
  const ask = (items: RawItem[]) => {
    const asked = items.flatMap((item) => {
      if ("problem" in item) return [];
      const { key, sourceHash } = identify(item, format, context.portalUrl);
      return key === null ? [] : [{ key, sourceHash }];
    });
    const stored = known && asked.length > 0 ? known.match(asked) : Promise.resolve(noneStored);
    // Awaited below; until then a failure must not count as unhandled.
    stored.catch(() => undefined);
    return { items, stored };
  };
  async function* emit(
    items: readonly RawItem[],
    stored: Map<string, string>,
  ): AsyncGenerator<CatalogRecord> {
    for (const item of items) {
      progress.records += 1;
      const record = toRecord(item, progress.records, stored);
      // Report before yielding: a consumer that stops early has still seen this record counted.
      onProgress?.({ ...progress });
      reportedTotal = progress.total;
      yield record;
    }
  }
  // With `known`, the store's answer for one batch is on its way while the batch before it is
  // consumed (staged): the lookup is a round trip per batch that would otherwise stall reading.
  let batch: RawItem[] = [];
  let pending: ReturnType<typeof ask> | null = null;
  for await (const item of readRawRecords(location, format.reading, options, onTotal)) {
    if (!known) {
      yield* emit([item], noneStored);
      continue;
    }
    batch.push(item);
    if (batch.length < KNOWN_BATCH) continue;
    const next = ask(batch);
    batch = [];
    if (pending) yield* emit(pending.items, await pending.stored);
    pending = next;
  }
  if (pending) yield* emit(pending.items, await pending.stored);
  if (batch.length > 0) yield* emit(batch, await ask(batch).stored);
  // Socrata announces `resultSetSize` after the results; make sure the caller hears it.
  if (progress.total !== reportedTotal) onProgress?.({ ...progress });
}

/** A parsed record's best-effort key and source hash, worked out once per record. */
const identified = new WeakMap<object, { key: string | null; sourceHash: string }>();
function identify(
  item: Extract<RawItem, { value: unknown }>,
  format: CatalogFormat,
  portalUrl: string | null,
) {
  const memo = identified.get(item);
  if (memo) return memo;
  const found = { key: format.keyOf(item.value), sourceHash: sourceHash(format.kind, portalUrl, item.bytes) };
  identified.set(item, found);
  return found;
}

/** `https://host/data/api/3/action/package_search` → `https://host/data`; files → null. */
function portalUrlOf(location: string): string | null {
  if (!/^https?:\/\//i.test(location.trim())) return null;
  try {
    const url = new URL(location.trim());
    const apiAt = url.pathname.indexOf("/api/");
    return apiAt === -1 ? null : `${url.origin}${url.pathname.slice(0, apiAt)}`;
  } catch {
    return null;
  }
}
