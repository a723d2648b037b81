import type {
  NewProblem,
  ProblemListQuery,
  ProblemStore,
  StatusChange,
} from "../../core/ports/problem-store.js";
import {
  openStatuses,
  type Problem,
  type ProblemEvent,
  type ProblemEventKind,
  type PublicProblem,
} from "../../core/problems/problem.js";
import type { SqlExecutor } from "../sql-executor.js";
import { isUuid, timeOrderedId } from "../time-ordered-id.js";
import { EVENT_COLUMNS, PROBLEM_SELECT, toProblem, toProblemEvent } from "./problem-row.js";
import { SIMILAR_PROBLEM_MIN_SCORE, WORD_SIMILARITY_WEIGHT } from "./problem-similarity.js";
import {
  fetchById,
  insertEvent,
  insertProblem,
  mergeIntoOriginal,
  publicComments,
} from "./problem-statements.js";
import { toPublicProblem } from "./public-problem.js";

type Query = Pick<SqlExecutor, "query">;
/** A pool (methods that write several rows open their own transaction) or a transaction already. */
export type ProblemSql = Query & Partial<Pick<SqlExecutor, "transaction">>;

const OPEN = `ARRAY[${openStatuses.map((s) => `'${s}'`).join(", ")}]::"ProblemStatus"[]`;

const SIMILARITY = `greatest(similarity(p."title", $2), similarity(p."title" || ' ' || p."description", $2),
  ${WORD_SIMILARITY_WEIGHT} * word_similarity(p."title", $2))`;

/**
 * Problems in Postgres/PGlite through raw SQL. Numbers are taken under a transaction-scoped
 * advisory lock on the community, so two submissions at once never get the same number. Status
 * changes are compare-and-set on the status the champion saw.
 */
export class SqlProblemStore implements ProblemStore {
  constructor(private readonly sql: ProblemSql) {}

  /** Runs `fn` atomically: in a new transaction on a pool, inline when already in one. */
  private atomically<T>(fn: (tx: Query) => Promise<T>): Promise<T> {
    return this.sql.transaction ? this.sql.transaction(fn) : fn(this.sql);
  }

  async create(problem: NewProblem, at: Date): Promise<Problem> {
    return this.atomically((tx) => insertProblem(tx, problem, at));
  }

  async byNumber(communityId: string, number: number): Promise<Problem | null> {
    if (!isUuid(communityId) || !Number.isSafeInteger(number)) return null;
    const [row] = await this.sql.query(
      `${PROBLEM_SELECT} WHERE p."communityId" = $1::uuid AND p."number" = $2`,
      [communityId, number],
    );
    return row ? toProblem(row) : null;
  }

  async byId(id: string): Promise<Problem | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.sql.query(`${PROBLEM_SELECT} WHERE p."id" = $1::uuid`, [id]);
    return row ? toProblem(row) : null;
  }

  async list(query: ProblemListQuery): Promise<{ items: Problem[]; total: number }> {
    const where = `WHERE p."communityId" = $1::uuid AND p."hiddenAt" IS NULL
      AND ($2::boolean OR p."status" = ANY(${OPEN}))
      AND ($3::uuid IS NULL OR p."submitterId" = $3::uuid)
      AND ($4::text IS NULL OR p."topic" = $4)`;
    const params = [
      query.communityId,
      query.includeClosed === true,
      query.submitterId ?? null,
      query.topic ?? null,
    ];
    const order = query.order === "top" ? `p."voteCount" DESC, p."number" DESC` : `p."number" DESC`;
    const rows = await this.sql.query(`${PROBLEM_SELECT} ${where} ORDER BY ${order} OFFSET $5 LIMIT $6`, [
      ...params,
      query.offset,
      query.limit,
    ]);
    const [count] = await this.sql.query<{ total: number }>(
      `SELECT count(*)::int AS "total" FROM "Problem" p ${where}`,
      params,
    );
    return { items: rows.map(toProblem), total: count?.total ?? 0 };
  }

  async awaitingTriage(
    communityId: string,
    filedBefore: Date,
    limit: number,
    options: { notRemindedOnly?: boolean } = {},
  ): Promise<{ items: Problem[]; total: number }> {
    const where = `WHERE p."communityId" = $1::uuid AND p."status" = 'new' AND p."assigneeId" IS NULL
      AND p."hiddenAt" IS NULL AND p."createdAt" < $2::timestamptz
      AND NOT ($3::boolean AND p."staleRemindedAt" IS NOT NULL)`;
    const params = [communityId, filedBefore.toISOString(), options.notRemindedOnly === true];
    const rows = await this.sql.query(
      `${PROBLEM_SELECT} ${where} ORDER BY p."createdAt", p."number" LIMIT $4`,
      [...params, limit],
    );
    const [count] = await this.sql.query<{ total: number }>(
      `SELECT count(*)::int AS "total" FROM "Problem" p ${where}`,
      params,
    );
    return { items: rows.map(toProblem), total: count?.total ?? 0 };
  }

  async markStaleReminded(problemId: string, at: Date): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE "Problem" SET "staleRemindedAt" = $2::timestamptz
        WHERE "id" = $1::uuid AND "staleRemindedAt" IS NULL RETURNING "id"`,
      [problemId, at.toISOString()],
    );
    return rows.length === 1;
  }

  async similarOpen(communityId: string, text: string, limit: number) {
    if (text.trim() === "") return [];
    const rows = await this.sql.query(
      `SELECT * FROM (${PROBLEM_SELECT.replace("SELECT ", `SELECT ${SIMILARITY}::float8 AS "score", `)}
         WHERE p."communityId" = $1::uuid AND p."hiddenAt" IS NULL AND p."status" = ANY(${OPEN})) ranked
        WHERE "score" >= $3 ORDER BY "score" DESC, "number" DESC LIMIT $4`,
      [communityId, text, SIMILAR_PROBLEM_MIN_SCORE, limit],
    );
    return rows.map((row) => ({ problem: toProblem(row), score: Number(row.score) }));
  }

  async submissionsSince(communityId: string, submitterId: string, since: Date) {
    const [row] = await this.sql.query<{ count: number; latestAt: Date | null }>(
      `SELECT count(*)::int AS "count", max("createdAt") AS "latestAt" FROM "Problem"
        WHERE "communityId" = $1::uuid AND "submitterId" = $2::uuid AND "createdAt" >= $3::timestamptz`,
      [communityId, submitterId, since.toISOString()],
    );
    return { count: row?.count ?? 0, latestAt: row?.latestAt ?? null };
  }

  async vote(problemId: string, personId: string, at: Date) {
    return this.atomically(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO "ProblemVote" ("id", "problemId", "personId", "createdAt")
         VALUES ($1::uuid, $2::uuid, $3::uuid, $4::timestamptz) ON CONFLICT DO NOTHING RETURNING "id"`,
        [timeOrderedId(), problemId, personId, at.toISOString()],
      );
      const counted = inserted.length > 0;
      // +1 under the row lock: concurrent votes by different people each count.
      if (counted) {
        await tx.query(
          `UPDATE "Problem" SET "voteCount" = "voteCount" + 1, "cardVersion" = "cardVersion" + 1,
                  "updatedAt" = $2::timestamptz WHERE "id" = $1::uuid`,
          [problemId, at.toISOString()],
        );
      }
      return { counted, problem: await fetchById(tx, problemId) };
    });
  }

  async follow(problemId: string, personId: string, at: Date): Promise<boolean> {
    const rows = await this.sql.query(
      `INSERT INTO "ProblemFollower" ("id", "problemId", "personId", "createdAt")
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::timestamptz) ON CONFLICT DO NOTHING RETURNING "id"`,
      [timeOrderedId(), problemId, personId, at.toISOString()],
    );
    return rows.length > 0;
  }

  async unfollow(problemId: string, personId: string): Promise<boolean> {
    const rows = await this.sql.query(
      `DELETE FROM "ProblemFollower" WHERE "problemId" = $1::uuid AND "personId" = $2::uuid RETURNING "id"`,
      [problemId, personId],
    );
    return rows.length > 0;
  }

  async followerIds(problemId: string): Promise<string[]> {
    const rows = await this.sql.query<{ personId: string }>(
      `SELECT "personId" FROM "ProblemFollower" WHERE "problemId" = $1::uuid ORDER BY "createdAt", "id"`,
      [problemId],
    );
    return rows.map((row) => row.personId);
  }

  async isFollowing(problemId: string, personId: string): Promise<boolean> {
    const rows = await this.sql.query(
      `SELECT 1 FROM "ProblemFollower" WHERE "problemId" = $1::uuid AND "personId" = $2::uuid`,
      [problemId, personId],
    );
    return rows.length > 0;
  }

  async changeStatus(problemId: string, change: StatusChange) {
    const originalId = change.to === "duplicate" ? (change.duplicateOfId ?? null) : null;
    if (change.to === "duplicate" && !originalId) throw new Error("a duplicate needs the original's id");
    return this.atomically(async (tx) => {
      const decline = change.to === "declined" ? (change.decline ?? null) : null;
      const changed = await tx.query(
        `UPDATE "Problem" SET "status" = $3::"ProblemStatus", "declineReason" = $4::"DeclineReason",
                "declineDetail" = $5, "duplicateOfId" = $6::uuid, "cardVersion" = "cardVersion" + 1,
                "updatedAt" = $7::timestamptz
          WHERE "id" = $1::uuid AND "status" = $2::"ProblemStatus" RETURNING "id"`,
        [
          problemId,
          change.from,
          change.to,
          decline?.reason ?? null,
          decline?.detail ?? null,
          originalId,
          change.at.toISOString(),
        ],
      );
      if (changed.length === 0) return null;
      if (originalId) await mergeIntoOriginal(tx, problemId, originalId, change.at);
      const event = await insertEvent(tx, problemId, {
        kind: "status_changed",
        actorId: change.actorId,
        fromStatus: change.from,
        toStatus: change.to,
        note: change.note,
        at: change.at,
      });
      return { problem: await fetchById(tx, problemId), event };
    });
  }

  async recordEvent(
    problemId: string,
    event: { kind: ProblemEventKind; actorId: string | null; note: string | null; at: Date },
  ): Promise<ProblemEvent> {
    return insertEvent(this.sql, problemId, event);
  }

  async linkDataset(problemId: string, datasetId: string): Promise<boolean> {
    return this.atomically(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO "ProblemDataset" ("id", "problemId", "datasetId") VALUES ($1::uuid, $2::uuid, $3::uuid)
         ON CONFLICT DO NOTHING RETURNING "id"`,
        [timeOrderedId(), problemId, datasetId],
      );
      if (inserted.length === 0) return false;
      await tx.query(`UPDATE "Problem" SET "cardVersion" = "cardVersion" + 1 WHERE "id" = $1::uuid`, [
        problemId,
      ]);
      return true;
    });
  }

  async assign(problemId: string, assigneeId: string | null): Promise<Problem> {
    return this.atomically(async (tx) => {
      await tx.query(
        `UPDATE "Problem" SET "assigneeId" = $2::uuid, "cardVersion" = "cardVersion" + 1
          WHERE "id" = $1::uuid AND "assigneeId" IS DISTINCT FROM $2::uuid`,
        [problemId, assigneeId],
      );
      return fetchById(tx, problemId);
    });
  }

  async setHidden(problemId: string, hidden: boolean): Promise<Problem> {
    return this.atomically(async (tx) => {
      await tx.query(
        `UPDATE "Problem" SET "hiddenAt" = CASE WHEN $2::boolean THEN now() END, "cardVersion" = "cardVersion" + 1
          WHERE "id" = $1::uuid AND ("hiddenAt" IS NULL) = $2::boolean`,
        [problemId, hidden],
      );
      return fetchById(tx, problemId);
    });
  }

  async events(problemId: string): Promise<ProblemEvent[]> {
    const rows = await this.sql.query(
      `SELECT ${EVENT_COLUMNS} FROM "ProblemEvent" WHERE "problemId" = $1::uuid ORDER BY "createdAt", "id"`,
      [problemId],
    );
    return rows.map(toProblemEvent);
  }

  async exportPublic(communityId: string): Promise<PublicProblem[]> {
    const rows = await this.sql.query(
      `${PROBLEM_SELECT} WHERE p."communityId" = $1::uuid AND p."hiddenAt" IS NULL ORDER BY p."number"`,
      [communityId],
    );
    const comments = await publicComments(this.sql, communityId);
    return rows.map((row) => {
      const problem = toProblem(row);
      return toPublicProblem(problem, comments.get(problem.id) ?? []);
    });
  }
}
