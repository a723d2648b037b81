import type { AdminClaimStore } from "../../core/ports/admin-claims.js";
import type { SqlExecutor } from "../sql-executor.js";

/** AdminClaim rows: one per community, deleted when taken so a code works once. */
export class SqlAdminClaimStore implements AdminClaimStore {
  constructor(private readonly sql: Pick<SqlExecutor, "query">) {}

  async replace(communityId: string, codeHash: string, expiresAt: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO "AdminClaim" ("communityId", "codeHash", "expiresAt") VALUES ($1::uuid, $2, $3::timestamptz)
       ON CONFLICT ("communityId") DO UPDATE SET "codeHash" = EXCLUDED."codeHash",
         "expiresAt" = EXCLUDED."expiresAt", "createdAt" = CURRENT_TIMESTAMP`,
      [communityId, codeHash, expiresAt.toISOString()],
    );
  }

  async take(communityId: string, codeHash: string): Promise<{ expiresAt: Date } | null> {
    const [row] = await this.sql.query<{ expiresAt: Date | string }>(
      `DELETE FROM "AdminClaim" WHERE "communityId" = $1::uuid AND "codeHash" = $2 RETURNING "expiresAt"`,
      [communityId, codeHash],
    );
    return row ? { expiresAt: new Date(row.expiresAt) } : null;
  }
}
