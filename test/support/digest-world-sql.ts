import type { SqlExecutor } from "../../src/store/sql-executor.js";
import type { DigestFacts } from "../fakes/core/digest-facts.js";

/** The people the facts mention, so the database's foreign keys hold. */
function personIds(facts: DigestFacts): string[] {
  return [
    ...new Set([
      ...facts.problems.map((p) => p.submitterId),
      ...facts.problems.flatMap((p) => (p.assigneeId ? [p.assigneeId] : [])),
      ...facts.votes.map((v) => v.personId),
      ...facts.problemEvents.flatMap((e) => (e.actorId ? [e.actorId] : [])),
      ...facts.accessRequests.map((r) => r.requesterId),
    ]),
  ];
}

/** Writes the facts into a migrated database, row for row what the app itself would have written. */
export async function seedDigestFacts(sql: Pick<SqlExecutor, "query">, facts: DigestFacts): Promise<void> {
  const json = (rows: unknown[]) => JSON.stringify(rows);
  await sql.query(
    `INSERT INTO "Person" ("id", "displayName") SELECT id, 'Person' FROM unnest($1::uuid[]) AS id`,
    [personIds(facts)],
  );
  const sources = [...new Set(facts.datasets.map((d) => `${d.communityId}|${d.sourceName}`))];
  for (const source of sources) {
    const [communityId, name] = source.split("|");
    await sql.query(
      `INSERT INTO "CatalogSource" ("id", "communityId", "name", "kind", "location") VALUES (gen_random_uuid(), $1::uuid, $2, 'dcat', 'test')`,
      [communityId, name],
    );
  }
  await sql.query(
    `INSERT INTO "Dataset" ("id", "sourceId", "key", "title", "description", "descriptionText", "landingPage",
                            "modified", "accrualPeriodicity", "contentHash", "removedAt")
     SELECT d.id, s."id", d.key, d.title, '', '', d."landingPage", d.modified, d."accrualPeriodicity", 'h',
            CASE WHEN d.removed THEN now() END
       FROM jsonb_to_recordset($1::jsonb) AS d(id uuid, "communityId" uuid, "sourceName" text, key text, title text,
            "landingPage" text, modified timestamptz, "accrualPeriodicity" text, removed boolean)
       JOIN "CatalogSource" s ON s."communityId" = d."communityId" AND s."name" = d."sourceName"`,
    [json(facts.datasets)],
  );
  // One succeeded run per source and finish time.
  await sql.query(
    `WITH c AS (
       SELECT c.*, d."sourceId" FROM jsonb_to_recordset($1::jsonb) AS c("datasetId" uuid, change text, "finishedAt" timestamptz)
       JOIN "Dataset" d ON d.id = c."datasetId"
     ), runs AS (
       INSERT INTO "SyncRun" ("id", "sourceId", "status", "startedAt", "finishedAt")
       SELECT gen_random_uuid(), "sourceId", 'succeeded', "finishedAt" - interval '1 minute', "finishedAt"
         FROM (SELECT DISTINCT "sourceId", "finishedAt" FROM c) r
       RETURNING "id", "sourceId", "finishedAt"
     )
     INSERT INTO "SyncRunChange" ("id", "runId", "datasetId", "change")
     SELECT gen_random_uuid(), runs.id, c."datasetId", c.change::"DatasetChange"
       FROM c JOIN runs ON runs."sourceId" = c."sourceId" AND runs."finishedAt" = c."finishedAt"`,
    [json(facts.syncChanges)],
  );
  await sql.query(
    `INSERT INTO "MetadataGap" ("id", "datasetId", "field", "count", "lastAskedAt")
     SELECT gen_random_uuid(), g."datasetId", g.field, g.count, g."lastAskedAt"
       FROM jsonb_to_recordset($1::jsonb) AS g("datasetId" uuid, field text, count int, "lastAskedAt" timestamptz)`,
    [json(facts.gaps)],
  );
  const voteCounts = new Map<string, number>();
  for (const vote of facts.votes) voteCounts.set(vote.problemId, (voteCounts.get(vote.problemId) ?? 0) + 1);
  await sql.query(
    `INSERT INTO "Problem" ("id", "communityId", "number", "title", "description", "affected", "topic", "anonymous",
                            "submitterId", "platform", "status", "declineReason", "declineDetail", "assigneeId", "hiddenAt",
                            "voteCount", "createdAt", "updatedAt")
     SELECT p.id, p."communityId", p.number, p.title, 'd', 'a', p.topic, false, p."submitterId", 'slack',
            p.status::"ProblemStatus", p."declineReason"::"DeclineReason", p."declineDetail", p."assigneeId",
            CASE WHEN p.hidden THEN p."createdAt" END, p.votes, p."createdAt", p."createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS p(id uuid, "communityId" uuid, number int, title text, topic text,
            "submitterId" uuid, status text, "declineReason" text, "declineDetail" text, "assigneeId" uuid, hidden boolean,
            "createdAt" timestamptz, votes int)`,
    [json(facts.problems.map((p) => ({ ...p, votes: voteCounts.get(p.id) ?? 0 })))],
  );
  await sql.query(
    `INSERT INTO "ProblemVote" ("id", "problemId", "personId", "createdAt")
     SELECT gen_random_uuid(), v."problemId", v."personId", v."createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS v("problemId" uuid, "personId" uuid, "createdAt" timestamptz)`,
    [json(facts.votes)],
  );
  await sql.query(
    `INSERT INTO "ProblemEvent" ("id", "problemId", "kind", "actorId", "toStatus", "createdAt")
     SELECT gen_random_uuid(), e."problemId", e.kind::"ProblemEventKind", e."actorId", e."toStatus"::"ProblemStatus", e."createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS e("problemId" uuid, kind text, "actorId" uuid, "toStatus" text, "createdAt" timestamptz)`,
    [json(facts.problemEvents)],
  );
  await sql.query(
    `INSERT INTO "ProblemDataset" ("id", "problemId", "datasetId", "createdAt")
     SELECT gen_random_uuid(), l."problemId", l."datasetId", l."createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS l("problemId" uuid, "datasetId" uuid, "createdAt" timestamptz)`,
    [json(facts.problemDatasets)],
  );
  await sql.query(
    `INSERT INTO "DataMatch" ("id", "problemId", "datasetId", "score", "state", "createdAt", "decidedAt")
     SELECT gen_random_uuid(), m."problemId", m."datasetId", 0.5, m."state"::"DataMatchState", m."createdAt", m."decidedAt"
       FROM jsonb_to_recordset($1::jsonb)
         AS m("problemId" uuid, "datasetId" uuid, "state" text, "createdAt" timestamptz, "decidedAt" timestamptz)`,
    [json(facts.dataMatches)],
  );
  const submitter = personIds(facts)[0];
  for (const showcase of facts.showcases) {
    await sql.query(
      `INSERT INTO "Showcase" ("id", "communityId", "number", "title", "summary", "link", "team", "kind", "status",
                               "submitterId", "platform", "publishedAt")
       VALUES ($1::uuid, $2::uuid, $3, $4, 's', $5, $6, 'app', $7::"ShowcaseStatus", $8::uuid, 'slack', $9::timestamptz)`,
      [
        showcase.id,
        showcase.communityId,
        showcase.number,
        showcase.title,
        showcase.link,
        showcase.team,
        showcase.published ? "published" : "pending_review",
        submitter,
        showcase.publishedAt?.toISOString() ?? null,
      ],
    );
    await sql.query(
      `INSERT INTO "ShowcaseDataset" ("id", "showcaseId", "datasetId")
       SELECT gen_random_uuid(), $1::uuid, id FROM unnest($2::uuid[]) AS id`,
      [showcase.id, showcase.datasetIds],
    );
  }
  await sql.query(
    `INSERT INTO "AccessRequest" ("id", "communityId", "number", "datasetId", "datasetTitle", "requesterId", "platform",
                                  "communityLocale", "details", "status", "open", "waitingSince", "createdAt", "updatedAt")
     SELECT r.id, r."communityId", r.number, gen_random_uuid(), r."datasetTitle", r."requesterId", 'slack', 'en', '{}',
            r.status::"AccessStatus", CASE WHEN r.status IN ('pending', 'needs_info') THEN true END,
            r."waitingSince", r."createdAt", r."createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "communityId" uuid, number int, "datasetTitle" text,
            "requesterId" uuid, status text, "createdAt" timestamptz, "waitingSince" timestamptz)`,
    [json(facts.accessRequests)],
  );
  await sql.query(
    `INSERT INTO "AuditEntry" ("id", "communityId", "at", "actorId", "action", "subjectType", "subjectId", "subjectRef")
     SELECT gen_random_uuid(), a."communityId", a.at, a."actorId", a.action::"AuditAction", 'access_request', a."subjectId", 'AR'
       FROM jsonb_to_recordset($1::jsonb) AS a("communityId" uuid, "subjectId" uuid, "actorId" uuid, action text, at timestamptz)
      ORDER BY a.at`,
    [json(facts.audit)],
  );
}
