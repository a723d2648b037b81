/**
 * Answer latency at catalog scale: `npm run bench:answers [-- --sizes 1000,10000,300000] [-- --only pglite|postgres]`.
 *
 * Imports the three real catalogs, then grows the community's catalog by copying real records
 * (new keys, titles varied with a place and a year, search vectors extended to match) up to each
 * size, and times `askQuestion` (the whole use case: analysis, search, field answer) for every
 * question of the dev set, asked of the whole community so every dataset is a candidate.
 * Runs on in-memory PGlite, and on PostgreSQL when DATABASE_URL is set (otherwise:
 * `scripts/throwaway-postgres.sh npm run bench:answers`). The first pass after each growth is a
 * warm-up (it loads the term statistics, timed separately); the next passes are measured.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { askQuestion } from "../src/core/catalog/answer-dataset-question.js";
import { systemClock } from "../src/core/ports/clock.js";
import { createCatalogStores } from "../src/store/catalog/catalog-stores.js";
import { type Database, openDatabase } from "../src/store/database.js";
import { ensureDefaultCommunity } from "../src/store/default-community.js";
import { loadQuestionCatalogs } from "../test/support/real-catalogs.js";
import { growCatalogTo } from "./synthetic-datasets.js";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,300000" },
    only: { type: "string" },
    passes: { type: "string", default: "3" },
    questions: { type: "string", default: "../shared/questions/dev.jsonl" },
  },
});
const sizes = (values.sizes ?? "")
  .split(",")
  .map(Number)
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
const passes = Number(values.passes);
const questions = readFileSync(values.questions ?? "", "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => (JSON.parse(line) as { question: string }).question);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function measure(db: Database, label: string): Promise<void> {
  const [community] = await db.sql.query<{ id: string }>(`SELECT "id" FROM "Community" LIMIT 1`);
  const communityId = community?.id ?? "";
  await loadQuestionCatalogs(db.sql);
  const stores = createCatalogStores(db.sql, systemClock);
  for (const size of sizes) {
    const growing = Date.now();
    await growCatalogTo(db.sql, communityId, size);
    const grown = Date.now() - growing;
    const warm = Date.now();
    for (const question of questions) await askQuestion(stores, { question }, communityId);
    const warmUp = Date.now() - warm;
    const times: number[] = [];
    for (let pass = 0; pass < passes; pass += 1) {
      for (const question of questions) {
        const started = performance.now();
        await askQuestion(stores, { question }, communityId);
        times.push(performance.now() - started);
      }
    }
    times.sort((a, b) => a - b);
    const row = [
      label,
      String(size),
      percentile(times, 50).toFixed(1),
      percentile(times, 95).toFixed(1),
      (times[times.length - 1] ?? 0).toFixed(1),
      (warmUp / 1000).toFixed(1),
      (grown / 1000).toFixed(1),
    ];
    process.stdout.write(`${row.map((cell) => cell.padEnd(12)).join("")}\n`);
  }
}

process.stdout.write(`${questions.length} questions × ${passes} passes per size, whole community searched\n`);
process.stdout.write(
  `${["driver", "datasets", "p50 ms", "p95 ms", "max ms", "warm-up s", "grow s"].map((c) => c.padEnd(12)).join("")}\n`,
);
if (values.only !== "postgres") {
  const db = await openDatabase({ kind: "pglite", dataDir: null });
  await ensureDefaultCommunity(db.prisma, { name: "Bench" });
  await measure(db, "pglite");
  await db.close();
}
if (values.only !== "pglite") {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    process.stdout.write(
      "postgres: skipped (DATABASE_URL not set; run: scripts/throwaway-postgres.sh npm run bench:answers)\n",
    );
  } else {
    const name = `datadesk_bench_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ kind: "postgres", url: url.toString() });
    try {
      await ensureDefaultCommunity(db.prisma, { name: "Bench" });
      await measure(db, "postgres");
    } finally {
      await db.close();
      // Without FORCE: an idle pooled connection killed under a closing pool crashes the process.
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`).catch((error: unknown) => {
        process.stderr.write(`could not drop ${name}: ${String(error)}\n`);
      });
      await admin.end();
    }
  }
}
