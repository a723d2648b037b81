/**
 * Import throughput at scale: synthesises a DCAT-US data.json of N datasets (default 300,000)
 * from the real Chicago records (new identifiers, light text variation), streamed to a temp
 * file, then imports it through the same use case, reader and SQL store as `datadesk catalog
 * import`: on file-backed PGlite in a temp dir, and on PostgreSQL when DATABASE_URL is set
 * (e.g. `scripts/throwaway-postgres.sh npm run bench:import`).
 *
 *   npm run bench:import [-- --count 300000] [-- --only pglite|postgres] [-- --no-resync]
 *
 * Prints import time, records/s and peak RSS (sampled every 100 ms) of the importing process,
 * one child process per driver. PGlite runs inside that process, so its memory is in the
 * figure; PostgreSQL's server memory is not. Each driver then resyncs the same catalog with 1%
 * of its records changed (`--no-resync` skips it), the figure a scheduled resync of a portal costs.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createCatalogSourceReader } from "../src/catalog-sources/index.js";
import { importCatalog } from "../src/core/catalog/import-catalog.js";
import { systemClock } from "../src/core/ports/clock.js";
import { createCatalogStores } from "../src/store/catalog/catalog-stores.js";
import { type DatabaseTarget, openDatabase } from "../src/store/database.js";
import { DEFAULT_COMMUNITY_SLUG, ensureDefaultCommunity } from "../src/store/default-community.js";
import { writeSyntheticCatalog } from "./synthetic-catalog-file.js";

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

interface Figures {
  driver: string;
  records: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
  added: number;
  updated: number;
  skipped: number;
}

/** Imports `file`, then (when given) resyncs the same source from `resyncFile`. */
async function importOnce(
  target: DatabaseTarget,
  driver: string,
  file: string,
  resyncFile: string | undefined,
): Promise<Figures[]> {
  const db = await openDatabase(target);
  try {
    await ensureDefaultCommunity(db.prisma, { name: "Bench" });
    const community = await db.prisma.community.findUniqueOrThrow({
      where: { slug: DEFAULT_COMMUNITY_SLUG },
    });
    const deps = {
      ...createCatalogStores(db.sql, systemClock),
      catalogSources: createCatalogSourceReader(),
      clock: systemClock,
    };
    const runs: Figures[] = [];
    for (const [label, location] of [
      [driver, file],
      ...(resyncFile ? [[`${driver} resync 1%`, resyncFile]] : []),
    ] as const) {
      runs.push(await measure(label, () => importCatalogFrom(location)));
    }
    return runs;

    function importCatalogFrom(location: string) {
      let lastReport = 0;
      const started = performance.now();
      return importCatalog(
        deps,
        { communityId: community.id, location, kind: "dcat", name: "bench" },
        {
          onProgress: ({ records }) => {
            if (records - lastReport >= 50_000) {
              lastReport = records;
              const seconds = (performance.now() - started) / 1000;
              process.stderr.write(`  ${driver}: ${records} records read after ${seconds.toFixed(0)} s\n`);
            }
          },
        },
      );
    }
  } finally {
    await db.close();
  }
}

/** Time and peak RSS of one import; the peak is the process's, so it includes what came before. */
async function measure(label: string, run: () => ReturnType<typeof importCatalog>): Promise<Figures> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const started = performance.now();
  try {
    const { summary } = await run();
    const seconds = (performance.now() - started) / 1000;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const records = summary.added + summary.updated + summary.unchanged + summary.skipped;
    return {
      driver: label,
      records,
      seconds,
      perSecond: records / seconds,
      peakRssMb: peakRss / 1024 / 1024,
      added: summary.added,
      updated: summary.updated,
      skipped: summary.skipped,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** A throwaway database on the DATABASE_URL server, dropped afterwards. */
async function withPostgresDatabase<T>(serverUrl: string, body: (url: string) => Promise<T>): Promise<T> {
  const name = `datadesk_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await body(url.toString());
  } finally {
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await cleanup.end();
  }
}

/** One driver in this process: what a child run does, printing its figures as one JSON line. */
async function runDriver(driver: "pglite" | "postgres", file: string, resyncFile?: string): Promise<void> {
  const figures =
    driver === "pglite"
      ? await (async () => {
          const dir = await mkdtemp(path.join(tmpdir(), "datadesk-bench-pglite-"));
          try {
            return await importOnce(
              { kind: "pglite", dataDir: dir },
              "PGlite (file-backed)",
              file,
              resyncFile,
            );
          } finally {
            await rm(dir, { recursive: true, force: true });
          }
        })()
      : await withPostgresDatabase(process.env.DATABASE_URL ?? "", (url) =>
          importOnce({ kind: "postgres", url }, "PostgreSQL", file, resyncFile),
        );
  console.log(JSON.stringify(figures));
}

/**
 * Each driver is measured in a child process of its own, so one run's peak RSS (PGlite's WASM
 * heap is never handed back) does not inflate the next one's.
 */
function runChild(driver: "pglite" | "postgres", file: string, resyncFile?: string): Promise<Figures[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        "--import",
        "tsx",
        fileURLToPath(import.meta.url),
        "--driver",
        driver,
        "--file",
        file,
        ...(resyncFile ? ["--resync-file", resyncFile] : []),
      ],
      { maxBuffer: 1024 * 1024 },
      (error, stdout) => {
        if (error) return reject(error);
        resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]") as Figures[]);
      },
    ).stderr?.pipe(process.stderr);
  });
}

async function main(): Promise<void> {
  const driver = argument("driver");
  const given = argument("file");
  if ((driver === "pglite" || driver === "postgres") && given)
    return runDriver(driver, given, argument("resync-file"));

  const count = Number(argument("count") ?? 300_000);
  const only = argument("only");
  const dir = await mkdtemp(path.join(tmpdir(), "datadesk-bench-import-"));
  try {
    const file = path.join(dir, "data.json");
    const synthStarted = performance.now();
    await writeSyntheticCatalog(file, count);
    const size = (await stat(file)).size;
    process.stderr.write(
      `synthesised ${count} datasets (${(size / 1024 / 1024).toFixed(0)} MB) in ${((performance.now() - synthStarted) / 1000).toFixed(1)} s\n`,
    );
    const resyncFile = process.argv.includes("--no-resync") ? undefined : path.join(dir, "resync.json");
    if (resyncFile) await writeSyntheticCatalog(resyncFile, count, { changedEvery: 100 });
    const figures: Figures[] = [];
    if (only !== "postgres") figures.push(...(await runChild("pglite", file, resyncFile)));
    if (process.env.DATABASE_URL && only !== "pglite")
      figures.push(...(await runChild("postgres", file, resyncFile)));
    else if (only !== "pglite") {
      process.stderr.write(
        "DATABASE_URL is not set: skipping PostgreSQL (scripts/throwaway-postgres.sh starts one)\n",
      );
    }
    console.log(
      `catalog import bench: ${count} synthetic DCAT datasets, ${(size / 1024 / 1024).toFixed(0)} MB`,
    );
    for (const f of figures) {
      console.log(
        `${f.driver.padEnd(32)} ${f.seconds.toFixed(1).padStart(7)} s  ${f.perSecond.toFixed(0).padStart(6)} records/s  peak RSS ${f.peakRssMb.toFixed(0)} MB  (added ${f.added}, updated ${f.updated}, skipped ${f.skipped})`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
