import type { CatalogKind } from "../core/catalog/dataset.js";
import type {
  CatalogReadProgress,
  CatalogRecord,
  CatalogSourceReader,
} from "../core/ports/catalog-source.js";
import type { CatalogFormat, MappingContext } from "./catalog-format.js";
import { ckanFormat } from "./ckan.js";
import { dcatUsFormat } from "./dcat-us.js";
import { detectCatalogKind } from "./detect-kind.js";
import { readRawRecords } from "./record-stream.js";
import { socrataFormat } from "./socrata.js";
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
    read: (location, kind, onProgress) => readCatalog(location, formats[kind], options, onProgress),
  };
}

/**
 * Yields one CatalogRecord per raw record. `position` is the 1-based ordinal of the record in
 * the source across pages (the line number for a JSONL dump without blank lines). A record
 * that fails validation is yielded as `{ ok: false }` and reading goes on; only source-level
 * failures (CatalogSourceError) end the iteration.
 */
async function* readCatalog(
  location: string,
  format: CatalogFormat,
  options: SourceOptions,
  onProgress?: (progress: CatalogReadProgress) => void,
): AsyncGenerator<CatalogRecord> {
  const context: MappingContext = { portalUrl: portalUrlOf(location) };
  const progress: CatalogReadProgress = { records: 0, total: null };
  let reportedTotal: number | null = null;
  const onTotal = (total: number) => {
    progress.total = total;
  };
  for await (const item of readRawRecords(location, format.reading, options, onTotal)) {
    progress.records += 1;
    const position = progress.records;
    let record: CatalogRecord;
    if ("problem" in item) {
      record = { ok: false, position, key: null, problem: item.problem };
    } else {
      const result = format.normalise(item.value, context);
      record = result.ok
        ? { ok: true, dataset: result.dataset }
        : { ok: false, position, key: result.key, problem: result.problem };
    }
    // Report before yielding: a consumer that stops early has still seen this record counted.
    onProgress?.({ ...progress });
    reportedTotal = progress.total;
    yield record;
  }
  // Socrata announces `resultSetSize` after the results; make sure the caller hears it.
  if (progress.total !== reportedTotal) onProgress?.({ ...progress });
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
