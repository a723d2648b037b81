import type { CatalogRecord } from "../../core/ports/catalog-source.js";
import type { SqlExecutor } from "../sql-executor.js";
import { contentHash } from "./content-hash.js";

/**
 * The first, long half of a catalog sync: records are written to "CatalogSyncStage" in batches,
 * each its own short statement, compared on the way in with what the catalog holds. A record
 * whose content hash matches its live, unremoved dataset is staged as key and hash only; any
 * other record carries its whole row (payload) for the merge. A record the reader found known
 * (read from the same bytes as its stored dataset) comes as key and hashes only and is never
 * staged as changed. Nothing here touches "Dataset".
 */

/** What one staged record is: a dataset read afresh, or one the store already holds. */
export type StagedRecord = Extract<CatalogRecord, { ok: true } | { ok: "known" }>;

/** The columns a staged payload carries, as jsonb_to_record reads them back in the merge. */
export const RECORD_COLUMNS = `r("key" text, "title" text, "description" text, "descriptionText" text, "keywords" text[],
  "themes" text[], "publisher" text, "contactName" text, "contactEmail" text, "licenseId" text, "licenseTitle" text,
  "licenseUrl" text, "issued" timestamptz, "modified" timestamptz, "accrualPeriodicity" text, "accessLevel" text,
  "landingPage" text, "distributions" jsonb, "columns" jsonb, "extras" jsonb, "sourceUsageNotes" text[], "contentHash" text, "sourceHash" text)`;

/** Staged rows older than this belong to a process that died mid-sync. */
const ABANDONED_AFTER = "1 day";

/**
 * A changed record also gets its search vectors here, as the Dataset trigger would compute them
 * for a dataset with no usage notes: this is the database's share of the work that overlaps the
 * reading of the next batch, and the merge then writes the vectors as they are.
 */
const STAGE_BATCH = `
WITH input AS (
  SELECT r.value AS "payload", r.value->>'key' AS "key", r.value->>'contentHash' AS "contentHash",
         r.value->>'sourceHash' AS "sourceHash"
    FROM jsonb_array_elements($1::jsonb) AS r(value)
), compared AS (
  SELECT i.*, (i."payload" ? 'title'
           AND (d."id" IS NULL OR d."removedAt" IS NOT NULL OR d."contentHash" IS DISTINCT FROM i."contentHash")) AS "changed"
    FROM input i
    LEFT JOIN "Dataset" d ON d."sourceId" = $3::uuid AND d."key" = i."key"
)
INSERT INTO "CatalogSyncStage" ("stageId", "key", "contentHash", "sourceHash", "payload", "searchHead", "search")
SELECT $2::uuid, c."key", c."contentHash", c."sourceHash", CASE WHEN c."changed" THEN c."payload" END, v."head", v."head" || v."tail"
  FROM compared c
  LEFT JOIN LATERAL (
    SELECT "dataset_search_head_vector"(r."title", r."keywords", r."themes") AS "head",
           "dataset_search_tail_vector"(r."descriptionText", '', r."sourceUsageNotes", r."publisher", r."columns") AS "tail"
      FROM jsonb_to_record(c."payload") AS r("title" text, "keywords" text[], "themes" text[], "descriptionText" text,
        "sourceUsageNotes" text[], "publisher" text, "columns" jsonb)
     WHERE c."changed"
  ) v ON true
ON CONFLICT ("stageId", "key") DO NOTHING
RETURNING "key"`;

function toRow(record: StagedRecord) {
  // A known record's dataset has its source hash already: staged without one, it is left out of
  // the merge's refreshing of source hashes, a join that would otherwise cover the whole catalog.
  if (record.ok === "known") return { key: record.key, contentHash: record.contentHash };
  const { dataset } = record;
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
    sourceHash: record.sourceHash ?? null,
  };
}

export function stagedKey(record: StagedRecord): string {
  return record.ok === "known" ? record.key : record.dataset.key;
}

export class CatalogSyncStage {
  constructor(
    private readonly sql: Pick<SqlExecutor, "exec" | "query">,
    readonly stageId: string,
    /** The source as it is before this sync; null on a first import (every record is new). */
    readonly sourceId: string | null,
  ) {}

  /** Sweeps what syncs killed mid-way left behind. */
  async sweepAbandoned(): Promise<void> {
    await this.sql.query(
      `DELETE FROM "CatalogSyncStage" WHERE "stagedAt" < now() - interval '${ABANDONED_AFTER}'`,
    );
  }

  /**
   * Stages one batch (keys unique within it); returns the keys staged, so a key missing from the
   * answer appeared earlier in this sync.
   */
  async add(records: readonly StagedRecord[]): Promise<Set<string>> {
    if (records.length === 0) return new Set();
    const rows = await this.sql.query<{ key: string }>(STAGE_BATCH, [
      JSON.stringify(records.map(toRow)),
      this.stageId,
      this.sourceId,
    ]);
    return new Set(rows.map((row) => row.key));
  }

  async discard(): Promise<void> {
    await this.sql.query(`DELETE FROM "CatalogSyncStage" WHERE "stageId" = $1::uuid`, [this.stageId]);
  }
}
