import type {
  DigestAccessRow,
  DigestMetadataGapRow,
  DigestOverdueDatasetRow,
  DigestProblemRow,
  DigestShowcaseRow,
  DigestSource,
  DigestStatusChangeRow,
  DigestTriageRow,
  DigestWindow,
  ImpactCounts,
  Listed,
} from "../../core/ports/digest-source.js";
import type { SqlExecutor } from "../sql-executor.js";
import { IMPACT_COUNTS_SQL } from "./digest-queries.js";
import { date, num, type Row, totalOf, windowParams } from "./digest-rows.js";
import { dataMatches, datasetChanges, metadataGaps, overdueDatasets } from "./sql-digest-catalog-sections.js";

/**
 * The digest's questions in SQL: one aggregated query per section, the totals computed by window
 * functions over the same rows the card lists, so a section costs one round trip whatever the
 * community's size. Indexes: prisma/migrations/20261121173000_digest_indexes.
 */
export class SqlDigestSource implements DigestSource {
  private showcasesExist: Promise<boolean> | null = null;

  constructor(private readonly sql: Pick<SqlExecutor, "query">) {}

  async newProblems(window: DigestWindow, limit: number): Promise<Listed<DigestProblemRow>> {
    const rows = await this.sql.query<Row>(
      `SELECT p."number", p."title", p."topic", p."voteCount" AS "votes", count(*) OVER () AS "total"
         FROM "Problem" p
        WHERE p."communityId" = $1::uuid AND p."createdAt" >= $2::timestamptz AND p."createdAt" < $3::timestamptz
          AND p."hiddenAt" IS NULL
        ORDER BY p."createdAt" DESC, p."number" DESC
        LIMIT $4`,
      [...windowParams(window), limit],
    );
    return { rows: rows.map(problemRow), total: totalOf(rows) };
  }

  async mostVoted(window: DigestWindow, limit: number): Promise<Listed<DigestProblemRow>> {
    const rows = await this.sql.query<Row>(
      `WITH cast_votes AS (
         SELECT v."problemId", count(*) AS "votes"
           FROM "ProblemVote" v
          WHERE v."createdAt" >= $2::timestamptz AND v."createdAt" < $3::timestamptz
          GROUP BY v."problemId"
       )
       SELECT p."number", p."title", p."topic", c."votes", sum(c."votes") OVER () AS "total"
         FROM cast_votes c
         JOIN "Problem" p ON p."id" = c."problemId"
        WHERE p."communityId" = $1::uuid AND p."hiddenAt" IS NULL
        ORDER BY c."votes" DESC, p."number"
        LIMIT $4`,
      [...windowParams(window), limit],
    );
    return { rows: rows.map(problemRow), total: totalOf(rows) };
  }

  async statusChanges(window: DigestWindow, limit: number) {
    const rows = await this.sql.query<Row>(
      `SELECT p."number", p."title", e."toStatus"::text AS "status", e."createdAt" AS "at",
              CASE WHEN e."toStatus" = 'declined' AND p."status" = 'declined' THEN p."declineReason"::text END AS "declineReason",
              CASE WHEN e."toStatus" = 'declined' AND p."status" = 'declined' THEN p."declineDetail" END AS "declineDetail",
              count(*) OVER () AS "total",
              count(*) FILTER (WHERE e."toStatus" = 'accepted') OVER () AS "accepted",
              count(*) FILTER (WHERE e."toStatus" = 'solved') OVER () AS "solved",
              count(*) FILTER (WHERE e."toStatus" = 'declined') OVER () AS "declined"
         FROM "ProblemEvent" e
         JOIN "Problem" p ON p."id" = e."problemId"
        WHERE e."kind" = 'status_changed' AND e."createdAt" >= $2::timestamptz AND e."createdAt" < $3::timestamptz
          AND e."toStatus" IN ('accepted', 'solved', 'declined')
          AND p."communityId" = $1::uuid AND p."hiddenAt" IS NULL
        ORDER BY e."createdAt" DESC, p."number" DESC
        LIMIT $4`,
      [...windowParams(window), limit],
    );
    return {
      rows: rows.map(
        (row): DigestStatusChangeRow => ({
          number: num(row.number),
          title: String(row.title),
          status: row.status as DigestStatusChangeRow["status"],
          declineReason: (row.declineReason ?? null) as DigestStatusChangeRow["declineReason"],
          declineDetail: (row.declineDetail ?? null) as string | null,
          at: date(row.at),
        }),
      ),
      total: totalOf(rows),
      counts: {
        accepted: totalOf(rows, "accepted"),
        solved: totalOf(rows, "solved"),
        declined: totalOf(rows, "declined"),
      },
    };
  }

  async showcasesPublished(window: DigestWindow, limit: number): Promise<Listed<DigestShowcaseRow>> {
    // Showcases arrive with their own migration; until a database has it the section is empty.
    if (!(await this.hasShowcases())) return { rows: [], total: 0 };
    const rows = await this.sql.query<Row>(
      `SELECT s."number", s."title", s."team", s."link", s."publishedAt", count(*) OVER () AS "total"
         FROM "Showcase" s
        WHERE s."communityId" = $1::uuid AND s."status" = 'published'
          AND s."publishedAt" >= $2::timestamptz AND s."publishedAt" < $3::timestamptz
        ORDER BY s."publishedAt" DESC, s."number" DESC
        LIMIT $4`,
      [...windowParams(window), limit],
    );
    return {
      rows: rows.map((row) => ({
        number: num(row.number),
        title: String(row.title),
        team: String(row.team),
        link: String(row.link),
        publishedAt: date(row.publishedAt),
      })),
      total: totalOf(rows),
    };
  }

  async datasetChanges(window: DigestWindow, limit: number) {
    return datasetChanges(this.sql, window, limit);
  }

  async overdueDatasets(
    communityId: string,
    at: Date,
    limit: number,
  ): Promise<Listed<DigestOverdueDatasetRow>> {
    return overdueDatasets(this.sql, communityId, at, limit);
  }

  async metadataGaps(window: DigestWindow, limit: number): Promise<Listed<DigestMetadataGapRow>> {
    return metadataGaps(this.sql, window, limit);
  }

  async accessWaiting(
    communityId: string,
    at: Date,
    limit: number,
    waitingBefore?: Date,
  ): Promise<Listed<DigestAccessRow>> {
    const rows = await this.sql.query<Row>(
      `SELECT r."number", r."datasetTitle", r."status"::text AS "status", r."createdAt", r."waitingSince",
              count(*) OVER () AS "total"
         FROM "AccessRequest" r
        WHERE r."communityId" = $1::uuid AND r."createdAt" < $2::timestamptz
          AND (CASE WHEN $4::timestamptz IS NULL THEN r."status" IN ('pending', 'needs_info')
                    ELSE r."status" = 'pending' AND r."waitingSince" < $4::timestamptz END)
        ORDER BY r."createdAt", r."number"
        LIMIT $3`,
      [communityId, at.toISOString(), limit, waitingBefore?.toISOString() ?? null],
    );
    return {
      rows: rows.map((row) => ({
        number: num(row.number),
        datasetTitle: String(row.datasetTitle),
        status: row.status === "needs_info" ? "needs_info" : "pending",
        createdAt: date(row.createdAt),
        waitingSince: date(row.waitingSince),
      })),
      total: totalOf(rows),
    };
  }

  async impactCounts(window: DigestWindow): Promise<ImpactCounts> {
    const showcases = await this.hasShowcases();
    const [row] = await this.sql.query<Row>(IMPACT_COUNTS_SQL(showcases), windowParams(window));
    const median = (value: unknown) => (value === null || value === undefined ? null : Number(value));
    return {
      problemFirstResponses: num(row?.problemFirstResponses),
      problemFirstResponseMedianSeconds: median(row?.problemFirstResponseMedian),
      accessFirstResponses: num(row?.accessFirstResponses),
      accessFirstResponseMedianSeconds: median(row?.accessFirstResponseMedian),
      problemsSolved: num(row?.problemsSolved),
      requestsDecided: num(row?.requestsDecided),
      datasetsLinked: num(row?.datasetsLinked),
      problemsMatched: num(row?.problemsMatched),
      firstMatches: num(row?.firstMatches),
      firstMatchMedianSeconds: median(row?.firstMatchMedian),
    };
  }

  async awaitingTriage(
    communityId: string,
    filedBefore: Date,
    limit: number,
  ): Promise<Listed<DigestTriageRow>> {
    // Same filter as SqlProblemStore.awaitingTriage (the reminders' question); the few rows and
    // the count in one round trip.
    const rows = await this.sql.query<Row>(
      `SELECT p."number", p."title", p."createdAt", count(*) OVER () AS "total"
         FROM "Problem" p
        WHERE p."communityId" = $1::uuid AND p."status" = 'new' AND p."assigneeId" IS NULL
          AND p."hiddenAt" IS NULL AND p."createdAt" < $2::timestamptz
        ORDER BY p."createdAt", p."number"
        LIMIT $3`,
      [communityId, filedBefore.toISOString(), limit],
    );
    return {
      rows: rows.map((row) => ({
        number: num(row.number),
        title: String(row.title),
        createdAt: date(row.createdAt),
      })),
      total: totalOf(rows),
    };
  }

  async dataMatches(window: DigestWindow, limit: number) {
    return dataMatches(this.sql, window, limit);
  }

  private hasShowcases(): Promise<boolean> {
    this.showcasesExist ??= this.sql
      .query<Row>(`SELECT to_regclass('"Showcase"') IS NOT NULL AS "exists"`)
      .then((rows) => rows[0]?.exists === true);
    return this.showcasesExist;
  }
}

function problemRow(row: Row): DigestProblemRow {
  return {
    number: num(row.number),
    title: String(row.title),
    topic: (row.topic ?? null) as string | null,
    votes: num(row.votes),
  };
}
