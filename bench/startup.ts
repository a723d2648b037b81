/**
 * Start-up time and memory of `datadesk start`, from the TypeScript sources (tsx) and compiled
 * (dist/, what `npm start` and the container run): `npm run bench:startup [-- --runs 3]`.
 *
 * Console: a fresh embedded data dir each run, timed from spawn to the welcome line (the embedded
 * store migrated and open). Bot: Discord against the fake Discord server (test/fakes), timed to
 * "adapter started" (logged in over the gateway). RSS is the process's resident set (/proc
 * VmRSS, worker threads included) once ready and again after a second of idling. Builds dist/
 * first unless --no-build. Prints the median of the runs.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startFakeDiscord } from "../test/fakes/discord/fake-discord-server.js";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "3" }, "no-build": { type: "boolean", default: false } },
});
const runs = Number(values.runs);

const entries = {
  tsx: ["--import", "tsx", "src/cli/index.ts", "start"],
  compiled: ["bin/datadesk.js", "start"],
};

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

interface Sample {
  readyMs: number;
  rssMb: number;
  idleRssMb: number;
}

async function measure(args: string[], env: NodeJS.ProcessEnv, readyText: string): Promise<Sample> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, { env, stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  const ready = new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(readyText)) resolve(performance.now() - started);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited ${code} before ready:\n${output}`)));
  });
  const readyMs = await ready;
  const rss = rssMb(child.pid ?? 0);
  await new Promise((r) => setTimeout(r, 1000));
  const idleRss = rssMb(child.pid ?? 0);
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
  return { readyMs, rssMb: rss, idleRssMb: idleRss };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME };

async function consoleRun(args: string[]): Promise<Sample> {
  const dataDir = mkdtempSync(join(tmpdir(), "datadesk-bench-startup-"));
  try {
    return await measure(args, { ...baseEnv, DATADESK_DATA_DIR: dataDir }, "datadesk console");
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function botRun(args: string[]): Promise<Sample> {
  const dataDir = mkdtempSync(join(tmpdir(), "datadesk-bench-startup-"));
  const fake = await startFakeDiscord({ token: "bench-token" });
  try {
    const env = {
      ...baseEnv,
      DATADESK_DATA_DIR: dataDir,
      DISCORD_TOKEN: "bench-token",
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_BASE: fake.apiBase,
      LOG_LEVEL: "info",
    };
    return await measure(args, env, '"adapter started"');
  } finally {
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (!values["no-build"]) execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });

console.log(`datadesk start, median of ${runs} runs (ready = console welcome / Discord adapter started)`);
console.log("what      from      ready ms   RSS MB at ready   RSS MB after 1 s");
for (const [what, run] of [
  ["console", consoleRun],
  ["bot", botRun],
] as const) {
  for (const [from, args] of Object.entries(entries)) {
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) samples.push(await run(args));
    const row = [
      what.padEnd(9),
      from.padEnd(9),
      median(samples.map((s) => s.readyMs))
        .toFixed(0)
        .padStart(8),
      median(samples.map((s) => s.rssMb))
        .toFixed(0)
        .padStart(17),
      median(samples.map((s) => s.idleRssMb))
        .toFixed(0)
        .padStart(18),
    ];
    console.log(row.join(" "));
  }
}
