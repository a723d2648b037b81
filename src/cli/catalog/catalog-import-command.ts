import path from "node:path";
import type { CatalogKind } from "../../core/catalog/dataset.js";
import { defaultCatalogName, importCatalog } from "../../core/catalog/import-catalog.js";
import { type CatalogCliContext, explainingDomainErrors } from "./catalog-cli-context.js";
import { formatSyncSummary } from "./catalog-cli-format.js";
import { createImportProgress } from "./import-progress.js";

export interface CatalogImportOptions {
  kind?: CatalogKind;
  name?: string;
  /** The source's own resync interval in minutes (0 = on demand only). */
  every?: number;
}

/** `datadesk catalog import <file|url> [--kind] [--name] [--every]`. */
export async function catalogImportCommand(
  ctx: CatalogCliContext,
  location: string,
  options: CatalogImportOptions = {},
): Promise<void> {
  const { stdout, stderr } = ctx.streams;
  // Stored as absolute, so a resync from the server (another working directory) finds the file.
  const typed = location.trim();
  const resolved = typed === "" || /^(https?|file):/i.test(typed) ? typed : path.resolve(typed);
  const name = options.name ?? defaultCatalogName(resolved);
  stderr.write(`Importing ${resolved} as "${name}"…\n`);
  const progress = createImportProgress(stderr);
  const result = await explainingDomainErrors(() =>
    importCatalog(
      ctx.deps,
      {
        communityId: ctx.communityId,
        location: resolved,
        name,
        ...(options.kind ? { kind: options.kind } : {}),
        ...(options.every !== undefined ? { syncIntervalMinutes: options.every } : {}),
      },
      { onProgress: (p) => progress.onProgress(p) },
    ).finally(() => progress.finish()),
  );
  stdout.write(
    formatSyncSummary(`Imported "${result.name}" (${result.kind}) from ${result.location}`, result.summary),
  );
}
