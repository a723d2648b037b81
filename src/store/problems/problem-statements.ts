import type { NewProblem } from "../../core/ports/problem-store.js";
import type { Problem, ProblemEvent, ProblemEventKind, PublicComment } from "../../core/problems/problem.js";
import type { SqlExecutor } from "../sql-executor.js";
import { timeOrderedId } from "../time-ordered-id.js";
import { EVENT_COLUMNS, PROBLEM_SELECT, toProblem, toProblemEvent } from "./problem-row.js";

/*
 * The statements SqlProblemStore composes: one problem by id, an event row, a duplicate merged
 * into its original, the public comments of a community's visible problems.
 */

type Query = Pick<SqlExecutor, "query">;

/** Live comments of the community's visible problems, oldest first, by problem id; no author. */
export async function publicComments(sql: Query, communityId: string): Promise<Map<string, PublicComment[]>> {
  const rows = await sql.query<{ problemId: string; body: string; createdAt: Date; editedAt: Date | null }>(
    `SELECT c."problemId", c."body", c."createdAt", c."editedAt" FROM "ProblemComment" c
       JOIN "Problem" p ON p."id" = c."problemId"
      WHERE p."communityId" = $1::uuid AND p."hiddenAt" IS NULL AND c."deletedAt" IS NULL
      ORDER BY c."createdAt", c."id"`,
    [communityId],
  );
  const byProblem = new Map<string, PublicComment[]>();
  for (const row of rows) {
    const list = byProblem.get(row.problemId) ?? [];
    list.push({ body: row.body, writtenAt: new Date(row.createdAt), edited: row.editedAt !== null });
    byProblem.set(row.problemId, list);
  }
  return byProblem;
}

export async function fetchById(sql: Query, id: string): Promise<Problem> {
  const [row] = await sql.query(`${PROBLEM_SELECT} WHERE p."id" = $1::uuid`, [id]);
  if (!row) throw new Error(`no problem ${id}`);
  return toProblem(row);
}

export async function insertEvent(
  sql: Query,
  problemId: string,
  event: {
    kind: ProblemEventKind;
    actorId: string | null;
    fromStatus?: string | null;
    toStatus?: string | null;
    note?: string | null;
    at: Date;
  },
): Promise<ProblemEvent> {
  const [row] = await sql.query(
    `INSERT INTO "ProblemEvent" ("id", "problemId", "kind", "actorId", "fromStatus", "toStatus", "note", "createdAt")
     VALUES ($1::uuid, $2::uuid, $3::"ProblemEventKind", $4::uuid, $5::"ProblemStatus", $6::"ProblemStatus", $7, $8::timestamptz)
     RETURNING ${EVENT_COLUMNS}`,
    [
      timeOrderedId(),
      problemId,
      event.kind,
      event.actorId,
      event.fromStatus ?? null,
      event.toStatus ?? null,
      event.note ?? null,
      event.at.toISOString(),
    ],
  );
  if (!row) throw new Error("the problem event was not stored");
  return toProblemEvent(row);
}

/**
 * A duplicate's votes and followers become the original's, each person once; the original's
 * count is recounted from its rows (not added up), so someone who voted on both counts once.
 */
export async function mergeIntoOriginal(
  tx: Query,
  duplicateId: string,
  originalId: string,
  at: Date,
): Promise<void> {
  for (const table of [`"ProblemVote"`, `"ProblemFollower"`]) {
    await tx.query(
      `INSERT INTO ${table} ("id", "problemId", "personId", "createdAt")
       SELECT gen_random_uuid(), $2::uuid, "personId", "createdAt" FROM ${table} WHERE "problemId" = $1::uuid
       ON CONFLICT DO NOTHING`,
      [duplicateId, originalId],
    );
    await tx.query(`DELETE FROM ${table} WHERE "problemId" = $1::uuid`, [duplicateId]);
  }
  await tx.query(`UPDATE "Problem" SET "voteCount" = 0 WHERE "id" = $1::uuid`, [duplicateId]);
  await tx.query(
    `UPDATE "Problem" SET "voteCount" = (SELECT count(*)::int FROM "ProblemVote" WHERE "problemId" = $1::uuid),
            "cardVersion" = "cardVersion" + 1, "updatedAt" = $2::timestamptz WHERE "id" = $1::uuid`,
    [originalId, at.toISOString()],
  );
}

/** A new problem under the next number (an advisory lock on the community), its submitter following it. */
export async function insertProblem(tx: Query, problem: NewProblem, at: Date): Promise<Problem> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('problem-number:' || $1::text, 0))`, [
    problem.communityId,
  ]);
  const id = timeOrderedId();
  await tx.query(
    `INSERT INTO "Problem" ("id", "communityId", "number", "title", "description", "affected", "place", "topic",
                            "anonymous", "submitterId", "platform", "createdAt", "updatedAt")
     SELECT $1::uuid, $2::uuid, coalesce(max("number"), 0) + 1, $3, $4, $5, $6, $7, $8, $9::uuid,
            $10::"Platform", $11::timestamptz, $11::timestamptz
       FROM "Problem" WHERE "communityId" = $2::uuid`,
    [
      id,
      problem.communityId,
      problem.title,
      problem.description,
      problem.affected,
      problem.place,
      problem.topic,
      problem.anonymous,
      problem.submitterId,
      problem.platform,
      at.toISOString(),
    ],
  );
  await tx.query(
    `INSERT INTO "ProblemFollower" ("id", "problemId", "personId", "createdAt") VALUES ($1::uuid, $2::uuid, $3::uuid, $4::timestamptz)`,
    [timeOrderedId(), id, problem.submitterId, at.toISOString()],
  );
  await insertEvent(tx, id, { kind: "submitted", actorId: problem.submitterId, toStatus: "new", at });
  return fetchById(tx, id);
}
