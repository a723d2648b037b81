import { execFileSync, execSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConsoleBot } from "../support/datadesk-process.js";
import { type DockerStage, readDockerfile } from "../support/dockerfile-steps.js";

/**
 * The release as the Dockerfile builds it, replayed in a clean copy outside a container (no
 * container runtime or base image can be fetched here): the build stage's `npm ci` and
 * `npm run build`, the runtime stage's `npm ci --omit=dev` on the compiled tree, then its CMD,
 * `node bin/datadesk.js start`, which must answer a question from the first-run sample and serve
 * /healthz. Reading the steps from the Dockerfile keeps the two in step: a file the runtime needs
 * but the Dockerfile forgets to copy fails here.
 *
 * It installs packages (from npm's cache after CI's own install), so it runs in the embedded-store
 * leg only; the tree it builds is the same for both.
 */
const root = mkdtempSync(join(tmpdir(), "datadesk-release-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The checkout as a build context: tracked and new files, nothing ignored (no node_modules, dist). */
function cleanContext(): string {
  const context = join(root, "context");
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    encoding: "utf8",
  })
    .split("\0")
    .filter((file) => file !== "" && existsSync(file));
  for (const file of files) cpSync(file, join(context, file));
  return context;
}

/** npm without the settings of the `npm test` that runs vitest, preferring its cache. */
function npmEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, npm_config_prefer_offline: "true", npm_config_update_notifier: "false" };
}

function replayStage(stage: DockerStage, context: string, stages: Map<string, DockerStage>): string[] {
  const dir = join(root, stage.name);
  mkdirSync(dir, { recursive: true });
  const skipped: string[] = [];
  for (const step of stage.steps) {
    if (step.kind === "run") {
      // Build steps are npm commands; the rest (the volume's mkdir/chown) is the container's own.
      if (!step.command.startsWith("npm ")) {
        skipped.push(step.command);
        continue;
      }
      // Emptying npm's cache keeps the image small; here it would empty this machine's own cache.
      const command = step.command.replace(/\s*&&\s*npm cache clean --force\s*$/, "");
      execSync(command, { cwd: dir, env: npmEnv(), stdio: "pipe", timeout: 400_000 });
      continue;
    }
    const fromStage = step.from ? stages.get(step.from) : null;
    if (step.from && !fromStage) throw new Error(`COPY --from=${step.from}: no such stage`);
    for (const source of step.sources) {
      const from = fromStage
        ? join(root, fromStage.name, relative(fromStage.workdir, source))
        : join(context, source);
      const into = step.dest.endsWith("/") ? join(dir, step.dest, basename(source)) : join(dir, step.dest);
      cpSync(from, into, { recursive: true });
    }
  }
  return skipped;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

describe.skipIf(Boolean(process.env.DATABASE_URL))(
  "the release the Dockerfile builds",
  { timeout: 900_000 },
  () => {
    it("builds, installs without dev dependencies, and answers a question from the sample catalog", async () => {
      const stages = readDockerfile("Dockerfile");
      const byName = new Map(stages.map((stage) => [stage.name, stage]));
      const runtime = stages.at(-1);
      if (!runtime?.cmd) throw new Error("the Dockerfile's last stage has no CMD");
      const context = cleanContext();
      const skipped = stages.flatMap((stage) => replayStage(stage, context, byName));
      // Only container housekeeping is left out of the replay, never a step that builds or installs.
      for (const command of skipped) expect(command).not.toMatch(/(^|&&|;|\|)\s*(npm|npx|node|tsc)\s/);

      const app = join(root, runtime.name);
      // Compiled, and no development tooling. (npm still installs TypeScript and the Prisma CLI as
      // @prisma/client's peer dependencies; nothing at run time uses them.)
      expect(existsSync(join(app, "dist/cli/index.js"))).toBe(true);
      for (const devOnly of ["tsx", "vitest", "@biomejs/biome", "playwright-core"]) {
        expect(existsSync(join(app, "node_modules", devOnly)), devOnly).toBe(false);
      }
      expect(existsSync(join(app, "src"))).toBe(false);

      const [program, ...entry] = runtime.cmd;
      expect(program).toBe("node");
      const port = await freePort();
      const { DATADESK_DATA_DIR: _containerDataDir, ...imageEnv } = runtime.env;
      const dataDir = join(root, "data");
      const bot = new ConsoleBot(
        dataDir,
        { ...imageEnv, HOST: "127.0.0.1", PORT: String(port) },
        { entry: entry.slice(0, -1), cwd: app },
      );
      expect(entry.at(-1)).toBe("start");
      try {
        await bot.waitFor("stdout", "(yes/no)", 0, 120_000);
        await bot.ask("yes", "sample-fort-collins");
        const answer = await bot.ask("is there data on solar panels?", "Catalog: sample-fort-collins");
        expect(answer).toContain("Fort Collins Solar Installations");
        await bot.ask("help", "Hi, I'm datadesk");
        const health = await fetch(`http://127.0.0.1:${port}/healthz`);
        expect(health.status).toBe(200);
        expect(await bot.quit()).toBe(0);
      } finally {
        await bot.kill9();
      }
    });
  },
);
