import type { DataMatchState } from "../../core/ports/data-match-store.js";
import type {
  DigestDataMatchRow,
  DigestDatasetChangeRow,
  DigestMetadataGapRow,
  DigestOverdueDatasetRow,
  DigestWindow,
  Listed,
} from "../../core/ports/digest-source.js";
import type { SqlExecutor } from "../sql-executor.js";
import { DATA_MATCHES_SQL, OVERDUE_DATASETS_SQL } from "./digest-queries.js";
import { date, num, type Row, totalOf, windowParams } from "./digest-rows.js";

/*
 * The digest's catalog sections in SQL (datasets added or changed, overdue datasets, metadata
 * gaps, data matches for open problems), one aggregated query each; SqlDigestSource answers
 * with them.
 */

type Query = Pick<SqlExecutor, "query">;

export async function datasetChanges(sql: Query, window: DigestWindow, limit: number) {
  // A dataset added and then updated in one week is news once, as added. The week's runs are
  // few but a first import's run holds the whole catalog, which skews the planner's estimates:
  // the OFFSET 0 laterals keep it on index lookups (each run's changes, each changed dataset).
  const rows = await sql.query<Row>(
    `WITH runs AS MATERIALIZED (
       SELECT r."id", r."finishedAt"
         FROM "SyncRun" r
         JOIN "CatalogSource" s ON s."id" = r."sourceId"
        WHERE s."communityId" = $1::uuid AND r."status" = 'succeeded'
          AND r."finishedAt" >= $2::timestamptz AND r."finishedAt" < $3::timestamptz
     ), changed AS MATERIALIZED (
       SELECT DISTINCT ON (c."datasetId") c."datasetId", c."change", runs."finishedAt"
         FROM runs
        CROSS JOIN LATERAL (
          SELECT c."datasetId", c."change"::text AS "change" FROM "SyncRunChange" c
           WHERE c."runId" = runs."id" AND c."change" IN ('added', 'updated') OFFSET 0) c
        ORDER BY c."datasetId", (c."change" = 'added') DESC, runs."finishedAt" DESC
     )
     SELECT d."title", d."key", d."sourceName", d."landingPage", ch."change",
            count(*) OVER () AS "total",
            count(*) FILTER (WHERE ch."change" = 'added') OVER () AS "added"
       FROM changed ch
      CROSS JOIN LATERAL (
        SELECT d."title", d."key", s."name" AS "sourceName", d."landingPage"
          FROM "Dataset" d JOIN "CatalogSource" s ON s."id" = d."sourceId"
         WHERE d."id" = ch."datasetId" AND d."removedAt" IS NULL OFFSET 0) d
      ORDER BY (ch."change" = 'added') DESC, ch."finishedAt" DESC, d."title"
      LIMIT $4`,
    [...windowParams(window), limit],
  );
  const total = totalOf(rows);
  const added = totalOf(rows, "added");
  return {
    rows: rows.map(
      (row): DigestDatasetChangeRow => ({
        title: String(row.title),
        key: String(row.key),
        sourceName: String(row.sourceName),
        landingPage: (row.landingPage ?? null) as string | null,
        change: row.change === "added" ? "added" : "updated",
      }),
    ),
    total,
    added,
    updated: total - added,
  };
}

export async function overdueDatasets(
  sql: Query,
  communityId: string,
  at: Date,
  limit: number,
): Promise<Listed<DigestOverdueDatasetRow>> {
  const rows = await sql.query<Row>(OVERDUE_DATASETS_SQL, [communityId, at.toISOString(), limit]);
  return {
    rows: rows.map((row) => ({
      title: String(row.title),
      key: String(row.key),
      sourceName: String(row.sourceName),
      landingPage: (row.landingPage ?? null) as string | null,
      modified: date(row.modified),
      accrualPeriodicity: String(row.accrualPeriodicity),
    })),
    total: totalOf(rows),
  };
}

export async function metadataGaps(
  sql: Query,
  window: DigestWindow,
  limit: number,
): Promise<Listed<DigestMetadataGapRow>> {
  const rows = await sql.query<Row>(
    `SELECT d."title" AS "datasetTitle", s."name" AS "sourceName", g."field", g."count", count(*) OVER () AS "total"
       FROM "MetadataGap" g
       JOIN "Dataset" d ON d."id" = g."datasetId"
       JOIN "CatalogSource" s ON s."id" = d."sourceId"
      WHERE g."lastAskedAt" >= $2::timestamptz AND g."lastAskedAt" < $3::timestamptz
        AND s."communityId" = $1::uuid AND d."removedAt" IS NULL
      ORDER BY g."count" DESC, g."lastAskedAt" DESC, d."title", g."field"
      LIMIT $4`,
    [...windowParams(window), limit],
  );
  return {
    rows: rows.map((row) => ({
      datasetTitle: String(row.datasetTitle),
      sourceName: String(row.sourceName),
      field: String(row.field),
      count: num(row.count),
    })),
    total: totalOf(rows),
  };
}

export async function dataMatches(sql: Query, window: DigestWindow, limit: number) {
  const rows = await sql.query<Row>(DATA_MATCHES_SQL, [...windowParams(window), limit]);
  const counts: Record<DataMatchState, number> = {
    suggested: totalOf(rows, "suggested"),
    linked: totalOf(rows, "linked"),
    rejected: totalOf(rows, "rejected"),
  };
  return {
    rows: rows.map(
      (row): DigestDataMatchRow => ({
        problemNumber: num(row.problemNumber),
        problemTitle: String(row.problemTitle),
        datasetTitle: String(row.datasetTitle),
        landingPage: (row.landingPage ?? null) as string | null,
        state: row.state as DataMatchState,
      }),
    ),
    total: totalOf(rows),
    counts,
  };
}
