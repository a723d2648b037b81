import type {
  NewShowcase,
  ShowcaseLink,
  ShowcaseReview,
  ShowcaseStore,
} from "../../core/ports/showcase-store.js";
import {
  canTransitionShowcase,
  type Showcase,
  type ShowcaseContent,
  type ShowcaseStatus,
} from "../../core/showcases/showcase.js";
import type { SqlExecutor } from "../sql-executor.js";
import { isUuid, timeOrderedId } from "../time-ordered-id.js";
import { SHOWCASE_SELECT, toShowcase } from "./showcase-row.js";

type Query = Pick<SqlExecutor, "query">;
/** A pool (methods that write several rows open their own transaction) or a transaction already. */
export type ShowcaseSql = Query & Partial<Pick<SqlExecutor, "transaction">>;

async function fetchById(tx: Query, id: string): Promise<Showcase> {
  const [row] = await tx.query(`${SHOWCASE_SELECT} WHERE s."id" = $1::uuid`, [id]);
  if (!row) throw new Error(`showcase ${id} vanished inside its own transaction`);
  return toShowcase(row);
}

/** Replaces the datasets and problems a showcase links, keeping the order they were given in. */
async function writeLinks(tx: Query, showcaseId: string, content: ShowcaseContent): Promise<void> {
  await tx.query(`DELETE FROM "ShowcaseDataset" WHERE "showcaseId" = $1::uuid`, [showcaseId]);
  await tx.query(`DELETE FROM "ShowcaseProblem" WHERE "showcaseId" = $1::uuid`, [showcaseId]);
  for (const dataset of content.datasets) {
    await tx.query(
      `INSERT INTO "ShowcaseDataset" ("id", "showcaseId", "datasetId") VALUES ($1::uuid, $2::uuid, $3::uuid)
       ON CONFLICT DO NOTHING`,
      [timeOrderedId(), showcaseId, dataset.id],
    );
  }
  for (const problem of content.problems) {
    await tx.query(
      `INSERT INTO "ShowcaseProblem" ("id", "showcaseId", "problemId") VALUES ($1::uuid, $2::uuid, $3::uuid)
       ON CONFLICT DO NOTHING`,
      [timeOrderedId(), showcaseId, problem.id],
    );
  }
}

/**
 * Showcases in Postgres/PGlite through raw SQL. Numbers are taken under a transaction-scoped
 * advisory lock on the community, so two submissions at once never share one. Reviews and
 * resubmissions are compare-and-set on the status the person saw.
 */
export class SqlShowcaseStore implements ShowcaseStore {
  constructor(private readonly sql: ShowcaseSql) {}

  /** Runs `fn` atomically: in a new transaction on a pool, inline when already in one. */
  private atomically<T>(fn: (tx: Query) => Promise<T>): Promise<T> {
    return this.sql.transaction ? this.sql.transaction(fn) : fn(this.sql);
  }

  create(showcase: NewShowcase, at: Date): Promise<Showcase> {
    return this.atomically(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('showcase-number:' || $1::text, 0))`, [
        showcase.communityId,
      ]);
      const id = timeOrderedId();
      await tx.query(
        `INSERT INTO "Showcase" ("id", "communityId", "number", "title", "summary", "link", "imageUrl", "team",
                                 "kind", "submitterId", "platform", "submittedAt", "updatedAt")
         SELECT $1::uuid, $2::uuid, coalesce(max("number"), 0) + 1, $3, $4, $5, $6, $7, $8::"ShowcaseKind",
                $9::uuid, $10::"Platform", $11::timestamptz, $11::timestamptz
           FROM "Showcase" WHERE "communityId" = $2::uuid`,
        [
          id,
          showcase.communityId,
          showcase.title,
          showcase.summary,
          showcase.link,
          showcase.imageUrl,
          showcase.team,
          showcase.kind,
          showcase.submitterId,
          showcase.platform,
          at.toISOString(),
        ],
      );
      await writeLinks(tx, id, showcase);
      return fetchById(tx, id);
    });
  }

  async byId(id: string): Promise<Showcase | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.sql.query(`${SHOWCASE_SELECT} WHERE s."id" = $1::uuid`, [id]);
    return row ? toShowcase(row) : null;
  }

  async byNumber(communityId: string, number: number): Promise<Showcase | null> {
    if (!isUuid(communityId) || !Number.isSafeInteger(number)) return null;
    const [row] = await this.sql.query(
      `${SHOWCASE_SELECT} WHERE s."communityId" = $1::uuid AND s."number" = $2`,
      [communityId, number],
    );
    return row ? toShowcase(row) : null;
  }

  resubmit(id: string, content: ShowcaseContent, at: Date): Promise<Showcase | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.atomically(async (tx) => {
      const changed = await tx.query(
        `UPDATE "Showcase" SET "title" = $2, "summary" = $3, "link" = $4, "imageUrl" = $5, "team" = $6,
                "kind" = $7::"ShowcaseKind", "status" = 'pending_review', "revision" = "revision" + 1,
                "submittedAt" = $8::timestamptz, "updatedAt" = $8::timestamptz
          WHERE "id" = $1::uuid AND "status" = 'changes_requested'
         RETURNING "id"`,
        [
          id,
          content.title,
          content.summary,
          content.link,
          content.imageUrl,
          content.team,
          content.kind,
          at.toISOString(),
        ],
      );
      if (changed.length === 0) return null;
      await writeLinks(tx, id, content);
      return fetchById(tx, id);
    });
  }

  async review(id: string, review: ShowcaseReview): Promise<Showcase | null> {
    if (!isUuid(id) || !canTransitionShowcase(review.from, review.to)) return null;
    const changed = await this.sql.query(
      `UPDATE "Showcase" SET "status" = $3::"ShowcaseStatus", "reviewerId" = $4::uuid, "reviewNote" = $5,
              "updatedAt" = $6::timestamptz,
              "publishedAt" = CASE WHEN $3 = 'published' THEN $6::timestamptz ELSE "publishedAt" END
        WHERE "id" = $1::uuid AND "status" = $2::"ShowcaseStatus"
       RETURNING "id"`,
      [id, review.from, review.to, review.reviewerId, review.note, review.at.toISOString()],
    );
    return changed.length === 0 ? null : fetchById(this.sql, id);
  }

  async withdraw(id: string, from: ShowcaseStatus, at: Date): Promise<Showcase | null> {
    if (!isUuid(id) || !canTransitionShowcase(from, "withdrawn")) return null;
    const changed = await this.sql.query(
      `UPDATE "Showcase" SET "status" = 'withdrawn', "updatedAt" = $3::timestamptz
        WHERE "id" = $1::uuid AND "status" = $2::"ShowcaseStatus"
       RETURNING "id"`,
      [id, from, at.toISOString()],
    );
    return changed.length === 0 ? null : fetchById(this.sql, id);
  }

  async publishedForDataset(
    communityId: string,
    datasetId: string,
    limit: number,
  ): Promise<{ total: number; items: ShowcaseLink[] }> {
    if (!isUuid(communityId) || !isUuid(datasetId)) return { total: 0, items: [] };
    const rows = await this.sql.query<{ number: number; title: string; link: string; total: number }>(
      `SELECT s."number", s."title", s."link", count(*) OVER ()::int AS "total"
         FROM "ShowcaseDataset" sd JOIN "Showcase" s ON s."id" = sd."showcaseId"
        WHERE sd."datasetId" = $2::uuid AND s."communityId" = $1::uuid AND s."status" = 'published'
        ORDER BY s."publishedAt" DESC, s."number" DESC
        LIMIT $3`,
      [communityId, datasetId, Math.max(1, Math.min(limit, 50))],
    );
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map((r) => ({ number: r.number, title: r.title, link: r.link })),
    };
  }

  async problemVoterIds(problemId: string): Promise<string[]> {
    if (!isUuid(problemId)) return [];
    const rows = await this.sql.query<{ personId: string }>(
      `SELECT "personId" FROM "ProblemVote" WHERE "problemId" = $1::uuid ORDER BY "createdAt", "id"`,
      [problemId],
    );
    return rows.map((r) => r.personId);
  }
}
