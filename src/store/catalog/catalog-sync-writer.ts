import type { CatalogKind, NormalizedDataset } from "../../core/catalog/dataset.js";
import type { CatalogRecord } from "../../core/ports/catalog-source.js";
import type { CatalogSyncSummary, SkippedRecordReport } from "../../core/ports/catalog-store.js";
import type { SqlExecutor } from "../sql-executor.js";
import { contentHash } from "./content-hash.js";

/**
 * Writes one catalog sync: every record of the source in ONE transaction, so a source that
 * fails half-way (truncated file, dropped connection) leaves the previous catalog exactly as it
 * was. Rows are upserted in batches through jsonb_to_recordset (one round trip per batch, the
 * same SQL on PGlite and Postgres); a content hash tells "updated" from "unchanged"; datasets
 * that disappeared from the source are marked removed, not deleted, so problems and showcases
 * that link to them keep their history.
 */

export interface SyncTarget {
  communityId: string;
  name: string;
  kind: CatalogKind;
  location: string;
  syncIntervalMinutes?: number | null;
}

export class CatalogSyncFailed extends Error {
  constructor(
    message: string,
    readonly runId: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "CatalogSyncFailed";
  }
}

type Tx = Pick<SqlExecutor, "exec" | "query">;

const BATCH_SIZE = 500;
/** Keep the report readable: the first N skipped records are listed, the rest counted. */
const MAX_REPORTED_SKIPS = 1000;

const RECORD_COLUMNS = `r("key" text, "title" text, "description" text, "descriptionText" text, "keywords" text[],
  "themes" text[], "publisher" text, "contactName" text, "contactEmail" text, "licenseId" text, "licenseTitle" text,
  "licenseUrl" text, "issued" timestamptz, "modified" timestamptz, "accrualPeriodicity" text, "accessLevel" text,
  "landingPage" text, "distributions" jsonb, "columns" jsonb, "extras" jsonb, "sourceUsageNotes" text[], "contentHash" text)`;

const UPSERT_BATCH = `
INSERT INTO "Dataset" ("id", "sourceId", "key", "title", "description", "descriptionText", "keywords", "themes",
  "publisher", "contactName", "contactEmail", "licenseId", "licenseTitle", "licenseUrl", "issued", "modified",
  "accrualPeriodicity", "accessLevel", "landingPage", "distributions", "columns", "extras", "sourceUsageNotes",
  "contentHash", "firstSeenAt", "updatedAt")
SELECT gen_random_uuid(), $2::uuid, r."key", r."title", r."description", r."descriptionText", r."keywords", r."themes",
  r."publisher", r."contactName", r."contactEmail", r."licenseId", r."licenseTitle", r."licenseUrl", r."issued", r."modified",
  r."accrualPeriodicity", r."accessLevel", r."landingPage", r."distributions", r."columns", r."extras", r."sourceUsageNotes",
  r."contentHash", $3::timestamptz, $3::timestamptz
FROM jsonb_to_recordset($1::jsonb) AS ${RECORD_COLUMNS}
ON CONFLICT ("sourceId", "key") DO UPDATE SET
  "title" = EXCLUDED."title", "description" = EXCLUDED."description", "descriptionText" = EXCLUDED."descriptionText",
  "keywords" = EXCLUDED."keywords", "themes" = EXCLUDED."themes", "publisher" = EXCLUDED."publisher",
  "contactName" = EXCLUDED."contactName", "contactEmail" = EXCLUDED."contactEmail", "licenseId" = EXCLUDED."licenseId",
  "licenseTitle" = EXCLUDED."licenseTitle", "licenseUrl" = EXCLUDED."licenseUrl", "issued" = EXCLUDED."issued",
  "modified" = EXCLUDED."modified", "accrualPeriodicity" = EXCLUDED."accrualPeriodicity",
  "accessLevel" = EXCLUDED."accessLevel", "landingPage" = EXCLUDED."landingPage",
  "distributions" = EXCLUDED."distributions", "columns" = EXCLUDED."columns", "extras" = EXCLUDED."extras",
  "sourceUsageNotes" = EXCLUDED."sourceUsageNotes", "contentHash" = EXCLUDED."contentHash",
  "removedAt" = NULL, "updatedAt" = EXCLUDED."updatedAt"
WHERE "Dataset"."contentHash" IS DISTINCT FROM EXCLUDED."contentHash" OR "Dataset"."removedAt" IS NOT NULL
RETURNING "id", (xmax = 0) AS "inserted"`;

function toRow(dataset: NormalizedDataset) {
  return {
    key: dataset.key,
    title: dataset.title,
    description: dataset.description,
    descriptionText: dataset.descriptionText,
    keywords: dataset.keywords,
    themes: dataset.themes,
    publisher: dataset.publisher,
    contactName: dataset.contactName,
    contactEmail: dataset.contactEmail,
    licenseId: dataset.licenseId,
    licenseTitle: dataset.licenseTitle,
    licenseUrl: dataset.licenseUrl,
    issued: dataset.issued?.toISOString() ?? null,
    modified: dataset.modified?.toISOString() ?? null,
    accrualPeriodicity: dataset.accrualPeriodicity,
    accessLevel: dataset.accessLevel,
    landingPage: dataset.landingPage,
    distributions: dataset.distributions,
    columns: dataset.columns,
    extras: dataset.extras,
    sourceUsageNotes: dataset.usageNotes,
    contentHash: contentHash(dataset),
  };
}

export async function writeCatalogSync(
  sql: SqlExecutor,
  target: SyncTarget,
  records: AsyncIterable<CatalogRecord>,
  now: Date,
): Promise<CatalogSyncSummary> {
  const existing = await sql.query<{ id: string }>(
    `SELECT "id" FROM "CatalogSource" WHERE "communityId" = $1::uuid AND "name" = $2`,
    [target.communityId, target.name],
  );
  try {
    return await sql.transaction((tx) => syncInTransaction(tx, target, records, now));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // A sync of a source we already had is worth a failed run in its history; a first import
    // that fails leaves no trace at all.
    let runId: string | null = null;
    const sourceId = existing[0]?.id;
    if (sourceId) {
      const rows = await sql.query<{ id: string }>(
        `INSERT INTO "SyncRun" ("id", "sourceId", "status", "startedAt", "finishedAt", "error")
         VALUES (gen_random_uuid(), $1::uuid, 'failed', $2::timestamptz, now(), $3) RETURNING "id"`,
        [sourceId, now.toISOString(), reason.slice(0, 2000)],
      );
      runId = rows[0]?.id ?? null;
    }
    throw new CatalogSyncFailed(reason, runId, { cause: error });
  }
}

async function syncInTransaction(
  tx: Tx,
  target: SyncTarget,
  records: AsyncIterable<CatalogRecord>,
  now: Date,
): Promise<CatalogSyncSummary> {
  const [source] = await tx.query<{ id: string }>(
    `INSERT INTO "CatalogSource" ("id", "communityId", "name", "kind", "location", "syncIntervalMinutes")
     VALUES (gen_random_uuid(), $1::uuid, $2, $3::"CatalogKind", $4, $5)
     ON CONFLICT ("communityId", "name") DO UPDATE SET "kind" = EXCLUDED."kind", "location" = EXCLUDED."location",
       "syncIntervalMinutes" = COALESCE(EXCLUDED."syncIntervalMinutes", "CatalogSource"."syncIntervalMinutes")
     RETURNING "id"`,
    [target.communityId, target.name, target.kind, target.location, target.syncIntervalMinutes ?? null],
  );
  if (!source) throw new Error("could not create the catalog source");
  const [run] = await tx.query<{ id: string }>(
    `INSERT INTO "SyncRun" ("id", "sourceId", "status", "startedAt") VALUES (gen_random_uuid(), $1::uuid, 'running', $2::timestamptz) RETURNING "id"`,
    [source.id, now.toISOString()],
  );
  if (!run) throw new Error("could not record the sync run");
  // Keys seen in this run: finds duplicates within the source and, at the end, what was removed.
  await tx.exec(`CREATE TEMP TABLE IF NOT EXISTS "sync_seen_keys" ("key" text PRIMARY KEY) ON COMMIT DROP`);
  await tx.exec(`TRUNCATE "sync_seen_keys"`);

  const outcome: CatalogSyncSummary = {
    sourceId: source.id,
    runId: run.id,
    added: 0,
    updated: 0,
    removed: 0,
    unchanged: 0,
    skipped: 0,
    skippedReport: [],
  };
  const skip = (item: SkippedRecordReport) => {
    outcome.skipped += 1;
    if (outcome.skippedReport.length < MAX_REPORTED_SKIPS) outcome.skippedReport.push(item);
  };

  let batch: { dataset: NormalizedDataset; position: number }[] = [];
  let position = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const fresh = await tx.query<{ key: string }>(
      `INSERT INTO "sync_seen_keys" ("key") SELECT unnest($1::text[]) ON CONFLICT DO NOTHING RETURNING "key"`,
      [current.map((item) => item.dataset.key)],
    );
    const freshKeys = new Set(fresh.map((row) => row.key));
    const unique: NormalizedDataset[] = [];
    for (const item of current) {
      if (freshKeys.delete(item.dataset.key)) unique.push(item.dataset);
      else
        skip({
          position: item.position,
          key: item.dataset.key,
          problem: "the same key appears earlier in this catalog",
        });
    }
    if (unique.length === 0) return;
    const changed = await tx.query<{ id: string; inserted: boolean }>(UPSERT_BATCH, [
      JSON.stringify(unique.map(toRow)),
      source.id,
      now.toISOString(),
    ]);
    const added = changed.filter((row) => row.inserted).map((row) => row.id);
    const updated = changed.filter((row) => !row.inserted).map((row) => row.id);
    outcome.added += added.length;
    outcome.updated += updated.length;
    outcome.unchanged += unique.length - changed.length;
    await recordChanges(tx, run.id, added, "added");
    await recordChanges(tx, run.id, updated, "updated");
  };

  for await (const record of records) {
    position += 1;
    if (!record.ok) {
      skip({ position: record.position, key: record.key, problem: record.problem });
      continue;
    }
    batch.push({ dataset: record.dataset, position });
    if (batch.length >= BATCH_SIZE) await flush();
  }
  await flush();

  const removed = await tx.query<{ id: string }>(
    `UPDATE "Dataset" d SET "removedAt" = $2::timestamptz, "updatedAt" = $2::timestamptz
      WHERE d."sourceId" = $1::uuid AND d."removedAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "sync_seen_keys" s WHERE s."key" = d."key")
      RETURNING d."id"`,
    [source.id, now.toISOString()],
  );
  outcome.removed = removed.length;
  await recordChanges(
    tx,
    run.id,
    removed.map((row) => row.id),
    "removed",
  );

  await tx.query(
    `UPDATE "SyncRun" SET "status" = 'succeeded', "finishedAt" = now(), "added" = $2, "updated" = $3, "removed" = $4,
       "unchanged" = $5, "skipped" = $6, "skippedReport" = $7::jsonb WHERE "id" = $1::uuid`,
    [
      run.id,
      outcome.added,
      outcome.updated,
      outcome.removed,
      outcome.unchanged,
      outcome.skipped,
      JSON.stringify(outcome.skippedReport),
    ],
  );
  await tx.query(`UPDATE "CatalogSource" SET "lastSyncedAt" = $2::timestamptz WHERE "id" = $1::uuid`, [
    source.id,
    now.toISOString(),
  ]);
  return outcome;
}

async function recordChanges(
  tx: Tx,
  runId: string,
  datasetIds: string[],
  change: "added" | "updated" | "removed",
): Promise<void> {
  if (datasetIds.length === 0) return;
  await tx.query(
    `INSERT INTO "SyncRunChange" ("id", "runId", "datasetId", "change")
     SELECT gen_random_uuid(), $1::uuid, unnest($2::uuid[]), $3::"DatasetChange"`,
    [runId, datasetIds, change],
  );
}
