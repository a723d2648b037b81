import path from "node:path";
import { createCatalogSourceReader } from "../../src/catalog-sources/index.js";
import type { CatalogKind } from "../../src/core/catalog/dataset.js";
import { writeCatalogSync } from "../../src/store/catalog/catalog-sync-writer.js";
import type { SqlExecutor } from "../../src/store/sql-executor.js";

/**
 * The real catalogs the dev question sets are about (the shared set's three, and the two ArcGIS
 * Hub catalogs of bench/questions/arcgis-hub-dev.jsonl), loaded through the same reader and
 * sync writer production uses. The catalog source is named after its file, so a question's
 * `catalog` value scopes the search exactly like `datadesk ask --catalog NAME` would.
 * Tests, the answer eval and the latency bench share this, run from the repository root.
 */
export const realCatalogsDir = path.resolve(process.cwd(), "../shared/catalogs");

export const questionCatalogs: readonly { file: string; kind: CatalogKind }[] = [
  { file: "chicago-il-data-2020-07-22.json", kind: "dcat" },
  { file: "fort-collins-co-socrata-catalog-api.json", kind: "socrata" },
  { file: "sandiego-sdrdl-ckan-datasets.jsonl", kind: "ckan" },
  { file: "philadelphia-pa-arcgis-hub-2022-04-17.json", kind: "dcat" },
  { file: "minneapolis-mn-arcgis-hub-2022-04-17.json", kind: "dcat" },
];

/** Every catalog in ../shared/catalogs, with its kind: the question catalogs plus the older Chicago snapshot and Birmingham's sample. */
export const sharedCatalogs: readonly [file: string, kind: CatalogKind][] = [
  ["chicago-il-data-2020-04-14.json", "dcat"],
  ["chicago-il-data-2020-07-22.json", "dcat"],
  ["fort-collins-co-socrata-catalog-api.json", "socrata"],
  ["sandiego-sdrdl-ckan-datasets.jsonl", "ckan"],
  ["birmingham-uk-ckan-package_search-sample.json", "ckan"],
  ["philadelphia-pa-arcgis-hub-2022-04-17.json", "dcat"],
  ["minneapolis-mn-arcgis-hub-2022-04-17.json", "dcat"],
];

/** Imports the catalogs (all of them by default) into the community; returns the community id. */
export async function loadQuestionCatalogs(
  sql: SqlExecutor,
  options: { files?: readonly string[] } = {},
): Promise<string> {
  const [community] = await sql.query<{ id: string }>(
    `SELECT "id" FROM "Community" ORDER BY "createdAt" LIMIT 1`,
  );
  if (!community) throw new Error("no community: open the database with a default community first");
  const reader = createCatalogSourceReader();
  for (const catalog of questionCatalogs) {
    if (options.files && !options.files.includes(catalog.file)) continue;
    const location = path.join(realCatalogsDir, catalog.file);
    await writeCatalogSync(
      sql,
      { communityId: community.id, name: catalog.file, kind: catalog.kind, location },
      reader.read(location, catalog.kind),
      new Date("2023-06-01T00:00:00Z"),
    );
  }
  return community.id;
}

/**
 * One shared catalog file synced into the community's source `name` (a resync when it exists)
 * as of `when`: how the watch tests step a catalog from one snapshot to the next.
 */
export function syncSharedCatalog(
  sql: SqlExecutor,
  source: { communityId: string; name: string; kind?: CatalogKind },
  file: string,
  when: string | Date,
) {
  const location = path.join(realCatalogsDir, file);
  const kind = source.kind ?? "dcat";
  return writeCatalogSync(
    sql,
    { communityId: source.communityId, name: source.name, kind, location },
    createCatalogSourceReader().read(location, kind),
    new Date(when),
  );
}
