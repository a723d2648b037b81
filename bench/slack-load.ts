/**
 * Slash-command load on Slack's HTTP receiver: `npm run bench:slack-load [-- --rate 200 --seconds 10]`.
 *
 * Starts the real app (startApp: config, database, core, real Bolt HTTP receiver) against the
 * fake Slack on 127.0.0.1, with the Fort Collins catalog imported, and a bare Bolt app (the same
 * signing secret, a `/datadesk` listener that only acks) on another loopback port. A forked load
 * generator (bench/slack-load-client.ts) sends both the identical open-loop schedule of signed
 * `/datadesk` commands (a mix of help, questions, a dataset card and an unknown command) and
 * measures each ack from the moment it was due. Then it checks on the fake that every datadesk
 * command got exactly one reply through its response_url. A PGlite data dir by default (the
 * embedded store as `datadesk start` opens it; `--store memory` for in-memory PGlite); the
 * Postgres named by DATABASE_URL (a throwaway database on it) when set.
 *
 * Target: datadesk's ack latency ≤ 1.5× the bare app's (p50 and p99) at 200 req/s, no ack over 3 s.
 *
 * `--resync 300000`: first imports that many synthetic datasets as a second catalog, then measures
 * datadesk's acks while the bot resyncs it with 1% changed (target: p99 under 100 ms, none over
 * 3 s, every command still answered).
 */
import { type ChildProcess, fork } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { App, LogLevel } from "@slack/bolt";
import { isSlackAdapter } from "../src/adapters/slack/slack-adapter.js";
import { createCatalogSourceReader } from "../src/catalog-sources/index.js";
import { importCatalog } from "../src/core/catalog/import-catalog.js";
import { syncCatalogSourceReporting } from "../src/core/catalog/sync-catalog.js";
import { writeCatalogSync } from "../src/store/catalog/catalog-sync-writer.js";
import { type FakeSlack, slashCommandPayload, startFakeSlack } from "../test/fakes/slack/index.js";
import { startTestApp, type TestApp } from "../test/support/test-app.js";
import { testDriver } from "../test/support/test-database.js";
import type { LoadResult, LoadRun, LoadSample } from "./slack-load-client.js";
import { writeSyntheticCatalog } from "./synthetic-catalog-file.js";

const { values } = parseArgs({
  options: {
    rate: { type: "string", default: "200" },
    seconds: { type: "string", default: "10" },
    /** Unmeasured seconds per target first (JIT, connection pools, caches). */
    warmup: { type: "string", default: "2" },
    /** PGlite only: "dir" (a data dir, as `datadesk start` runs it: PGlite in a worker thread) or "memory". */
    store: { type: "string", default: "dir" },
    /**
     * Measure datadesk's acks while a resync of this many synthetic datasets (1% changed) runs
     * in the bot, as its scheduled catalog-resync job runs it. 0: no resync.
     */
    resync: { type: "string", default: "0" },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const warmupSeconds = Number(values.warmup);
const store = values.store;
const resyncCount = Number(values.resync);
if (
  !(rate > 0 && seconds > 0 && warmupSeconds >= 0 && resyncCount >= 0) ||
  (store !== "dir" && store !== "memory")
) {
  process.stderr.write(
    "usage: bench/slack-load.ts [--rate N>0] [--seconds N>0] [--warmup N>=0] [--store dir|memory] [--resync N]\n",
  );
  process.exit(2);
}

const SIGNING_SECRET = "slack-load-bench-signing-secret";
const ACK_DEADLINE_MS = 3_000;
const TARGET_RATIO = 1.5;
/** During a resync the target is absolute: acks stay far inside Slack's 3 s. */
const RESYNC_P99_TARGET_MS = 100;
const catalogFile = path.resolve(
  process.cwd(),
  "../shared/catalogs/fort-collins-co-socrata-catalog-api.json",
);

/** What people type after /datadesk, cycled: mostly help and questions, a card, a typo. */
const MIX = [
  "help",
  "ask bike lanes",
  "ask is there data on stormwater rates?",
  "help",
  "ask who maintains the water quality data?",
  "dataset Stormwater Rate History",
  "ask can i reuse the council expenses data commercially?",
  "help",
  "ask bike lanes",
  "frobnicate",
] as const;
/** Distinct people, so identity resolution and users.info caching see more than one user. */
const PEOPLE = 25;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

interface Figures {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  overDeadline: number;
  maxSendLag: number;
  elapsedMs: number;
  /** "HTTP 404×9, no answer (ECONNRESET)×2": what the non-200s were. */
  statuses: string;
}

function describeStatuses(samples: readonly LoadSample[]): string {
  const counts = new Map<string, number>();
  for (const s of samples) {
    if (s.status === 200) continue;
    const what = s.status === 0 ? `no answer (${s.error ?? "?"})` : `HTTP ${s.status}`;
    counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  return [...counts].map(([what, n]) => `${what}×${n}`).join(", ");
}

function figuresOf(result: LoadResult): Figures {
  const ok = result.samples.filter((s: LoadSample) => s.status === 200);
  const latencies = result.samples.map((s) => s.latencyMs).sort((a, b) => a - b);
  return {
    requests: result.samples.length,
    errors: result.samples.length - ok.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? 0,
    overDeadline: latencies.filter((ms) => ms > ACK_DEADLINE_MS).length,
    maxSendLag: Math.max(0, ...result.samples.map((s) => s.sendLagMs)),
    elapsedMs: result.elapsedMs,
    statuses: describeStatuses(result.samples),
  };
}

/** The load generator in its own process, driven over IPC. */
function startClient(): { run(run: LoadRun): Promise<LoadResult>; stop(): void } {
  const file = fileURLToPath(new URL("./slack-load-client.ts", import.meta.url));
  const child: ChildProcess = fork(file, [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  return {
    run(run) {
      return new Promise((resolve, reject) => {
        const onMessage = (message: LoadResult | { kind: "error"; message: string }) => {
          child.off("exit", onExit);
          if (message.kind === "result") resolve(message);
          else reject(new Error(`load client: ${message.message}`));
        };
        const onExit = (code: number | null) => reject(new Error(`load client exited (${code})`));
        child.once("message", onMessage);
        child.once("exit", onExit);
        child.send(run);
      });
    },
    stop() {
      if (child.connected) child.send({ kind: "exit" });
    },
  };
}

/** The same schedule for every target: command text and person by position; reply ids by run. */
function bodies(fake: FakeSlack, run: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const person = i % PEOPLE;
    return new URLSearchParams(
      slashCommandPayload({
        text: MIX[i % MIX.length] ?? "help",
        user_id: `U0LOAD${String(person).padStart(3, "0")}`,
        user_name: `load${person}`,
        response_url: fake.responseUrl(`${run}-${i}`),
      }),
    ).toString();
  });
}

async function startBareBolt(fake: FakeSlack): Promise<{ url: string; stop(): Promise<void> }> {
  const app = new App({
    signingSecret: SIGNING_SECRET,
    token: "xoxb-bare-bolt",
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl },
    // Like datadesk: auth.test once at start (without verification Bolt calls it on every request).
    deferInitialization: true,
  });
  await app.init();
  app.command("/datadesk", async ({ ack }) => {
    await ack();
  });
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    async stop() {
      server.closeAllConnections();
      await app.stop();
    },
  };
}

/** Waits until every reply id of `run` has a response (or replies stop coming); counts them. */
async function collectReplies(
  fake: FakeSlack,
  run: string,
  count: number,
  sentAt: number,
): Promise<{ answered: number; lost: number; duplicated: number; lastReplyS: number }> {
  const perId = () => {
    const counts = new Map<string, number>();
    for (const post of fake.responses)
      if (post.id.startsWith(`${run}-`)) counts.set(post.id, (counts.get(post.id) ?? 0) + 1);
    return counts;
  };
  let seen = -1;
  let lastChange = Date.now();
  let lastReplyAt = Date.now();
  for (;;) {
    const total = fake.responses.filter((p) => p.id.startsWith(`${run}-`)).length;
    if (total !== seen) {
      seen = total;
      lastChange = Date.now();
      lastReplyAt = Date.now();
    }
    if (perId().size >= count || Date.now() - lastChange > 20_000) break;
    await sleep(50);
  }
  // Late duplicates would show up shortly after the last reply.
  await sleep(1_000);
  const counts = perId();
  let duplicated = 0;
  for (const n of counts.values()) if (n > 1) duplicated += 1;
  return {
    answered: counts.size,
    lost: count - counts.size,
    duplicated,
    lastReplyS: (lastReplyAt - sentAt) / 1000,
  };
}

const RESYNC_HEAD_START_MS = 2_000;

interface RunningResync {
  isRunning(): boolean;
  /** "3000 updated, 297000 unchanged in 41.2 s", or what went wrong. */
  done: Promise<string>;
}

/**
 * Imports `resyncCount` synthetic datasets as a second catalog, then rewrites its file with 1%
 * of the records changed, so start() runs a real resync: the same use case the scheduled
 * catalog-resync job runs, in the bot's process, against the bot's database.
 */
async function prepareResync(app: TestApp, communityId: string): Promise<{ start(): RunningResync }> {
  const dir = mkdtempSync(path.join(tmpdir(), "datadesk-slack-load-resync-"));
  resyncDirs.push(dir);
  const file = path.join(dir, "data.json");
  const deps = app.app.services.deps;
  await writeSyntheticCatalog(file, resyncCount);
  const importStarted = performance.now();
  const imported = await importCatalog(deps, {
    communityId,
    location: file,
    kind: "dcat",
    name: "synthetic",
  });
  process.stderr.write(
    `imported ${imported.summary.added} synthetic datasets in ${((performance.now() - importStarted) / 1000).toFixed(0)} s\n`,
  );
  await writeSyntheticCatalog(file, resyncCount, { changedEvery: 100 });
  const source = (await deps.catalogs.listSources()).find(
    (s) => s.communityId === communityId && s.name === "synthetic",
  );
  if (!source) throw new Error("the synthetic catalog source was not recorded");
  return {
    start() {
      let running = true;
      const started = performance.now();
      const done = syncCatalogSourceReporting(deps, source)
        .then((result) => {
          const took = `${((performance.now() - started) / 1000).toFixed(1)} s`;
          if (!result.ok) return `FAILED (${result.error.code}) after ${took}`;
          const { added, updated, removed, unchanged } = result.summary;
          return `${added} added, ${updated} updated, ${removed} removed, ${unchanged} unchanged in ${took}`;
        })
        .finally(() => {
          running = false;
        });
      return { isRunning: () => running, done };
    },
  };
}

function databaseLabel(): string {
  if (testDriver === "postgres") return "Postgres (DATABASE_URL, throwaway database)";
  return dataDir
    ? "PGlite data dir (worker thread, served on its private socket, as `datadesk start` runs it)"
    : "PGlite in memory (on the acknowledging event loop: tests' store, not what `datadesk start` runs)";
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return `${cells.map((cell, i) => cell.padEnd(widths[i] ?? 10)).join("")}\n`;
}

const out = (text: string) => process.stdout.write(text);
const count = Math.round(rate * seconds);
const warmCount = Math.round(rate * warmupSeconds);

const fake = await startFakeSlack({ waitTimeoutMs: 60_000 });
let desk: TestApp | null = null;
let bare: Awaited<ReturnType<typeof startBareBolt>> | null = null;
const client = startClient();
const dataDir =
  testDriver === "pglite" && store === "dir"
    ? mkdtempSync(path.join(tmpdir(), "datadesk-slack-load-"))
    : null;
const resyncDirs: string[] = [];
try {
  desk = await startTestApp(
    {
      SLACK_BOT_TOKEN: "xoxb-slack-load-bench",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      DATADESK_COMMUNITY_NAME: "Load Bench",
    },
    { logLevel: "warn", ...(dataDir ? { pgliteDataDir: dataDir } : {}) },
  );
  const prisma = desk.app.services.db.prisma;
  const community = await prisma.community.findFirstOrThrow({ where: { slug: "default" } });
  let catalog = "none (questions are answered with 'no catalog yet')";
  if (existsSync(catalogFile)) {
    const summary = await writeCatalogSync(
      desk.app.services.db.sql,
      { communityId: community.id, name: "fort-collins", kind: "socrata", location: catalogFile },
      createCatalogSourceReader().read(catalogFile, "socrata"),
      new Date(),
    );
    catalog = `fort-collins (Socrata, ${summary.added} datasets)`;
  }
  const resync = resyncCount > 0 ? await prepareResync(desk, community.id) : null;
  const deskPort = desk.app.adapters.find(isSlackAdapter)?.port();
  if (!deskPort) throw new Error("the Slack adapter did not report its port");
  const deskUrl = `http://127.0.0.1:${deskPort}/slack/events`;
  bare = await startBareBolt(fake);

  out(
    `Slack /datadesk load: ${rate} req/s × ${seconds} s = ${count} signed slash commands per target, ` +
      `open loop from a separate process, 127.0.0.1\n`,
  );
  out(`database: ${databaseLabel()}; catalog: ${catalog}\n`);
  out(`mix (cycled): ${MIX.join(" | ")}; ${PEOPLE} people\n`);
  // Everything (fake Slack, both apps, the client, PGlite) shares this machine's cores.
  const load = loadavg().map((n) => n.toFixed(2));
  out(`machine: ${availableParallelism()} cores, load average ${load.join(" ")} before the run\n`);

  const runOn = (url: string, run: string, n: number) =>
    client.run({
      kind: "run",
      url,
      signingSecret: SIGNING_SECRET,
      rate,
      bodies: bodies(fake, run, n),
      timeoutMs: 30_000,
    });

  if (warmCount > 0) {
    out(`warm-up: ${warmupSeconds} s per target (not measured)\n`);
    await runOn(bare.url, "warm-bare", warmCount);
    await runOn(deskUrl, "warm-desk", warmCount);
    await collectReplies(fake, "warm-desk", warmCount, Date.now());
  }

  const bareResult = figuresOf(await runOn(bare.url, "bare", count));
  const errorLinesBefore = desk.logs.filter((line) => line.level >= 50).length;
  const running = resync?.start();
  // Chat must keep being answered while the resync runs, not only once it is over.
  const answeredDuringResync = running?.done.then(
    () => fake.responses.filter((post) => post.id.startsWith("desk-")).length,
  );
  if (running) await sleep(RESYNC_HEAD_START_MS);
  const deskStarted = Date.now();
  const deskResult = figuresOf(await runOn(deskUrl, "desk", count));
  const resyncStillRunning = running?.isRunning() ?? false;
  const replies = await collectReplies(fake, "desk", count, deskStarted);
  const errors = desk.logs.filter((line) => line.level >= 50).slice(errorLinesBefore);
  const errorLines = errors.length;

  const widths = [12, 10, 8, 9, 9, 9, 10, 8, 14];
  out("\nack latency (ms, from each request's due time to its complete 200 response)\n");
  out(row(["target", "requests", "non-200", "p50", "p95", "p99", "max", ">3 s", "max send lag"], widths));
  for (const [label, f] of [
    ["bare Bolt", bareResult],
    ["datadesk", deskResult],
  ] as const) {
    out(
      row(
        [
          label,
          String(f.requests),
          String(f.errors),
          f.p50.toFixed(1),
          f.p95.toFixed(1),
          f.p99.toFixed(1),
          f.max.toFixed(1),
          String(f.overDeadline),
          f.maxSendLag.toFixed(1),
        ],
        widths,
      ),
    );
  }
  for (const [label, f] of [
    ["bare Bolt", bareResult],
    ["datadesk", deskResult],
  ] as const)
    if (f.errors > 0) out(`${label} non-200: ${f.statuses}\n`);
  const p50Ratio = deskResult.p50 / Math.max(bareResult.p50, 0.001);
  const p99Ratio = deskResult.p99 / Math.max(bareResult.p99, 0.001);
  if (running) {
    const outcome = await running.done;
    const met = deskResult.p99 < RESYNC_P99_TARGET_MS && deskResult.overDeadline === 0 && resyncStillRunning;
    out(
      `\nresync of ${resyncCount} datasets in the bot: ${outcome}; datadesk's load ran ` +
        `${RESYNC_HEAD_START_MS / 1000} s after it began and ${resyncStillRunning ? "ended while it was still running" : "OUTLASTED it (use a larger --resync or fewer --seconds)"}\n`,
    );
    out(
      `commands answered (response_url) before the resync ended: ${await answeredDuringResync} of ${count}\n`,
    );
    out(
      `acks during the resync: p99 ${deskResult.p99.toFixed(1)} ms, ${deskResult.overDeadline} over 3 s ` +
        `(target p99 < ${RESYNC_P99_TARGET_MS} ms, none over 3 s, all within the resync: ${met ? "met" : "MISSED"})\n`,
    );
  } else {
    const met = p50Ratio <= TARGET_RATIO && p99Ratio <= TARGET_RATIO && deskResult.overDeadline === 0;
    out(
      `\noverhead datadesk / bare Bolt: p50 ${p50Ratio.toFixed(2)}×, p99 ${p99Ratio.toFixed(2)}× ` +
        `(target ≤ ${TARGET_RATIO}× and no ack over 3 s: ${met ? "met" : "MISSED"})\n`,
    );
  }
  out(
    `datadesk replies (response_url on the fake): ${replies.answered}/${count} commands answered, ` +
      `${replies.lost} lost, ${replies.duplicated} answered more than once; last reply ` +
      `${replies.lastReplyS.toFixed(1)} s after the first request; error log lines: ${errorLines}\n`,
  );
  if (errors[0]) out(`first error log line: ${JSON.stringify(errors[0]).slice(0, 600)}\n`);
  if (replies.lost > 0 || replies.duplicated > 0 || deskResult.errors > 0) process.exitCode = 1;
} finally {
  client.stop();
  await bare?.stop();
  await desk?.close();
  await fake.close();
  for (const dir of [...resyncDirs, ...(dataDir ? [dataDir] : [])])
    rmSync(dir, { recursive: true, force: true });
}
