import { RECORD_COLUMNS } from "./catalog-sync-stage.js";

/* The merge half of a catalog sync in SQL: staged records into datasets, what each change changed, removals, stale rows. */

/** The distinct formats of a distributions array, sorted, so "formats changed" ignores order. */
export const formatsOf = (column: string) =>
  `ARRAY(SELECT DISTINCT upper(e->>'format') FROM jsonb_array_elements(${column}) e WHERE e->>'format' IS NOT NULL ORDER BY 1)`;

/**
 * Every part of a WITH sees the snapshot from before the statement, so `old` holds the previous
 * values of the rows the upsert changes: what changed in an updated dataset (modified, formats,
 * license, description) is told apart here and recorded with the change, for its watchers.
 */
export const MERGE_CHANGED = `
WITH old AS (
  SELECT d."key", d."modified", d."licenseId", d."licenseTitle", d."description", ${formatsOf('d."distributions"')} AS "formats"
    FROM "Dataset" d
   WHERE d."sourceId" = $2::uuid
     AND d."key" IN (SELECT s."key" FROM "CatalogSyncStage" s WHERE s."stageId" = $1::uuid AND s."payload" IS NOT NULL)
), changed AS (
  INSERT INTO "Dataset" ("id", "sourceId", "key", "title", "description", "descriptionText", "keywords", "themes",
    "publisher", "contactName", "contactEmail", "licenseId", "licenseTitle", "licenseUrl", "issued", "modified",
    "accrualPeriodicity", "accessLevel", "landingPage", "distributions", "columns", "extras", "sourceUsageNotes",
    "contentHash", "sourceHash", "searchHead", "search", "firstSeenAt", "updatedAt")
  SELECT gen_random_uuid(), $2::uuid, r."key", r."title", r."description", r."descriptionText", r."keywords", r."themes",
    r."publisher", r."contactName", r."contactEmail", r."licenseId", r."licenseTitle", r."licenseUrl", r."issued", r."modified",
    r."accrualPeriodicity", r."accessLevel", r."landingPage", r."distributions", r."columns", r."extras", r."sourceUsageNotes",
    r."contentHash", r."sourceHash", s."searchHead", s."search", $3::timestamptz, $3::timestamptz
  FROM "CatalogSyncStage" s CROSS JOIN LATERAL jsonb_to_record(s."payload") AS ${RECORD_COLUMNS}
  WHERE s."stageId" = $1::uuid AND s."payload" IS NOT NULL
  ON CONFLICT ("sourceId", "key") DO UPDATE SET
    "title" = EXCLUDED."title", "description" = EXCLUDED."description", "descriptionText" = EXCLUDED."descriptionText",
    "keywords" = EXCLUDED."keywords", "themes" = EXCLUDED."themes", "publisher" = EXCLUDED."publisher",
    "contactName" = EXCLUDED."contactName", "contactEmail" = EXCLUDED."contactEmail", "licenseId" = EXCLUDED."licenseId",
    "licenseTitle" = EXCLUDED."licenseTitle", "licenseUrl" = EXCLUDED."licenseUrl", "issued" = EXCLUDED."issued",
    "modified" = EXCLUDED."modified", "accrualPeriodicity" = EXCLUDED."accrualPeriodicity",
    "accessLevel" = EXCLUDED."accessLevel", "landingPage" = EXCLUDED."landingPage",
    "distributions" = EXCLUDED."distributions", "columns" = EXCLUDED."columns", "extras" = EXCLUDED."extras",
    "sourceUsageNotes" = EXCLUDED."sourceUsageNotes", "contentHash" = EXCLUDED."contentHash",
    "sourceHash" = EXCLUDED."sourceHash",
    "searchHead" = EXCLUDED."searchHead", "search" = EXCLUDED."search", "removedAt" = NULL, "updatedAt" = EXCLUDED."updatedAt"
  WHERE "Dataset"."contentHash" IS DISTINCT FROM EXCLUDED."contentHash" OR "Dataset"."removedAt" IS NOT NULL
  RETURNING "id", "key", (xmax = 0) AS "inserted", "modified", "licenseId", "licenseTitle", "description",
    ${formatsOf('"distributions"')} AS "formats"
), recorded AS (
  INSERT INTO "SyncRunChange" ("id", "runId", "datasetId", "change", "fields")
  SELECT gen_random_uuid(), $4::uuid, c."id", (CASE WHEN c."inserted" THEN 'added' ELSE 'updated' END)::"DatasetChange",
    CASE WHEN c."inserted" THEN ARRAY[]::text[] ELSE array_remove(ARRAY[
      CASE WHEN o."modified" IS DISTINCT FROM c."modified" THEN 'modified' END,
      CASE WHEN o."formats" IS DISTINCT FROM c."formats" THEN 'formats' END,
      CASE WHEN (o."licenseId", o."licenseTitle") IS DISTINCT FROM (c."licenseId", c."licenseTitle") THEN 'license' END,
      CASE WHEN o."description" IS DISTINCT FROM c."description" THEN 'description' END
    ], NULL) END
    FROM changed c LEFT JOIN old o ON o."key" = c."key"
  RETURNING "change"
)
SELECT count(*) FILTER (WHERE "change" = 'added')::int AS "added",
       count(*) FILTER (WHERE "change" = 'updated')::int AS "updated"
  FROM recorded`;

export const MERGE_REMOVED = `
WITH removed AS (
  UPDATE "Dataset" d SET "removedAt" = $2::timestamptz, "updatedAt" = $2::timestamptz
   WHERE d."sourceId" = $1::uuid AND d."removedAt" IS NULL
     AND NOT EXISTS (SELECT 1 FROM "CatalogSyncStage" s WHERE s."stageId" = $3::uuid AND s."key" = d."key")
  RETURNING d."id"
), recorded AS (
  INSERT INTO "SyncRunChange" ("id", "runId", "datasetId", "change")
  SELECT gen_random_uuid(), $4::uuid, "id", 'removed'::"DatasetChange" FROM removed
  RETURNING 1
)
SELECT count(*)::int AS "removed" FROM recorded`;

/**
 * Unchanged datasets read from other bytes than last time (reordered keywords, a new
 * normalisation version): their new source hash lets the next resync skip them. Records the
 * reader found known are staged without a source hash, so only these are joined. No vector or
 * watched column changes, so the triggers leave these rows alone.
 */
export const MERGE_SOURCE_HASHES = `
UPDATE "Dataset" d SET "sourceHash" = s."sourceHash"
  FROM "CatalogSyncStage" s
 WHERE s."stageId" = $1::uuid AND s."payload" IS NULL AND s."sourceHash" IS NOT NULL
   AND d."sourceId" = $2::uuid AND d."key" = s."key" AND d."sourceHash" IS DISTINCT FROM s."sourceHash"`;

/**
 * Records staged as unchanged that another sync of the same source changed since: merging ours
 * would keep its version under our file's name. Only counted when such a sync finished.
 */
export const STALE_UNCHANGED = `
SELECT count(*)::int AS "stale" FROM "CatalogSyncStage" s
  JOIN "Dataset" d ON d."sourceId" = $2::uuid AND d."key" = s."key"
 WHERE s."stageId" = $1::uuid AND s."payload" IS NULL
   AND (d."contentHash" IS DISTINCT FROM s."contentHash" OR d."removedAt" IS NOT NULL)`;

/** What the stage half found, for the merge half. */
