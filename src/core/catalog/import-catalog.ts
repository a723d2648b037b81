import { z } from "zod";
import type { CatalogReadProgress, CatalogSourceReader } from "../ports/catalog-source.js";
import type { CatalogStore, CatalogSyncSummary } from "../ports/catalog-store.js";
import type { Clock } from "../ports/clock.js";
import { withSourceFailuresExplained } from "./catalog-source-failure.js";
import { type CatalogKind, catalogKindSchema } from "./dataset.js";
import { parseCatalogInput } from "./parse-catalog-input.js";
import { requireDatasets } from "./require-datasets.js";

/** A year: anything longer is a typo, and Postgres' integer column stays far from overflow. */
export const MAX_SYNC_INTERVAL_MINUTES = 525_600;

export const importCatalogInputSchema = z.object({
  communityId: z.string().min(1),
  /** A file path, a file: URL or an http(s) URL. */
  location: z.string().trim().min(1).max(2000),
  /** Detected from the content when omitted. */
  kind: catalogKindSchema.optional(),
  /** Defaults to the file's base name without extension, or the URL's host. */
  name: z.string().trim().min(1).max(100).optional(),
  /** The source's own resync interval; 0 means on demand only. Omitted keeps the current one. */
  syncIntervalMinutes: z.number().int().min(0).max(MAX_SYNC_INTERVAL_MINUTES).optional(),
});
export type ImportCatalogInput = z.input<typeof importCatalogInputSchema>;

export interface ImportCatalogDeps {
  catalogs: CatalogStore;
  catalogSources: CatalogSourceReader;
  clock: Clock;
}

export interface ImportCatalogResult {
  name: string;
  kind: CatalogKind;
  location: string;
  summary: CatalogSyncSummary;
}

/**
 * Imports (or re-imports) a published catalog into a community. The whole import is one
 * transaction in the store: a source that cannot be read (404, not JSON, not a catalog) ends
 * as one `DomainError` explaining it, and the database is as it was.
 */
export async function importCatalog(
  deps: ImportCatalogDeps,
  rawInput: ImportCatalogInput,
  options: { onProgress?: (progress: CatalogReadProgress) => void } = {},
): Promise<ImportCatalogResult> {
  const input = parseCatalogInput(importCatalogInputSchema, rawInput);
  const name = input.name ?? defaultCatalogName(input.location);
  return withSourceFailuresExplained(async () => {
    const kind = input.kind ?? (await deps.catalogSources.detectKind(input.location));
    const target = {
      communityId: input.communityId,
      name,
      kind,
      location: input.location,
      syncIntervalMinutes: input.syncIntervalMinutes ?? null,
    };
    const records = requireDatasets(
      deps.catalogSources.read(
        input.location,
        kind,
        options.onProgress,
        deps.catalogs.knownRecords?.(target),
      ),
      input.location,
    );
    const summary = await deps.catalogs.syncCatalog(target, records, deps.clock.now());
    return { name, kind, location: input.location, summary };
  });
}

/**
 * "https://data.cityofchicago.org/data.json" → "data.cityofchicago.org";
 * "/catalogs/fort-collins.json" → "fort-collins". Written without node:path: the core stays
 * free of I/O modules, and Windows separators are handled too.
 */
export function defaultCatalogName(location: string): string {
  const trimmed = location.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      return new URL(trimmed).host;
    } catch {
      // Not a parseable URL: fall through and name it like a path.
    }
  }
  const withoutQuery = trimmed.replace(/^file:\/\//i, "").replace(/[?#].*$/, "");
  const base =
    withoutQuery
      .split(/[\\/]/)
      .filter((part) => part !== "")
      .at(-1) ?? withoutQuery;
  const dot = base.lastIndexOf(".");
  const name = dot > 0 ? base.slice(0, dot) : base;
  return (name || "catalog").slice(0, 100);
}
