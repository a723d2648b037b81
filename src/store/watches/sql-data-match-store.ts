import type {
  DataMatch,
  DataMatchCandidate,
  DataMatchState,
  DataMatchStore,
} from "../../core/ports/data-match-store.js";
import type { SqlExecutor } from "../sql-executor.js";

interface MatchRow extends Record<string, unknown> {
  id: string;
  problemId: string;
  datasetId: string;
  state: DataMatchState;
  score: number;
  createdAt: Date | string;
}

const toMatch = (row: MatchRow): DataMatch => ({
  ...row,
  score: Number(row.score),
  createdAt: new Date(row.createdAt),
});

/**
 * DataMatch rows: one per problem–dataset pair for ever (unique), so a pair suggested, linked or
 * rejected once is never suggested again; `suggest` returns only the pairs it inserted.
 */
export class SqlDataMatchStore implements DataMatchStore {
  constructor(private readonly sql: Pick<SqlExecutor, "query">) {}

  async suggest(candidates: readonly DataMatchCandidate[], at: Date): Promise<DataMatch[]> {
    if (candidates.length === 0) return [];
    const rows = await this.sql.query<MatchRow>(
      `INSERT INTO "DataMatch" ("id", "problemId", "datasetId", "runId", "score", "createdAt")
       SELECT gen_random_uuid(), c."problemId", c."datasetId", c."runId", c."score", $2::timestamptz
       FROM jsonb_to_recordset($1::jsonb) AS c("problemId" uuid, "datasetId" uuid, "runId" uuid, "score" float8)
       ON CONFLICT ("problemId", "datasetId") DO NOTHING
       RETURNING "id", "problemId", "datasetId", "state", "score", "createdAt"`,
      [JSON.stringify(candidates), at.toISOString()],
    );
    return rows.map(toMatch);
  }

  async byId(id: string): Promise<DataMatch | null> {
    const [row] = await this.sql.query<MatchRow>(
      `SELECT "id", "problemId", "datasetId", "state", "score", "createdAt" FROM "DataMatch" WHERE "id" = $1::uuid`,
      [id],
    );
    return row ? toMatch(row) : null;
  }

  async decide(id: string, to: "linked" | "rejected", actorId: string, at: Date): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE "DataMatch" SET "state" = $2::"DataMatchState", "decidedById" = $3::uuid, "decidedAt" = $4::timestamptz
       WHERE "id" = $1::uuid AND "state" = 'suggested' RETURNING "id"`,
      [id, to, actorId, at.toISOString()],
    );
    return rows.length === 1;
  }

  async changedInRun(runId: string): Promise<string[]> {
    const rows = await this.sql.query<{ datasetId: string }>(
      `SELECT c."datasetId" FROM "SyncRunChange" c JOIN "Dataset" d ON d."id" = c."datasetId"
       WHERE c."runId" = $1::uuid AND c."change" IN ('added', 'updated') AND d."removedAt" IS NULL`,
      [runId],
    );
    return rows.map((row) => row.datasetId);
  }
}
