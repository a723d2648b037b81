import type { SqlExecutor } from "../src/store/sql-executor.js";

/**
 * Grows a community's catalog to a target size for benches, by copying its real datasets into a
 * "synthetic" source: new keys, titles varied with a place and a year, search vectors extended
 * with the new title words (what the trigger would compute, far faster than running it).
 */
const places = [
  "North",
  "South",
  "East",
  "West",
  "Central",
  "Downtown",
  "Riverside",
  "Lakeview",
  "Hillside",
  "Old Town",
  "Harbor",
  "Midtown",
  "Uptown",
  "Westside",
  "Eastgate",
  "Northfield",
  "Southpark",
  "Bayview",
];

/** Copies real records into the "synthetic" source until the community has `target` datasets. */
export async function growCatalogTo(sql: SqlExecutor, communityId: string, target: number): Promise<void> {
  const [{ count } = { count: 0 }] = await sql.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM "Dataset" d JOIN "CatalogSource" s ON s."id" = d."sourceId" WHERE s."communityId" = $1::uuid`,
    [communityId],
  );
  if (count >= target) return;
  const [source] = await sql.query<{ id: string }>(
    `INSERT INTO "CatalogSource" ("id", "communityId", "name", "kind", "location", "lastSyncedAt")
     VALUES (gen_random_uuid(), $1::uuid, 'synthetic', 'dcat', 'bench', now())
     ON CONFLICT ("communityId", "name") DO UPDATE SET "lastSyncedAt" = now() RETURNING "id"`,
    [communityId],
  );
  // The vector is the template's plus the new title words: what the trigger would compute, far faster.
  await sql.exec(`ALTER TABLE "Dataset" DISABLE TRIGGER "Dataset_search_vector_trg"`);
  await sql.query(
    `WITH templates AS (
       SELECT d.*, row_number() OVER (ORDER BY d."key") AS n, count(*) OVER () AS total
         FROM "Dataset" d JOIN "CatalogSource" s ON s."id" = d."sourceId"
        WHERE s."communityId" = $1::uuid AND s."name" <> 'synthetic'
     ), copies AS (
       SELECT t.*, g AS copy, ($3::text[])[1 + ((g * 7 + t.n) % array_length($3::text[], 1))::int] || ' ' || (1995 + (g + t.n) % 30) AS variant,
              row_number() OVER (ORDER BY g, t.n) AS serial
         FROM templates t, generate_series($4::int, $4::int + CEIL(($5::int - $6::int) / 900.0)::int) AS g
     )
     INSERT INTO "Dataset" ("id", "sourceId", "key", "title", "description", "descriptionText", "keywords", "themes",
       "publisher", "contactName", "contactEmail", "licenseId", "licenseTitle", "licenseUrl", "issued", "modified",
       "accrualPeriodicity", "accessLevel", "landingPage", "distributions", "columns", "extras", "sourceUsageNotes",
       "contentHash", "search", "searchHead")
     SELECT gen_random_uuid(), $2::uuid, c."key" || '#' || ($6::int + c.serial), c."title" || ' — ' || c.variant, c."description",
       c."descriptionText", c."keywords", c."themes", c."publisher", c."contactName", c."contactEmail", c."licenseId",
       c."licenseTitle", c."licenseUrl", c."issued", c."modified", c."accrualPeriodicity", c."accessLevel",
       c."landingPage", c."distributions", c."columns", c."extras", c."sourceUsageNotes", c."contentHash",
       c."search" || setweight(to_tsvector('english', c.variant), 'A'),
       c."searchHead" || setweight(to_tsvector('english', c.variant), 'A')
       FROM copies c
      ORDER BY c.serial
      LIMIT $5::int - $6::int`,
    [communityId, source?.id, places, Math.floor(count / 924) + 1, target, count],
  );
  await sql.exec(`ALTER TABLE "Dataset" ENABLE TRIGGER "Dataset_search_vector_trg"`);
  await sql.exec(`VACUUM ANALYZE "Dataset"`);
}
