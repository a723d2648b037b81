/**
 * Digest build time at scale: `npm run bench:digest [-- --problems 100000 --votes 1000000 --datasets 300000 --passes 5]`.
 *
 * Seeds one community with two years of history (bench/digest-seed.ts: problems, votes, events,
 * 300k datasets with a first import and daily syncs, gaps, access requests and their audit trail,
 * showcases), then times `buildDigest` (every section of the audience, through SqlDigestSource)
 * for the current week, per audience: p50 and max over the passes after one warm-up, plus each
 * section's own time. Target: ≤ 2 s on Postgres. Runs on Postgres when DATABASE_URL is set
 * (`scripts/throwaway-postgres.sh npm run bench:digest`), else on in-memory PGlite.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { defaultAccessSlaSettings } from "../src/core/access/access-sla-settings.js";
import { buildDigest, sectionsFor } from "../src/core/digest/digest.js";
import { type SectionContext, sectionBuilders } from "../src/core/digest/digest-sections.js";
import type { DigestAudience, DigestDeps } from "../src/core/digest/digest-types.js";
import { digestWeekOf, previousWeek } from "../src/core/digest/digest-week.js";
import {
  defaultDigestSchedule,
  defaultIntakeLimits,
  defaultTriageSettings,
} from "../src/core/ports/community-directory.js";
import { openDatabase } from "../src/store/database.js";
import { SqlDigestSource } from "../src/store/digest/sql-digest-source.js";
import { seedBigCommunity } from "./digest-seed.js";

const { values } = parseArgs({
  options: {
    problems: { type: "string", default: "100000" },
    votes: { type: "string", default: "1000000" },
    datasets: { type: "string", default: "300000" },
    passes: { type: "string", default: "5" },
    /** Keep the seeded Postgres database under this name and reuse it next time (query tuning). */
    database: { type: "string" },
  },
});
const size = {
  problems: Number(values.problems),
  votes: Number(values.votes),
  datasets: Number(values.datasets),
  people: 20_000,
  accessRequests: 5_000,
};
const passes = Number(values.passes);
const timezone = "America/Chicago";
// Friday evening in Chicago: most of the week is in, as when a champion previews it.
const now = new Date("2026-11-21T00:00:00Z");

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function postgresDatabaseUrl(
  serverUrl: string,
  keep: string | undefined,
): Promise<{ url: string; seeded: boolean; drop: () => Promise<void> }> {
  const name = keep ?? `datadesk_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    seeded: exists,
    async drop() {
      if (keep) return;
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  const target = serverUrl ? await postgresDatabaseUrl(serverUrl, values.database) : null;
  const db = await openDatabase(
    target ? { kind: "postgres", url: target.url } : { kind: "pglite", dataDir: null },
  );
  try {
    const [existing] = await db.sql.query<{ id: string }>(
      `SELECT "id" FROM "Community" WHERE "slug" = 'bench'`,
    );
    const [community] = existing
      ? [existing]
      : await db.sql.query<{ id: string }>(
          `INSERT INTO "Community" ("id", "slug", "name", "timezone") VALUES (gen_random_uuid(), 'bench', 'Bench', $1)
           RETURNING "id"`,
          [timezone],
        );
    const communityId = community?.id ?? "";
    const seeding = performance.now();
    if (!existing) await seedBigCommunity(db.sql, communityId, now, size);
    const [counts] = await db.sql.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM "Problem") AS problems, (SELECT count(*) FROM "ProblemVote") AS votes,
              (SELECT count(*) FROM "ProblemEvent") AS events, (SELECT count(*) FROM "Dataset") AS datasets,
              (SELECT count(*) FROM "SyncRunChange") AS "syncChanges", (SELECT count(*) FROM "AuditEntry") AS audit`,
    );
    console.log(`${db.sql.driver}: seeded ${JSON.stringify(counts)} in ${ms(performance.now() - seeding)}`);

    const deps: DigestDeps = {
      digestSource: new SqlDigestSource(db.sql),
      directory: {
        config: async () => ({
          communityId,
          name: "Bench",
          timezone,
          locale: "en",
          topics: [],
          intake: defaultIntakeLimits,
          triage: defaultTriageSettings,
          oncall: null,
          channels: [],
          digest: defaultDigestSchedule,
        }),
      },
      clock: { now: () => now },
      accessSla: defaultAccessSlaSettings,
    };
    const week = digestWeekOf(now, timezone);
    const audiences: DigestAudience[] = [{ kind: "channel" }, { kind: "champions" }];
    for (const audience of audiences) {
      const input = { communityId, week, audience };
      const warm = performance.now();
      const digest = await buildDigest(deps, input);
      const warmUp = performance.now() - warm;
      const times: number[] = [];
      for (let pass = 0; pass < passes; pass += 1) {
        const started = performance.now();
        await buildDigest(deps, input);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(
        `${audience.kind}: ${digest.sections.length} sections, warm-up ${ms(warmUp)}, p50 ${ms(percentile(times, 50))}, max ${ms(times[times.length - 1] ?? 0)} over ${passes} passes (target ≤ 2000 ms)`,
      );
    }
    // Where the time goes: each section alone (sequential, after the warm-ups).
    const previous = previousWeek(week, timezone);
    const context: SectionContext = {
      deps,
      window: { communityId, start: week.start, end: week.end },
      previousWindow: { communityId, start: previous.start, end: previous.end },
      asOf: now,
      timezone,
      staleBusinessDays: defaultTriageSettings.staleBusinessDays,
    };
    const parts: string[] = [];
    for (const key of sectionsFor({ kind: "champions" })) {
      const started = performance.now();
      await sectionBuilders[key](context);
      parts.push(`${key} ${ms(performance.now() - started)}`);
    }
    console.log(`sections: ${parts.join(", ")}`);
  } finally {
    await db.close();
    await target?.drop();
  }
}

await main();
