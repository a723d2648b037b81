import { catalogKindSchema } from "../../core/catalog/dataset.js";
import type { CatalogRecord } from "../../core/ports/catalog-source.js";
import type {
  CatalogSourceSummary,
  CatalogStore,
  CatalogSyncSummary,
  CatalogSyncTarget,
} from "../../core/ports/catalog-store.js";
import type { SqlExecutor } from "../sql-executor.js";
import { writeCatalogSync } from "./catalog-sync-writer.js";

interface SourceRow extends Record<string, unknown> {
  id: string;
  communityId: string;
  name: string;
  kind: string;
  location: string;
  syncIntervalMinutes: number | null;
  lastSyncedAt: Date | null;
  datasetCount: number;
  runStatus: "running" | "succeeded" | "failed" | null;
  runStartedAt: Date | null;
  runFinishedAt: Date | null;
  runAdded: number | null;
  runUpdated: number | null;
  runRemoved: number | null;
  runUnchanged: number | null;
  runSkipped: number | null;
  runError: string | null;
}

/** Sources with their live dataset count and latest run, in one round trip (LATERAL join). */
const SELECT_SOURCES = `
SELECT s."id", s."communityId", s."name", s."kind"::text AS "kind", s."location", s."syncIntervalMinutes", s."lastSyncedAt",
  (SELECT count(*)::int FROM "Dataset" d WHERE d."sourceId" = s."id" AND d."removedAt" IS NULL) AS "datasetCount",
  r."status"::text AS "runStatus", r."startedAt" AS "runStartedAt", r."finishedAt" AS "runFinishedAt",
  r."added" AS "runAdded", r."updated" AS "runUpdated", r."removed" AS "runRemoved", r."unchanged" AS "runUnchanged",
  r."skipped" AS "runSkipped", r."error" AS "runError"
FROM "CatalogSource" s
LEFT JOIN LATERAL (
  SELECT * FROM "SyncRun" WHERE "sourceId" = s."id" ORDER BY "startedAt" DESC, "finishedAt" DESC NULLS LAST LIMIT 1
) r ON true`;

function toSummary(row: SourceRow): CatalogSourceSummary {
  return {
    id: row.id,
    communityId: row.communityId,
    name: row.name,
    kind: catalogKindSchema.parse(row.kind),
    location: row.location,
    syncIntervalMinutes: row.syncIntervalMinutes,
    lastSyncedAt: row.lastSyncedAt,
    datasetCount: row.datasetCount,
    lastRun:
      row.runStatus && row.runStartedAt
        ? {
            status: row.runStatus,
            startedAt: row.runStartedAt,
            finishedAt: row.runFinishedAt,
            added: row.runAdded ?? 0,
            updated: row.runUpdated ?? 0,
            removed: row.runRemoved ?? 0,
            unchanged: row.runUnchanged ?? 0,
            skipped: row.runSkipped ?? 0,
            error: row.runError,
          }
        : null,
  };
}

/** The CatalogStore port over raw SQL: syncs go through the one-transaction sync writer. */
export class SqlCatalogStore implements CatalogStore {
  constructor(private readonly sql: SqlExecutor) {}

  syncCatalog(
    target: CatalogSyncTarget,
    records: AsyncIterable<CatalogRecord>,
    now: Date,
  ): Promise<CatalogSyncSummary> {
    return writeCatalogSync(this.sql, target, records, now);
  }

  async listSources(filter: { communityId?: string } = {}): Promise<CatalogSourceSummary[]> {
    const rows = await this.sql.query<SourceRow>(
      `${SELECT_SOURCES} WHERE ($1::uuid IS NULL OR s."communityId" = $1::uuid) ORDER BY s."name"`,
      [filter.communityId ?? null],
    );
    return rows.map(toSummary);
  }

  async findSource(communityId: string, name: string): Promise<CatalogSourceSummary | null> {
    const rows = await this.sql.query<SourceRow>(
      `${SELECT_SOURCES} WHERE s."communityId" = $1::uuid AND s."name" = $2`,
      [communityId, name],
    );
    const [row] = rows;
    return row ? toSummary(row) : null;
  }
}
