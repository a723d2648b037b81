import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConsoleBot, RunningCli, runCli } from "../support/datadesk-process.js";

/**
 * The embedded store as an operator meets it: `datadesk start` running in one terminal and
 * `datadesk` commands in another, on one data dir. Real processes throughout, because what is
 * tested is what happens between processes: the lock, the shared database, kill -9.
 */

const FORT_COLLINS = "../shared/catalogs/fort-collins-co-socrata-catalog-api.json";
const MINNEAPOLIS = "../shared/catalogs/minneapolis-mn-arcgis-hub-2022-04-17.json";
const dirs: string[] = [];
const bots: ConsoleBot[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "datadesk-shared-"));
  dirs.push(dir);
  return dir;
}
function startBot(dir: string): ConsoleBot {
  const bot = new ConsoleBot(dir);
  bots.push(bot);
  return bot;
}
/**
 * A real DCAT-US catalog grown to thousands of datasets (copies with new identifiers), so that
 * its import takes long enough to be killed in the middle of writing.
 */
function bigCatalog(dir: string, copies: number): { path: string; count: number } {
  const catalog = JSON.parse(readFileSync(MINNEAPOLIS, "utf8")) as {
    dataset: Array<Record<string, unknown>>;
  };
  const original = catalog.dataset;
  catalog.dataset = Array.from({ length: copies }, (_, copy) =>
    original.map((d) => ({
      ...d,
      identifier: `${String(d.identifier)}-${copy}`,
      title: `${String(d.title)} ${copy}`,
    })),
  ).flat();
  const path = join(dir, "big-catalog.json");
  writeFileSync(path, JSON.stringify(catalog));
  return { path, count: catalog.dataset.length };
}

afterAll(async () => {
  await Promise.all(bots.map((bot) => bot.kill9()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("the CLI beside a running bot on the embedded store", { timeout: 300_000 }, () => {
  it("sees every CLI change in chat at once, and keeps it after a restart", async () => {
    const dir = freshDir();
    const bot = startBot(dir);
    await bot.ready();
    // The console user must have talked to the bot once before a role can be granted to them.
    await bot.ask("help", "What you can ask me");

    const imported = await runCli(dir, ["catalog", "import", FORT_COLLINS, "--name", "fc"]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).not.toMatch(/error/i);
    expect(imported.stdout).toContain("51 added");
    await bot.ask("is there data on solar installations?", "Fort Collins Solar Installations");

    expect((await runCli(dir, ["community", "topics", "Transport", "Housing"])).stdout).toContain(
      "Topics: Transport, Housing",
    );
    const granted = await runCli(dir, ["role", "grant", "console:root", "champion", "--topics", "Transport"]);
    expect(granted.code).toBe(0);
    await bot.ask("champions Transport", /root/);
    // A topic set from the CLI is one the bot's problem form accepts at once.
    await bot.ask("problem Housing", "Problem in one line");
    await bot.ask("cancel", /./);

    expect(await bot.quit()).toBe(0);
    expect((await runCli(dir, ["catalog", "list"])).stdout).toContain("fc (socrata): 51 datasets");
    const again = startBot(dir);
    await again.ready();
    await again.ask("is there data on solar installations?", "Fort Collins Solar Installations");
    await again.ask("champions Transport", /root/);
    expect(await again.quit()).toBe(0);
  });

  it("refuses a second start on the same data dir, naming the running pid", async () => {
    const dir = freshDir();
    const bot = startBot(dir);
    await bot.ready();
    const second = startBot(dir);
    expect(await second.exited).toBe(1);
    expect(second.stderr).toContain(`datadesk is already running on`);
    expect(second.stderr).toContain(`pid ${bot.pid}`);
    expect(second.stderr.trim().split("\n")).toHaveLength(1);
    // The running bot is untouched by the refused one.
    await bot.ask("help", "What you can ask me");
    expect(await bot.quit()).toBe(0);
  });
});

describe("kill -9 of the bot on the embedded store", { timeout: 300_000 }, () => {
  it("in the middle of a CLI import: the catalog is all there or not at all, and the next start takes over", async () => {
    const dir = freshDir();
    const big = bigCatalog(freshDir(), 15);
    const bot = startBot(dir);
    await bot.ready();
    const importing = new RunningCli(dir, ["catalog", "import", big.path, "--name", "mpls"]);
    // This import takes ~20 s on an idle 2-core machine (reading, then one write transaction
    // through the bot); 4 s in, it is surely running and surely not committed.
    await importing.waitFor("stderr", "Importing");
    await new Promise((r) => setTimeout(r, 4000));
    await bot.kill9();
    const cut = await importing.done;
    expect(cut.stdout).not.toContain("Imported");
    expect(cut.code).toBe(1);
    // One line that says what happened, not a stack trace.
    expect(cut.stderr).toContain("lost the connection to the database");
    expect(cut.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);

    const listed = await runCli(dir, ["catalog", "list"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain("There are no catalogs yet");
    const next = startBot(dir);
    await next.ready();
    const done = await runCli(dir, ["catalog", "import", MINNEAPOLIS, "--name", "mpls"]);
    expect(done.code).toBe(0);
    expect((await runCli(dir, ["catalog", "list"])).stdout).toContain("mpls (dcat): 206 datasets");
    expect(await next.quit()).toBe(0);
  });

  it("in the middle of a chat write: a filed problem is all there or not at all", async () => {
    const dir = freshDir();
    expect((await runCli(dir, ["community", "topics", "Transport"])).code).toBe(0);
    for (const delayMs of [0, 40, 400]) {
      const bot = startBot(dir);
      await bot.ready();
      await bot.ask("problem Transport", "Problem in one line");
      await bot.ask(`Buses are late (${delayMs})`, "Describe it");
      await bot.ask("The 12 bus is late every morning and nobody can say by how much.", "Who is affected");
      await bot.ask("Commuters in the north", "Place or neighbourhood");
      await bot.ask("", "Topic");
      await bot.ask("", "Post anonymously");
      bot.type("");
      await new Promise((r) => setTimeout(r, delayMs));
      await bot.kill9();
    }
    const exported = await runCli(dir, ["export", "problems", "--format", "json"]);
    expect(exported.code).toBe(0);
    const problems = JSON.parse(exported.stdout) as Array<Record<string, unknown>>;
    expect(problems.length).toBeLessThanOrEqual(3);
    for (const problem of problems) {
      expect(problem).toMatchObject({
        title: expect.stringMatching(/^Buses are late \(\d+\)$/),
        description: "The 12 bus is late every morning and nobody can say by how much.",
        topic: "Transport",
        status: "new",
      });
    }
    const bot = startBot(dir);
    await bot.ready();
    expect(await bot.quit()).toBe(0);
  });
});
