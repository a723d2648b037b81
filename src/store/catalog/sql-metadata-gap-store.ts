import type { Clock } from "../../core/ports/clock.js";
import {
  isMetadataGapField,
  type MetadataGapStore,
  type MetadataGapSummary,
} from "../../core/ports/metadata-gap-store.js";
import type { SqlExecutor } from "../sql-executor.js";

/** The MetadataGapStore port over raw SQL: one upsert per ask, so concurrent asks both count. */
export class SqlMetadataGapStore implements MetadataGapStore {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly clock: Clock,
  ) {}

  async recordGap(datasetId: string, field: string): Promise<void> {
    if (!isMetadataGapField(field))
      throw new RangeError(`not a metadata gap field: ${JSON.stringify(field)}`);
    await this.sql.query(
      `INSERT INTO "MetadataGap" ("id", "datasetId", "field", "count", "lastAskedAt")
       VALUES (gen_random_uuid(), $1::uuid, $2, 1, $3::timestamptz)
       ON CONFLICT ("datasetId", "field") DO UPDATE SET "count" = "MetadataGap"."count" + 1,
         "lastAskedAt" = GREATEST("MetadataGap"."lastAskedAt", EXCLUDED."lastAskedAt")`,
      [datasetId, field, this.clock.now().toISOString()],
    );
  }

  mostAskedGaps(communityId: string, limit: number): Promise<MetadataGapSummary[]> {
    return this.sql.query<MetadataGapSummary & Record<string, unknown>>(
      `SELECT g."datasetId", d."key" AS "datasetKey", d."title" AS "datasetTitle", s."name" AS "sourceName",
              g."field", g."count", g."lastAskedAt"
         FROM "MetadataGap" g
         JOIN "Dataset" d ON d."id" = g."datasetId"
         JOIN "CatalogSource" s ON s."id" = d."sourceId"
        WHERE s."communityId" = $1::uuid AND d."removedAt" IS NULL
        ORDER BY g."count" DESC, g."lastAskedAt" DESC, d."title", g."field"
        LIMIT $2`,
      [communityId, limit],
    );
  }
}
