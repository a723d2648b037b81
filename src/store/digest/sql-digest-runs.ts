import type { DigestRunClaim, DigestRunStore } from "../../core/ports/digest-runs.js";
import type { SqlExecutor } from "../sql-executor.js";
import { isUuid, timeOrderedId } from "../time-ordered-id.js";

/**
 * DigestRun rows. `claim` is one INSERT … ON CONFLICT DO NOTHING on the unique (community, target,
 * week): of two transactions racing, Postgres makes the second wait for the first and then insert
 * nothing, so only one of them goes on to enqueue the digest. Give it the transaction that also
 * enqueues (`new SqlDigestRunStore(tx)`).
 */
export class SqlDigestRunStore implements DigestRunStore {
  constructor(private readonly sql: Pick<SqlExecutor, "query">) {}

  async claim(run: DigestRunClaim): Promise<boolean> {
    const rows = await this.sql.query(
      `INSERT INTO "DigestRun" ("id", "communityId", "target", "isoWeek", "outcome", "dedupeKey", "createdAt")
       VALUES ($1::uuid, $2::uuid, $3, $4, $5::"DigestRunOutcome", $6, $7::timestamptz)
       ON CONFLICT ("communityId", "target", "isoWeek") DO NOTHING
       RETURNING "id"`,
      [
        timeOrderedId(),
        run.communityId,
        run.target,
        run.isoWeek,
        run.outcome,
        run.dedupeKey,
        run.at.toISOString(),
      ],
    );
    return rows.length === 1;
  }

  async doneTargets(communityId: string, isoWeek: string): Promise<string[]> {
    if (!isUuid(communityId)) return [];
    const rows = await this.sql.query<{ target: string }>(
      `SELECT "target" FROM "DigestRun" WHERE "communityId" = $1::uuid AND "isoWeek" = $2`,
      [communityId, isoWeek],
    );
    return rows.map((row) => row.target);
  }

  async communityIds(): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(
      `SELECT "id" FROM "Community" ORDER BY "createdAt", "id"`,
    );
    return rows.map((row) => row.id);
  }
}
