import type { SqlExecutor } from "../src/store/sql-executor.js";

/**
 * A big community for the digest bench, written by generate_series in a few statements: two years
 * of history ending at `now` (100k problems, 1M votes, 300k datasets by default), so each digest
 * query meets a realistic week inside a large history. Triggers are off while seeding (the search
 * vectors and foreign keys are irrelevant to the digest and would only slow the seed); the overdue day
 * the trigger would keep is written directly.
 */
export interface DigestBenchSize {
  problems: number;
  votes: number;
  datasets: number;
  people: number;
  accessRequests: number;
}

export async function seedBigCommunity(
  sql: SqlExecutor,
  communityId: string,
  now: Date,
  size: DigestBenchSize,
): Promise<void> {
  const at = now.toISOString();
  const history = "730 days";
  await sql.transaction(async (tx) => {
    await tx.exec(`SET LOCAL session_replication_role = replica`);
    const q = (text: string, params: unknown[] = []) => tx.query(text, params);
    await q(
      `INSERT INTO "Person" ("id", "displayName")
       SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Person ' || g
         FROM generate_series(1, $1::int) g`,
      [size.people],
    );
    const person = (expr: string) => `('00000000-0000-4000-8000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;
    const problem = (expr: string) => `('00000000-0000-4000-9000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;
    const dataset = (expr: string) => `('00000000-0000-4000-a000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;
    // Problems: filed evenly over two years; a third decided one way or another.
    await q(
      `INSERT INTO "Problem" ("id", "communityId", "number", "title", "description", "affected", "topic", "anonymous",
                              "submitterId", "platform", "status", "declineReason", "voteCount", "createdAt", "updatedAt")
       SELECT ${problem("g")}, $1::uuid, g, 'Problem number ' || g, 'd', 'a',
              (ARRAY['Transport','Housing','Health','Environment'])[1 + g % 4], false,
              ${person("1 + g % $3::int")}, 'slack',
              (ARRAY['new','accepted','solved','declined','needs_info','in_progress']::"ProblemStatus"[])[1 + g % 6],
              CASE WHEN g % 6 = 3 THEN 'out_of_scope'::"DeclineReason" END,
              0, $2::timestamptz - (interval '${history}' * ((g - 1)::float / $4::int)), $2::timestamptz
         FROM generate_series(1, $4::int) g`,
      [communityId, at, size.people, size.problems],
    );
    // Votes: 10 per problem on average, spread over the time since each problem was filed.
    await q(
      `INSERT INTO "ProblemVote" ("id", "problemId", "personId", "createdAt")
       SELECT gen_random_uuid(), ${problem("1 + g % $1::int")}, ${person("1 + ((g / $1::int) * 7919 + g % $1::int) % $3::int")},
              $2::timestamptz - (interval '${history}' * random() * ((1 + g % $1::int)::float / $1::int))
         FROM generate_series(0, $4::int - 1) g`,
      [size.problems, at, size.people, size.votes],
    );
    await q(
      `UPDATE "Problem" p SET "voteCount" = v.n
         FROM (SELECT "problemId", count(*) n FROM "ProblemVote" GROUP BY "problemId") v WHERE v."problemId" = p."id"`,
    );
    // Events: submitted, then a champion's first move a few hours to days later, then the outcome.
    await q(
      `INSERT INTO "ProblemEvent" ("id", "problemId", "kind", "actorId", "toStatus", "createdAt")
       SELECT gen_random_uuid(), p."id", 'submitted'::"ProblemEventKind", p."submitterId", 'new'::"ProblemStatus", p."createdAt"
         FROM "Problem" p
       UNION ALL
       SELECT gen_random_uuid(), p."id", 'status_changed', ${person("1 + (p.number * 31) % 50")}, 'accepted',
              p."createdAt" + interval '1 hour' * (1 + p.number % 72)
         FROM "Problem" p WHERE p."status" <> 'new'
       UNION ALL
       SELECT gen_random_uuid(), p."id", 'status_changed', ${person("1 + (p.number * 17) % 50")}, p."status",
              p."createdAt" + interval '1 day' * (3 + p.number % 20)
         FROM "Problem" p WHERE p."status" IN ('solved', 'declined')`,
    );
    await q(
      `INSERT INTO "ProblemDataset" ("id", "problemId", "datasetId", "createdAt")
       SELECT gen_random_uuid(), ${problem("g * 5")}, ${dataset("1 + (g * 13) % $2::int")},
              $3::timestamptz - (interval '${history}' * (1 - (g * 5)::float / $4::int))
         FROM generate_series(1, $1::int) g`,
      [Math.floor(size.problems / 5), size.datasets, at, size.problems],
    );
    // The catalog: one source, periodicities of every kind, modified over the last two years.
    const [source] = await q(
      `INSERT INTO "CatalogSource" ("id", "communityId", "name", "kind", "location")
       VALUES (gen_random_uuid(), $1::uuid, 'city', 'dcat', 'bench') RETURNING "id"`,
      [communityId],
    );
    await q(
      `INSERT INTO "Dataset" ("id", "sourceId", "key", "title", "description", "descriptionText", "landingPage",
                              "modified", "accrualPeriodicity", "overdueFrom", "contentHash", "firstSeenAt")
       SELECT ${dataset("g")}, $1::uuid, 'key-' || g, 'Dataset ' || g, '', '', 'https://data.example.org/d/' || g,
              m, p, "dataset_overdue_from"(m, p), 'h', $2::timestamptz - interval '${history}'
         FROM (SELECT g, $2::timestamptz - (interval '${history}' * random()) AS m,
                      (ARRAY['R/P1D','R/P1W','R/P1M','R/P3M','R/P1Y','R/PT1H', NULL, 'irregular'])[1 + g % 8] AS p
                 FROM generate_series(1, $3::int) g) x`,
      [(source as { id: string }).id, at, size.datasets],
    );
    // The first import (every dataset added, two years ago) and this week's syncs.
    await q(
      `WITH first AS (
         INSERT INTO "SyncRun" ("id", "sourceId", "status", "startedAt", "finishedAt", "added")
         VALUES (gen_random_uuid(), $1::uuid, 'succeeded', $2::timestamptz - interval '${history}',
                 $2::timestamptz - interval '${history}' + interval '5 minutes', $3::int) RETURNING "id")
       INSERT INTO "SyncRunChange" ("id", "runId", "datasetId", "change")
       SELECT gen_random_uuid(), first."id", ${dataset("g")}, 'added' FROM first, generate_series(1, $3::int) g`,
      [(source as { id: string }).id, at, size.datasets],
    );
    await q(
      `WITH runs AS (
         INSERT INTO "SyncRun" ("id", "sourceId", "status", "startedAt", "finishedAt")
         SELECT gen_random_uuid(), $1::uuid, 'succeeded', $2::timestamptz - interval '1 day' * d,
                $2::timestamptz - interval '1 day' * d + interval '5 minutes'
           FROM generate_series(0, 20) d RETURNING "id", "finishedAt")
       INSERT INTO "SyncRunChange" ("id", "runId", "datasetId", "change")
       SELECT gen_random_uuid(), runs."id", ${dataset('1 + (g * 101 + extract(doy FROM runs."finishedAt")::int * 7) % $3::int')},
              CASE WHEN g % 10 = 0 THEN 'added'::"DatasetChange" ELSE 'updated'::"DatasetChange" END
         FROM runs, generate_series(1, 500) g
       ON CONFLICT DO NOTHING`,
      [(source as { id: string }).id, at, size.datasets],
    );
    await q(
      `INSERT INTO "MetadataGap" ("id", "datasetId", "field", "count", "lastAskedAt")
       SELECT gen_random_uuid(), ${dataset("1 + (g * 37) % $1::int")},
              (ARRAY['license','contact','columns','update_frequency'])[1 + g % 4], 1 + g % 40,
              $2::timestamptz - (interval '${history}' * random())
         FROM generate_series(1, 20000) g ON CONFLICT DO NOTHING`,
      [size.datasets, at],
    );
    // Access requests: most decided within days, a few still waiting.
    await q(
      `INSERT INTO "AccessRequest" ("id", "communityId", "number", "datasetId", "datasetTitle", "requesterId", "platform",
                                    "communityLocale", "details", "status", "open", "waitingSince", "createdAt", "updatedAt")
       SELECT ('00000000-0000-4000-b000-' || lpad(to_hex(g), 12, '0'))::uuid, $1::uuid, g, ${dataset("g")}, 'Dataset ' || g,
              ${person("100 + g % 5000")}, 'slack', 'en', '{}',
              CASE WHEN g % 25 = 0 THEN 'pending'::"AccessStatus" WHEN g % 2 = 0 THEN 'approved' ELSE 'denied' END,
              CASE WHEN g % 25 = 0 THEN true END,
              $2::timestamptz - (interval '${history}' * (1 - g::float / $3::int)),
              $2::timestamptz - (interval '${history}' * (1 - g::float / $3::int)), $2::timestamptz
         FROM generate_series(1, $3::int) g`,
      [communityId, at, size.accessRequests],
    );
    await q(
      `INSERT INTO "AuditEntry" ("id", "communityId", "at", "actorId", "action", "subjectType", "subjectId", "subjectRef")
       SELECT gen_random_uuid(), $1::uuid, r."createdAt", r."requesterId", 'submitted', 'access_request', r."id", 'AR-' || r.number
         FROM "AccessRequest" r
       UNION ALL
       SELECT gen_random_uuid(), $1::uuid, r."createdAt" + interval '1 hour' * (2 + r.number % 100), ${person("1 + r.number % 50")},
              CASE WHEN r.status = 'approved' THEN 'approved'::"AuditAction" ELSE 'denied' END, 'access_request', r."id", 'AR-' || r.number
         FROM "AccessRequest" r WHERE r.status <> 'pending'`,
      [communityId],
    );
    await q(
      `INSERT INTO "Showcase" ("id", "communityId", "number", "title", "summary", "link", "team", "kind", "status",
                               "submitterId", "platform", "submittedAt", "publishedAt")
       SELECT gen_random_uuid(), $1::uuid, g, 'Showcase ' || g, 's', 'https://example.org/' || g, 'Team ' || g, 'app',
              CASE WHEN g % 3 = 0 THEN 'pending_review'::"ShowcaseStatus" ELSE 'published' END, ${person("1 + g")}, 'slack',
              $2::timestamptz - (interval '${history}' * (1 - g::float / 1000)),
              CASE WHEN g % 3 <> 0 THEN $2::timestamptz - (interval '${history}' * (1 - g::float / 1000)) END
         FROM generate_series(1, 1000) g`,
      [communityId, at],
    );
    await q(
      `INSERT INTO "ShowcaseDataset" ("id", "showcaseId", "datasetId")
       SELECT gen_random_uuid(), s."id", ${dataset("1 + (s.number * 7) % $1::int")} FROM "Showcase" s`,
      [size.datasets],
    );
  });
  await sql.exec(`ANALYZE`);
}
