import type { StewardDirectory } from "../../core/access/ports.js";
import type { SqlExecutor } from "../sql-executor.js";
import { isUuid, timeOrderedId } from "../time-ordered-id.js";

/**
 * Stewards named per dataset, and members by the email their platform profile reports. A dataset
 * belongs to a community through its catalog source, so a steward named in one community is never
 * found from another.
 */
export class SqlStewardDirectory implements StewardDirectory {
  constructor(private readonly sql: Pick<SqlExecutor, "query">) {}

  async stewardsOf(communityId: string, datasetId: string): Promise<string[]> {
    if (!isUuid(communityId) || !isUuid(datasetId)) return [];
    const rows = await this.sql.query<{ personId: string }>(
      `SELECT ds."personId" FROM "DatasetSteward" ds
         JOIN "Dataset" d ON d."id" = ds."datasetId"
         JOIN "CatalogSource" s ON s."id" = d."sourceId"
        WHERE ds."datasetId" = $2::uuid AND s."communityId" = $1::uuid
        ORDER BY ds."createdAt", ds."id"`,
      [communityId, datasetId],
    );
    return rows.map((r) => r.personId);
  }

  async personIdByEmail(communityId: string, email: string): Promise<string | null> {
    const wanted = email.trim().toLowerCase();
    if (!isUuid(communityId) || wanted === "") return null;
    // The account seen last wins should two people ever report the same address.
    const [row] = await this.sql.query<{ personId: string }>(
      `SELECT a."personId" FROM "PlatformAccount" a
         JOIN "Membership" m ON m."personId" = a."personId" AND m."communityId" = $1::uuid
        WHERE lower(a."email") = $2
        ORDER BY a."lastSeenAt" DESC LIMIT 1`,
      [communityId, wanted],
    );
    return row?.personId ?? null;
  }

  /** Names a steward (the CLI); true if they were not one already. */
  async name(datasetId: string, personId: string, at: Date): Promise<boolean> {
    const rows = await this.sql.query(
      `INSERT INTO "DatasetSteward" ("id", "datasetId", "personId", "createdAt")
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::timestamptz) ON CONFLICT DO NOTHING RETURNING "id"`,
      [timeOrderedId(), datasetId, personId, at.toISOString()],
    );
    return rows.length > 0;
  }

  /** Stops naming a steward (the CLI); true if they were one. Requests already routed keep their route. */
  async unname(datasetId: string, personId: string): Promise<boolean> {
    const rows = await this.sql.query(
      `DELETE FROM "DatasetSteward" WHERE "datasetId" = $1::uuid AND "personId" = $2::uuid RETURNING "id"`,
      [datasetId, personId],
    );
    return rows.length > 0;
  }

  /** Records the email a platform profile reports for an account (adapters, tests). */
  async setEmail(platform: string, workspaceId: string, userId: string, email: string | null): Promise<void> {
    await this.sql.query(
      `UPDATE "PlatformAccount" SET "email" = $4
        WHERE "platform" = $1::"Platform" AND "workspaceId" = $2 AND "userId" = $3`,
      [platform, workspaceId, userId, email],
    );
  }
}
