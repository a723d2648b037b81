import type {
  ChangedField,
  NewWatch,
  RunNoticeBatch,
  Watch,
  WatchKind,
  WatchNotice,
  WatchStore,
} from "../../core/ports/watch-store.js";
import type { SqlExecutor } from "../sql-executor.js";
import { timeOrderedId } from "../time-ordered-id.js";

interface WatchRow extends Record<string, unknown> {
  id: string;
  kind: WatchKind;
  target: string;
  datasetId: string | null;
  datasetTitle: string | null;
  createdAt: Date | string;
}

const toWatch = (row: WatchRow): Watch => ({
  id: row.id,
  kind: row.kind,
  target: row.target,
  datasetId: row.datasetId,
  datasetTitle: row.datasetTitle,
  createdAt: new Date(row.createdAt),
});

/**
 * Which watches a run's changes reach, in one statement: the run's SyncRunChange rows joined to
 * dataset watches by id (updated, removed), to topic watches through the added dataset's themes
 * and keywords (a hash join on the lower-cased word), and to saved words through the dataset's
 * search vector: a dataset matches when its vector holds every lexeme of the words (hash-joined
 * on the first one), so a sync's cost grows with its changes, not with changes × saved searches.
 * Each person's datasets are then counted once (a dataset reached through a dataset watch and a
 * topic is told as the dataset watch's change) and one WatchRunNotice row per person records that
 * the run was told; RETURNING gives only the people not told before, the dedup state that makes
 * telling a run twice tell nobody twice. Only the first $3 datasets per person by title leave
 * the database: a popular topic may reach thousands, and one message lists a few.
 */
const RECORD_RUN_NOTICES = `
WITH ch AS MATERIALIZED (
  SELECT c."datasetId", c."change"::text AS "change", c."fields", d."keywords", d."themes", d."search", s."communityId",
    row_number() OVER (ORDER BY d."title", d."id") AS "titleRank"
  FROM "SyncRunChange" c
  JOIN "Dataset" d ON d."id" = c."datasetId"
  JOIN "CatalogSource" s ON s."id" = d."sourceId"
  WHERE c."runId" = $1::uuid
), words AS MATERIALIZED (
  -- Each saved search as its lexemes (the search vector's dictionary), parsed once.
  SELECT w."id", w."personId", w."communityId", l."lexemes", l."lexemes"[1] AS "first"
  FROM "Watch" w
  CROSS JOIN LATERAL (SELECT tsvector_to_array(to_tsvector('english', w."target")) AS "lexemes") l
  WHERE w."kind" = 'words' AND cardinality(l."lexemes") > 0
    AND w."communityId" IN (SELECT DISTINCT "communityId" FROM ch WHERE ch."change" = 'added')
), added AS MATERIALIZED (
  -- Each added dataset's lexemes, one row each, beside all of them: materialized, so the join
  -- to saved words hashes on the lexeme rather than testing every dataset against every watch.
  SELECT ch."datasetId", ch."titleRank", ch."communityId", l."lexeme", v."lexemes"
  FROM ch CROSS JOIN LATERAL (SELECT tsvector_to_array(ch."search") AS "lexemes") v
  CROSS JOIN LATERAL unnest(v."lexemes") AS l("lexeme")
  WHERE ch."change" = 'added'
), hits AS (
  SELECT w."id" AS "watchId", w."personId", ch."datasetId", ch."titleRank", ch."change", ch."fields", 0 AS "via"
  FROM ch JOIN "Watch" w ON w."kind" = 'dataset' AND w."datasetId" = ch."datasetId"
  WHERE ch."change" IN ('updated', 'removed')
  UNION ALL
  SELECT w."id", w."personId", ch."datasetId", ch."titleRank", 'new', ARRAY[]::text[], 1
  FROM ch CROSS JOIN LATERAL (SELECT DISTINCT lower(x) AS "w" FROM unnest(ch."themes" || ch."keywords") AS x) word
  JOIN "Watch" w ON w."kind" = 'topic' AND w."communityId" = ch."communityId" AND w."target" = word."w"
  WHERE ch."change" = 'added'
  UNION ALL
  SELECT q."id", q."personId", a."datasetId", a."titleRank", 'new', ARRAY[]::text[], 2
  FROM added a JOIN words q ON q."first" = a."lexeme" AND q."communityId" = a."communityId"
  WHERE q."lexemes" <@ a."lexemes"
), deduped AS (
  -- titleRank names the dataset (a row number over the run's changes), so one sort by it gives
  -- each person's datasets once, already in the order they are listed and counted in.
  SELECT DISTINCT ON (h."personId", h."titleRank") h."personId", h."watchId", h."datasetId", h."titleRank",
    h."change", h."fields"
  FROM hits h ORDER BY h."personId", h."titleRank", h."via"
), per AS MATERIALIZED (
  SELECT d.*, row_number() OVER w AS "n", count(*) OVER w AS "total"
  FROM deduped d
  WINDOW w AS (PARTITION BY d."personId" ORDER BY d."titleRank" ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
), fresh AS (
  INSERT INTO "WatchRunNotice" ("id", "personId", "runId", "changes", "createdAt")
  SELECT gen_random_uuid(), p."personId", $1::uuid, p."total"::int, $2::timestamptz
  FROM per p WHERE p."n" = 1
  ON CONFLICT ("personId", "runId") DO NOTHING
  RETURNING "personId"
), listed AS (
  SELECT p.* FROM per p WHERE p."n" <= $3 AND p."personId" IN (SELECT "personId" FROM fresh)
)
SELECT l."personId", w."communityId", w."kind" AS "watchKind", w."target" AS "watchTarget", l."datasetId",
  d."title" AS "datasetTitle", d."landingPage", d."accessLevel", l."change", l."fields", l."total"::int AS "total"
FROM listed l JOIN "Watch" w ON w."id" = l."watchId" JOIN "Dataset" d ON d."id" = l."datasetId"
ORDER BY l."personId", l."n"`;

/**
 * Watched datasets overdue by their own update frequency (Dataset.overdueFrom, kept by a trigger
 * under the rule of core/catalog/freshness.ts) that their watchers were not told of in this
 * spell: one row per person, dataset and spell start, so the next look tells nobody twice and an
 * update (a new spell later) is told again. Per person and community, the first $2 by title.
 */
const RECORD_OVERDUE_NOTICES = `
WITH due AS MATERIALIZED (
  SELECT w."personId", w."communityId", w."target" AS "watchTarget", d."id" AS "datasetId", d."overdueFrom",
    d."title", d."landingPage", d."accessLevel"
  FROM "Watch" w JOIN "Dataset" d ON d."id" = w."datasetId"
  WHERE w."kind" = 'dataset' AND d."removedAt" IS NULL
    AND d."overdueFrom" <= ($1::timestamptz AT TIME ZONE 'UTC')::date
), fresh AS MATERIALIZED (
  INSERT INTO "WatchOverdueNotice" ("id", "personId", "datasetId", "overdueFrom", "createdAt")
  SELECT gen_random_uuid(), "personId", "datasetId", "overdueFrom", $1::timestamptz FROM due
  ON CONFLICT ("personId", "datasetId", "overdueFrom") DO NOTHING
  RETURNING "personId", "datasetId"
), listed AS (
  SELECT due.*, count(*) OVER (PARTITION BY due."personId", due."communityId") AS "total",
    row_number() OVER (PARTITION BY due."personId", due."communityId" ORDER BY due."title", due."datasetId") AS "n"
  FROM due JOIN fresh ON fresh."personId" = due."personId" AND fresh."datasetId" = due."datasetId"
)
SELECT "personId", "communityId", 'dataset' AS "watchKind", "watchTarget", "datasetId", "title" AS "datasetTitle",
  "landingPage", "accessLevel", 'overdue' AS "change", ARRAY[]::text[] AS "fields",
  to_char("overdueFrom", 'YYYY-MM-DD') AS "dueOn", "total"::int AS "total"
FROM listed WHERE "n" <= $2
ORDER BY "personId", "communityId", "n"`;

type NoticeRow = Omit<WatchNotice, "fields"> & {
  fields: ChangedField[] | null;
  total: number;
} & Record<string, unknown>;

/** Rows of one person (and community) in a row, first `limit` each, into one batch each. */
function batchRows(rows: readonly NoticeRow[]): RunNoticeBatch[] {
  const batches = new Map<string, RunNoticeBatch>();
  for (const { total, dueOn, ...row } of rows) {
    const key = `${row.personId}\u0000${row.communityId}`;
    const batch = batches.get(key) ?? {
      personId: row.personId,
      communityId: row.communityId,
      notices: [],
      total,
    };
    batch.notices.push({ ...row, fields: row.fields ?? [], ...(dueOn ? { dueOn } : {}) });
    batches.set(key, batch);
  }
  return [...batches.values()];
}

/** Watch rows and their notices in SQL (see RECORD_RUN_NOTICES for how a run reaches them). */
export class SqlWatchStore implements WatchStore {
  constructor(private readonly sql: Pick<SqlExecutor, "query">) {}

  async add(watch: NewWatch, at: Date): Promise<{ watch: Watch; created: boolean }> {
    const inserted = await this.sql.query<WatchRow>(
      `INSERT INTO "Watch" ("id", "communityId", "personId", "kind", "datasetId", "target", "createdAt")
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::"WatchKind", $5::uuid, $6, $7::timestamptz)
       ON CONFLICT ("personId", "communityId", "kind", "target") DO NOTHING
       RETURNING "id"`,
      [
        timeOrderedId(),
        watch.communityId,
        watch.personId,
        watch.kind,
        watch.datasetId,
        watch.target,
        at.toISOString(),
      ],
    );
    const [row] = await this.sql.query<WatchRow>(
      `${SELECT_WATCHES} WHERE w."personId" = $1::uuid AND w."communityId" = $2::uuid AND w."kind" = $3::"WatchKind" AND w."target" = $4`,
      [watch.personId, watch.communityId, watch.kind, watch.target],
    );
    if (!row) throw new Error("the watch was not stored");
    return { watch: toWatch(row), created: inserted.length === 1 };
  }

  async list(communityId: string, personId: string): Promise<Watch[]> {
    const rows = await this.sql.query<WatchRow>(
      `${SELECT_WATCHES} WHERE w."personId" = $1::uuid AND w."communityId" = $2::uuid ORDER BY w."createdAt", w."id"`,
      [personId, communityId],
    );
    return rows.map(toWatch);
  }

  async remove(communityId: string, personId: string, watchId: string): Promise<boolean> {
    const rows = await this.sql.query(
      `DELETE FROM "Watch" WHERE "id" = $1::uuid AND "personId" = $2::uuid AND "communityId" = $3::uuid RETURNING "id"`,
      [watchId, personId, communityId],
    );
    return rows.length === 1;
  }

  async recordRunNotices(runId: string, at: Date, limit: number): Promise<RunNoticeBatch[]> {
    return batchRows(await this.sql.query<NoticeRow>(RECORD_RUN_NOTICES, [runId, at.toISOString(), limit]));
  }

  async recordOverdueNotices(now: Date, limit: number): Promise<RunNoticeBatch[]> {
    return batchRows(await this.sql.query<NoticeRow>(RECORD_OVERDUE_NOTICES, [now.toISOString(), limit]));
  }

  async purgeNoticesBefore(before: Date): Promise<number> {
    // An overdue spell's row goes only once the spell is over (the dataset was updated since):
    // forgetting it while the dataset is still overdue would tell its watcher again.
    const rows = await this.sql.query<{ purged: number }>(
      `WITH runs AS (DELETE FROM "WatchRunNotice" WHERE "createdAt" < $1::timestamptz RETURNING 1),
            spells AS (
              DELETE FROM "WatchOverdueNotice" o USING "Dataset" d
               WHERE d."id" = o."datasetId" AND o."createdAt" < $1::timestamptz
                 AND d."overdueFrom" IS DISTINCT FROM o."overdueFrom"
              RETURNING 1)
       SELECT (SELECT count(*) FROM runs)::int + (SELECT count(*) FROM spells)::int AS "purged"`,
      [before.toISOString()],
    );
    return rows[0]?.purged ?? 0;
  }
}

const SELECT_WATCHES = `SELECT w."id", w."kind", w."target", w."datasetId", d."title" AS "datasetTitle", w."createdAt"
  FROM "Watch" w LEFT JOIN "Dataset" d ON d."id" = w."datasetId"`;
