/**
 * The two longer digest queries, kept apart from the row mapping so each can be read whole.
 */

/**
 * Overdue by accrual periodicity: `Dataset.overdueFrom` is the first day (UTC) a dataset is
 * overdue under the rule of src/core/catalog/freshness.ts, kept by a trigger, so the count is an
 * index range and the rows shown the start of it, longest overdue first. The core re-checks each
 * row with `freshnessVerdict`. $1 community, $2 instant, $3 limit.
 */
export const OVERDUE_DATASETS_SQL = `
  WITH sources AS MATERIALIZED (
    SELECT "id", "name" FROM "CatalogSource" WHERE "communityId" = $1::uuid
  ), overdue AS NOT MATERIALIZED (
    SELECT d."id", d."sourceId", d."overdueFrom"
      FROM "Dataset" d
     WHERE d."sourceId" IN (SELECT "id" FROM sources)
       AND d."overdueFrom" <= ($2::timestamptz AT TIME ZONE 'UTC')::date
  ), shown AS (
    -- Per source, so each reads the start of its own index range (a catalog or a handful).
    SELECT o.* FROM sources s
     CROSS JOIN LATERAL (
       SELECT d."id", d."sourceId", d."overdueFrom" FROM "Dataset" d
        WHERE d."sourceId" = s."id" AND d."overdueFrom" <= ($2::timestamptz AT TIME ZONE 'UTC')::date
        ORDER BY d."overdueFrom", d."id" LIMIT $3) o
     ORDER BY o."overdueFrom", o."id" LIMIT $3
  )
  SELECT d."title", d."key", s."name" AS "sourceName", d."landingPage", d."modified", d."accrualPeriodicity",
         (SELECT count(*) FROM overdue) AS "total"
    FROM shown
    JOIN "Dataset" d ON d."id" = shown."id"
    JOIN sources s ON s."id" = shown."sourceId"
   ORDER BY shown."overdueFrom", shown."id"`;

/** What counts as a champion's first response to a problem: any triage move by someone else. */
const PROBLEM_RESPONSE_KINDS = `('status_changed', 'info_requested', 'dataset_linked', 'assigned', 'merged_into')`;
/** …and to an access request: a decision or a question, by someone other than the requester. */
const ACCESS_RESPONSE_ACTIONS = `('approved', 'denied', 'info_requested')`;

/**
 * The week's M&E counts in one round trip. First responses are found from the window's events
 * (index on kind/at), keeping those with no earlier response (index on subject and time), so the
 * cost follows the week's activity, not the community's history. $1 community, $2 start, $3 end.
 */
export const IMPACT_COUNTS_SQL = (withShowcases: boolean) => `
  WITH problem_firsts AS (
    SELECT e."problemId", min(e."createdAt") - p."createdAt" AS "delay"
      FROM "ProblemEvent" e
      JOIN "Problem" p ON p."id" = e."problemId"
     WHERE e."kind" IN ${PROBLEM_RESPONSE_KINDS}
       AND e."createdAt" >= $2::timestamptz AND e."createdAt" < $3::timestamptz
       AND p."communityId" = $1::uuid
       AND e."actorId" IS NOT NULL AND e."actorId" <> p."submitterId"
       AND NOT EXISTS (
         SELECT 1 FROM "ProblemEvent" x
          WHERE x."problemId" = e."problemId" AND x."createdAt" < $2::timestamptz
            AND x."kind" IN ${PROBLEM_RESPONSE_KINDS}
            AND x."actorId" IS NOT NULL AND x."actorId" <> p."submitterId")
     GROUP BY e."problemId", p."createdAt"
  ), access_firsts AS (
    SELECT a."subjectId", min(a."at") - r."createdAt" AS "delay"
      FROM "AuditEntry" a
      JOIN "AccessRequest" r ON r."id" = a."subjectId"
     WHERE a."communityId" = $1::uuid AND a."at" >= $2::timestamptz AND a."at" < $3::timestamptz
       AND a."action" IN ${ACCESS_RESPONSE_ACTIONS}
       AND a."actorId" IS NOT NULL AND a."actorId" <> r."requesterId"
       AND NOT EXISTS (
         SELECT 1 FROM "AuditEntry" x
          WHERE x."subjectId" = a."subjectId" AND x."at" < $2::timestamptz
            AND x."action" IN ${ACCESS_RESPONSE_ACTIONS}
            AND x."actorId" IS NOT NULL AND x."actorId" <> r."requesterId")
     GROUP BY a."subjectId", r."createdAt"
  ), linked AS (
    SELECT l."datasetId"
      FROM "ProblemDataset" l
      JOIN "Problem" p ON p."id" = l."problemId"
     WHERE l."createdAt" >= $2::timestamptz AND l."createdAt" < $3::timestamptz AND p."communityId" = $1::uuid
    ${
      withShowcases
        ? `UNION
    SELECT sd."datasetId"
      FROM "ShowcaseDataset" sd
      JOIN "Showcase" s ON s."id" = sd."showcaseId"
     WHERE s."communityId" = $1::uuid AND s."status" = 'published'
       AND s."publishedAt" >= $2::timestamptz AND s."publishedAt" < $3::timestamptz`
        : ""
    }
  ), matched AS (
    -- Problems matched to data: a dataset linked (directly, or by linking a suggested match).
    SELECT l."problemId", l."createdAt" AS "at", p."createdAt" AS "filedAt"
      FROM "ProblemDataset" l
      JOIN "Problem" p ON p."id" = l."problemId"
     WHERE l."createdAt" >= $2::timestamptz AND l."createdAt" < $3::timestamptz AND p."communityId" = $1::uuid
    UNION ALL
    SELECT m."problemId", m."decidedAt", p."createdAt"
      FROM "DataMatch" m
      JOIN "Problem" p ON p."id" = m."problemId"
     WHERE m."state" = 'linked' AND m."decidedAt" >= $2::timestamptz AND m."decidedAt" < $3::timestamptz
       AND p."communityId" = $1::uuid
  ), match_firsts AS (
    -- Counted in the week of the first match, like first responses; earlier links rule a problem out.
    SELECT m."problemId", min(m."at") - m."filedAt" AS "delay"
      FROM matched m
     WHERE NOT EXISTS (SELECT 1 FROM "ProblemDataset" x
                        WHERE x."problemId" = m."problemId" AND x."createdAt" < $2::timestamptz)
       AND NOT EXISTS (SELECT 1 FROM "DataMatch" x
                        WHERE x."problemId" = m."problemId" AND x."state" = 'linked' AND x."decidedAt" < $2::timestamptz)
     GROUP BY m."problemId", m."filedAt"
  )
  SELECT
    (SELECT count(*) FROM problem_firsts) AS "problemFirstResponses",
    (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "delay")) FROM problem_firsts)
      AS "problemFirstResponseMedian",
    (SELECT count(*) FROM access_firsts) AS "accessFirstResponses",
    (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "delay")) FROM access_firsts)
      AS "accessFirstResponseMedian",
    (SELECT count(DISTINCT e."problemId")
       FROM "ProblemEvent" e JOIN "Problem" p ON p."id" = e."problemId"
      WHERE e."kind" = 'status_changed' AND e."toStatus" = 'solved' AND p."communityId" = $1::uuid
        AND e."createdAt" >= $2::timestamptz AND e."createdAt" < $3::timestamptz) AS "problemsSolved",
    (SELECT count(*) FROM "AuditEntry" a
      WHERE a."communityId" = $1::uuid AND a."action" IN ('approved', 'denied')
        AND a."at" >= $2::timestamptz AND a."at" < $3::timestamptz) AS "requestsDecided",
    (SELECT count(DISTINCT "datasetId") FROM linked) AS "datasetsLinked",
    (SELECT count(DISTINCT "problemId") FROM matched) AS "problemsMatched",
    (SELECT count(*) FROM match_firsts) AS "firstMatches",
    (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "delay")) FROM match_firsts)
      AS "firstMatchMedian"`;

/**
 * Matches suggested in the window, newest first, with each one's state now and the counts per
 * state (window functions over the same rows). $1 community, $2 start, $3 end, $4 limit.
 */
export const DATA_MATCHES_SQL = `
  SELECT p."number" AS "problemNumber", p."title" AS "problemTitle", d."title" AS "datasetTitle",
         d."landingPage", m."state"::text AS "state",
         count(*) OVER () AS "total",
         count(*) FILTER (WHERE m."state" = 'suggested') OVER () AS "suggested",
         count(*) FILTER (WHERE m."state" = 'linked') OVER () AS "linked",
         count(*) FILTER (WHERE m."state" = 'rejected') OVER () AS "rejected"
    FROM "DataMatch" m
    JOIN "Problem" p ON p."id" = m."problemId"
    JOIN "Dataset" d ON d."id" = m."datasetId"
   WHERE m."createdAt" >= $2::timestamptz AND m."createdAt" < $3::timestamptz
     AND p."communityId" = $1::uuid AND p."hiddenAt" IS NULL
   ORDER BY m."createdAt" DESC, p."number" DESC
   LIMIT $4`;
