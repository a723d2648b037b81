import { randomUUID } from "node:crypto";
import type { SqlExecutor } from "../../src/store/sql-executor.js";
import { type DigestFacts, emptyDigestFacts } from "../fakes/core/in-memory-digest-source.js";

/**
 * One busy week in Chicago (2026-W47: 16–22 November) with something for every digest section,
 * plus last week's first response for the week-over-week figures. `now` is Friday evening, so the
 * week is still in progress (what a champion's preview sees).
 */
export const busyWeek = {
  timezone: "America/Chicago",
  isoWeek: "2026-W47",
  now: new Date("2026-11-21T00:00:00Z"),
  /** A week long before anything but standing backlogs. */
  quietIsoWeek: "2026-W40",
};

const at = (iso: string) => new Date(iso);

export function busyWeekFacts(communityId: string): DigestFacts {
  const facts = emptyDigestFacts();
  const people = {
    ana: randomUUID(),
    ben: randomUUID(),
    cleo: randomUUID(),
    dan: randomUUID(),
    rita: randomUUID(),
    voters: Array.from({ length: 6 }, () => randomUUID()),
  };
  const voter = (index: number) => people.voters[index] as string;
  const dataset = (
    key: string,
    title: string,
    modified: string | null,
    accrualPeriodicity: string | null,
    removed = false,
  ) => {
    const id = randomUUID();
    facts.datasets.push({
      id,
      communityId,
      sourceName: "city",
      key,
      title,
      landingPage: `https://data.example.org/d/${key}`,
      modified: modified ? at(modified) : null,
      accrualPeriodicity,
      removed,
    });
    return id;
  };
  const food = dataset("food", "Food Inspections", "2026-01-01T00:00:00Z", "R/P1M");
  const bikes = dataset("bikes", "Bike Lanes", "2026-11-10T00:00:00Z", "R/P1M");
  const permits = dataset("permits", "Building Permits", "2026-11-18T00:00:00Z", null);
  const requests311 = dataset("311", "311 Service Requests", "2026-11-18T00:00:00Z", "R/P1W");
  const gone = dataset("gone", "Retired Parking Meters", "2020-01-01T00:00:00Z", "R/P1M", true);
  const crime = dataset("crime", "Crimes", "2026-11-01T00:00:00Z", "R/P1D");
  dataset("odd", "Odd periodicity", "2020-01-01T00:00:00Z", "every now and then");

  facts.syncChanges.push(
    { datasetId: permits, change: "added", finishedAt: at("2026-11-18T14:00:00Z") },
    { datasetId: requests311, change: "updated", finishedAt: at("2026-11-18T14:00:00Z") },
    { datasetId: requests311, change: "updated", finishedAt: at("2026-11-19T14:00:00Z") },
    { datasetId: gone, change: "updated", finishedAt: at("2026-11-18T14:00:00Z") },
    { datasetId: bikes, change: "updated", finishedAt: at("2026-11-12T14:00:00Z") },
  );
  facts.gaps.push(
    { datasetId: food, field: "license", count: 7, lastAskedAt: at("2026-11-17T15:00:00Z") },
    { datasetId: bikes, field: "contact", count: 3, lastAskedAt: at("2026-11-19T15:00:00Z") },
    { datasetId: requests311, field: "columns", count: 9, lastAskedAt: at("2026-11-02T15:00:00Z") },
  );

  const problem = (
    number: number,
    title: string,
    submitterId: string,
    createdAt: string,
    more: Partial<DigestFacts["problems"][number]> = {},
  ) => {
    const id = randomUUID();
    facts.problems.push({
      id,
      communityId,
      number,
      title,
      topic: "Transport",
      submitterId,
      status: "new",
      declineReason: null,
      declineDetail: null,
      hidden: false,
      createdAt: at(createdAt),
      ...more,
    });
    facts.problemEvents.push({
      problemId: id,
      kind: "submitted",
      actorId: submitterId,
      toStatus: "new",
      createdAt: at(createdAt),
    });
    return id;
  };
  const event = (
    problemId: string,
    kind: DigestFacts["problemEvents"][number]["kind"],
    actorId: string,
    when: string,
    toStatus: DigestFacts["problems"][number]["status"] | null = null,
  ) => facts.problemEvents.push({ problemId, kind, actorId, toStatus, createdAt: at(when) });

  const potholes = problem(1, "Potholes on Main Street", people.ana, "2026-10-20T15:00:00Z", {
    status: "solved",
  });
  const busStops = problem(2, "Bus stop accessibility", people.ben, "2026-11-17T12:00:00Z", {
    status: "accepted",
  });
  const trees = problem(3, "Tree canopy by block", people.ana, "2026-11-18T12:00:00Z", {
    status: "declined",
    declineReason: "already_exists",
    declineDetail: "Tree Inventory",
    topic: null,
  });
  const spam = problem(4, "Buy cheap watches", people.ben, "2026-11-18T13:00:00Z", { hidden: true });
  const noise = problem(5, "Noise complaints at night", people.ana, "2026-11-19T12:00:00Z");
  const lastWeek = problem(6, "Snow plough routes", people.ben, "2026-11-09T12:00:00Z", {
    status: "needs_info",
  });

  event(potholes, "status_changed", people.cleo, "2026-10-21T15:00:00Z", "accepted");
  event(potholes, "status_changed", people.cleo, "2026-11-19T16:00:00Z", "solved");
  event(busStops, "status_changed", people.dan, "2026-11-17T18:00:00Z", "accepted");
  event(trees, "status_changed", people.cleo, "2026-11-19T12:00:00Z", "declined");
  event(lastWeek, "info_requested", people.cleo, "2026-11-10T12:00:00Z");
  event(busStops, "dataset_linked", people.dan, "2026-11-18T12:00:00Z");

  const vote = (problemId: string, personId: string, when: string) =>
    facts.votes.push({ problemId, personId, createdAt: at(when) });
  for (const index of [0, 1, 2]) vote(potholes, voter(index), "2026-11-17T20:00:00Z");
  for (const index of [0, 1]) vote(busStops, voter(index), "2026-11-18T20:00:00Z");
  vote(noise, voter(3), "2026-11-19T20:00:00Z");
  vote(spam, voter(4), "2026-11-19T20:00:00Z");
  vote(lastWeek, voter(5), "2026-11-11T20:00:00Z");

  facts.problemDatasets.push(
    { problemId: busStops, datasetId: bikes, createdAt: at("2026-11-18T12:00:00Z") },
    { problemId: trees, datasetId: food, createdAt: at("2026-11-19T12:00:00Z") },
  );
  facts.showcases.push(
    {
      id: randomUUID(),
      communityId,
      number: 1,
      title: "Bus Tracker",
      team: "Civic Hackers",
      link: "https://bustracker.example.org",
      published: true,
      publishedAt: at("2026-11-20T12:00:00Z"),
      datasetIds: [bikes, requests311],
    },
    {
      id: randomUUID(),
      communityId,
      number: 2,
      title: "Draft story",
      team: "Newsroom",
      link: "https://news.example.org",
      published: false,
      publishedAt: null,
      datasetIds: [crime],
    },
  );

  const request = (
    number: number,
    status: DigestFacts["accessRequests"][number]["status"],
    createdAt: string,
    waitingSince: string,
  ) => {
    const id = randomUUID();
    facts.accessRequests.push({
      id,
      communityId,
      number,
      datasetTitle: "Ambulance response times",
      requesterId: people.rita,
      status,
      createdAt: at(createdAt),
      waitingSince: at(waitingSince),
    });
    facts.audit.push({
      communityId,
      subjectId: id,
      actorId: people.rita,
      action: "submitted",
      at: at(createdAt),
    });
    return id;
  };
  request(1, "pending", "2026-11-02T15:00:00Z", "2026-11-02T15:00:00Z");
  const asked = request(2, "needs_info", "2026-11-18T15:00:00Z", "2026-11-19T15:00:00Z");
  const approved = request(3, "approved", "2026-11-03T15:00:00Z", "2026-11-03T15:00:00Z");
  request(4, "pending", "2026-11-16T15:00:00Z", "2026-11-16T15:00:00Z");
  facts.audit.push(
    {
      communityId,
      subjectId: asked,
      actorId: people.dan,
      action: "info_requested",
      at: at("2026-11-19T15:00:00Z"),
    },
    {
      communityId,
      subjectId: approved,
      actorId: people.dan,
      action: "approved",
      at: at("2026-11-17T15:00:00Z"),
    },
  );
  return facts;
}

/** The people the facts mention, so the database's foreign keys hold. */
function personIds(facts: DigestFacts): string[] {
  return [
    ...new Set([
      ...facts.problems.map((p) => p.submitterId),
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
                            "submitterId", "platform", "status", "declineReason", "declineDetail", "hiddenAt",
                            "voteCount", "createdAt", "updatedAt")
     SELECT p.id, p."communityId", p.number, p.title, 'd', 'a', p.topic, false, p."submitterId", 'slack',
            p.status::"ProblemStatus", p."declineReason"::"DeclineReason", p."declineDetail",
            CASE WHEN p.hidden THEN p."createdAt" END, p.votes, p."createdAt", p."createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS p(id uuid, "communityId" uuid, number int, title text, topic text,
            "submitterId" uuid, status text, "declineReason" text, "declineDetail" text, hidden boolean,
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
