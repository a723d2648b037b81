import { randomUUID } from "node:crypto";
import { setImmediate } from "node:timers/promises";
import type { CatalogKind } from "../../core/catalog/dataset.js";
import type { CatalogRecord } from "../../core/ports/catalog-source.js";
import type { CatalogSyncSummary, SkippedRecordReport } from "../../core/ports/catalog-store.js";
import type { SqlExecutor } from "../sql-executor.js";
import { MERGE_CHANGED, MERGE_REMOVED, MERGE_SOURCE_HASHES, STALE_UNCHANGED } from "./catalog-merge-sql.js";
import { CatalogSyncStage, type StagedRecord, stagedKey } from "./catalog-sync-stage.js";

/**
 * Writes one catalog sync in two halves. First every record is read, hashed and compared into
 * a staging table in small committed batches (catalog-sync-stage.ts): the long part holds no
 * transaction, so on the embedded store, whose one PGlite session is taken in turns, chat keeps
 * being answered while a large catalog resyncs. Then ONE transaction applies what changed, set-
 * based: added and updated rows from the stage, datasets missing from it marked removed (not
 * deleted, so problems and showcases that link to them keep their history), the run recorded.
 * A source that fails half-way (truncated file, dropped connection) leaves the previous catalog
 * exactly as it was, and a content hash tells "updated" from "unchanged".
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
/**
 * Reading, checking and hashing records is synchronous work on the process's one event loop,
 * which also acknowledges Slack and Discord: the sync steps aside this often, so a batch never
 * holds an acknowledgement behind it (bench:slack-load --resync).
 */
const YIELD_EVERY = 25;
/** A sync changing at least this many datasets (and a tenth of the catalog) analyzes the table. */
const ANALYZE_AFTER_CHANGES = 1000;
/** Keep the report readable: the first N skipped records are listed, the rest counted. */
const MAX_REPORTED_SKIPS = 1000;

interface Staged {
  stage: CatalogSyncStage;
  /** Records staged (unique keys): added + updated + unchanged once merged. */
  count: number;
  skipped: number;
  skippedReport: SkippedRecordReport[];
  /** The source's last finished sync when staging began: another one since means re-checking. */
  lastFinishedAt: string | null;
}

export async function writeCatalogSync(
  sql: SqlExecutor,
  target: SyncTarget,
  records: AsyncIterable<CatalogRecord>,
  now: Date,
): Promise<CatalogSyncSummary> {
  const [existing] = await sql.query<{ id: string }>(
    `SELECT "id" FROM "CatalogSource" WHERE "communityId" = $1::uuid AND "name" = $2`,
    [target.communityId, target.name],
  );
  const stage = new CatalogSyncStage(sql, randomUUID(), existing?.id ?? null);
  try {
    const staged = await stageRecords(sql, stage, records);
    // The stage has just grown by a whole catalog, faster than autovacuum notices: planned on the
    // old statistics (an empty stage), marking removed datasets took a nested loop over 300k x
    // 300k rows (over 6 minutes on PostgreSQL) instead of one hash anti-join.
    await sql.exec(`ANALYZE "CatalogSyncStage"`);
    const summary = await sql.transaction((tx) => merge(tx, target, staged, now));
    // PGlite has no autovacuum: planned on the statistics of an empty catalog, the next sync's
    // lookups and the search scanned whole sources. A sync that changed a large part of the
    // catalog refreshes them at once (on PostgreSQL too, rather than whenever autovacuum comes by).
    const changes = summary.added + summary.updated + summary.removed;
    if (changes >= ANALYZE_AFTER_CHANGES && changes * 10 >= staged.count) await sql.exec(`ANALYZE "Dataset"`);
    return summary;
  } catch (error) {
    await stage.discard().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    // A sync of a source we already had is worth a failed run in its history; a first import
    // that fails leaves no trace at all.
    let runId: string | null = null;
    if (existing) {
      const rows = await sql.query<{ id: string }>(
        `INSERT INTO "SyncRun" ("id", "sourceId", "status", "startedAt", "finishedAt", "error")
         VALUES (gen_random_uuid(), $1::uuid, 'failed', $2::timestamptz, now(), $3) RETURNING "id"`,
        [existing.id, now.toISOString(), reason.slice(0, 2000)],
      );
      runId = rows[0]?.id ?? null;
    }
    throw new CatalogSyncFailed(reason, runId, { cause: error });
  }
}

async function lastFinishedRun(sql: Tx, sourceId: string | null): Promise<string | null> {
  if (!sourceId) return null;
  const [row] = await sql.query<{ at: string | null }>(
    `SELECT max("finishedAt")::text AS "at" FROM "SyncRun" WHERE "sourceId" = $1::uuid AND "status" = 'succeeded'`,
    [sourceId],
  );
  return row?.at ?? null;
}

async function stageRecords(
  sql: Tx,
  stage: CatalogSyncStage,
  records: AsyncIterable<CatalogRecord>,
): Promise<Staged> {
  await stage.sweepAbandoned();
  const staged: Staged = {
    stage,
    count: 0,
    skipped: 0,
    skippedReport: [],
    lastFinishedAt: await lastFinishedRun(sql, stage.sourceId),
  };
  const skip = (item: SkippedRecordReport) => {
    staged.skipped += 1;
    if (staged.skippedReport.length < MAX_REPORTED_SKIPS) staged.skippedReport.push(item);
  };
  const duplicate = (position: number, key: string) =>
    skip({ position, key, problem: "the same key appears earlier in this catalog" });

  let batch: { record: StagedRecord; key: string; position: number }[] = [];
  // One batch is written while the next one is read: reading, checking and hashing is this
  // process's work and writing the batch is the database's, so the two overlap (on PostgreSQL
  // another machine or core; on the embedded store, its own thread). Batches still reach the
  // stage one after another, in file order, so "the same key appears earlier" stays true.
  let inFlight: Promise<void> | null = null;
  const flush = async () => {
    const current = batch;
    batch = [];
    if (inFlight) await inFlight;
    if (current.length === 0) return;
    const unique = new Map<string, (typeof current)[number]>();
    for (const item of current) if (!unique.has(item.key)) unique.set(item.key, item);
    const written = stage.add([...unique.values()].map((item) => item.record)).then((fresh) => {
      staged.count += fresh.size;
      // Reported in the order they came, so the report reads like the file.
      for (const item of current) {
        const first = unique.get(item.key) === item;
        if (!first || !fresh.has(item.key)) duplicate(item.position, item.key);
      }
    });
    // Awaited by the next flush or below; until then a failure must not count as unhandled.
    written.catch(() => undefined);
    inFlight = written;
  };

  try {
    let position = 0;
    for await (const record of records) {
      position += 1;
      if (position % YIELD_EVERY === 0) await setImmediate();
      if (record.ok === false) {
        skip({ position: record.position, key: record.key, problem: record.problem });
        continue;
      }
      batch.push({ record, key: stagedKey(record), position });
      if (batch.length >= BATCH_SIZE) await flush();
    }
    await flush();
    await inFlight;
  } catch (error) {
    // The source failed mid-read: let the batch being written land before the stage is discarded.
    await (inFlight as Promise<void> | null)?.catch(() => undefined);
    throw error;
  }
  return staged;
}

async function merge(tx: Tx, target: SyncTarget, staged: Staged, now: Date): Promise<CatalogSyncSummary> {
  const { stage } = staged;
  // The upsert also locks the source's row: two merges of one source take turns.
  const [source] = await tx.query<{ id: string }>(
    `INSERT INTO "CatalogSource" ("id", "communityId", "name", "kind", "location", "syncIntervalMinutes")
     VALUES (gen_random_uuid(), $1::uuid, $2, $3::"CatalogKind", $4, $5)
     ON CONFLICT ("communityId", "name") DO UPDATE SET "kind" = EXCLUDED."kind", "location" = EXCLUDED."location",
       "syncIntervalMinutes" = COALESCE(EXCLUDED."syncIntervalMinutes", "CatalogSource"."syncIntervalMinutes")
     RETURNING "id"`,
    [target.communityId, target.name, target.kind, target.location, target.syncIntervalMinutes ?? null],
  );
  if (!source) throw new Error("could not create the catalog source");
  if ((await lastFinishedRun(tx, source.id)) !== staged.lastFinishedAt) {
    const [check] = await tx.query<{ stale: number }>(STALE_UNCHANGED, [stage.stageId, source.id]);
    if ((check?.stale ?? 0) > 0)
      throw new Error("another sync of this catalog finished while this one was reading; run it again");
  }
  const [run] = await tx.query<{ id: string }>(
    `INSERT INTO "SyncRun" ("id", "sourceId", "status", "startedAt") VALUES (gen_random_uuid(), $1::uuid, 'running', $2::timestamptz) RETURNING "id"`,
    [source.id, now.toISOString()],
  );
  if (!run) throw new Error("could not record the sync run");

  // The staged search vectors stand for this transaction's upsert (see the trigger's migration,
  // 20261207160000_catalog_sync_stage_search): a row with usage notes still gets them recomputed.
  await tx.query(`SET LOCAL "datadesk.sync_vectors" = 'on'`);
  const [changed] = await tx.query<{ added: number; updated: number }>(MERGE_CHANGED, [
    stage.stageId,
    source.id,
    now.toISOString(),
    run.id,
  ]);
  const [gone] = await tx.query<{ removed: number }>(MERGE_REMOVED, [
    source.id,
    now.toISOString(),
    stage.stageId,
    run.id,
  ]);
  await tx.query(MERGE_SOURCE_HASHES, [stage.stageId, source.id]);
  await tx.query(`DELETE FROM "CatalogSyncStage" WHERE "stageId" = $1::uuid`, [stage.stageId]);

  const added = changed?.added ?? 0;
  const updated = changed?.updated ?? 0;
  const outcome: CatalogSyncSummary = {
    sourceId: source.id,
    runId: run.id,
    added,
    updated,
    removed: gone?.removed ?? 0,
    unchanged: staged.count - added - updated,
    skipped: staged.skipped,
    skippedReport: staged.skippedReport,
  };
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
