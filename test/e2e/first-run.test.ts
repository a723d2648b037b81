import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConsoleBot, runCli } from "../support/datadesk-process.js";

/**
 * A newcomer's first run, as the README's quick start shows it: `datadesk start` on a fresh data
 * dir offers the shipped sample catalog, the first question gets a real answer from it, and one
 * command removes it again. Real processes on a real embedded data dir.
 */
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "datadesk-first-run-"));
  dirs.push(dir);
  return dir;
}

describe("first run: the sample catalog", { timeout: 180_000 }, () => {
  it("offers the sample, answers from it, lists it as a sample and removes it with one command", async () => {
    const dataDir = freshDataDir();
    const bot = new ConsoleBot(dataDir);
    await bot.waitFor("stdout", "Load a small sample (20 real datasets from Fort Collins, Colorado)");
    await bot.ask("yes", 'Loaded 20 sample datasets as the catalog "sample-fort-collins"');
    const answer = await bot.ask("is there data on solar panels?", "Catalog: sample-fort-collins");
    expect(answer).toContain("Fort Collins Solar Installations");
    expect(await bot.quit()).toBe(0);

    const listed = await runCli(dataDir, ["catalog", "list"]);
    expect(listed.stdout).toContain("sample-fort-collins (socrata): 20 datasets");
    expect(listed.stdout).toContain("remove with: datadesk catalog remove sample-fort-collins");
    expect(listed.stdout).toContain("next resync: on demand only");

    const removed = await runCli(dataDir, ["catalog", "remove", "sample-fort-collins"]);
    expect(removed).toMatchObject({ code: 0 });
    expect(removed.stdout).toBe('Removed the catalog "sample-fort-collins" and its 20 datasets.\n');
    const again = await runCli(dataDir, ["catalog", "remove", "sample-fort-collins"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('There is no catalog named "sample-fort-collins"');
    expect((await runCli(dataDir, ["catalog", "list"])).stdout).toContain("There are no catalogs yet");
  });

  it("takes no for an answer, and any other first line as the question it is", async () => {
    const declined = new ConsoleBot(freshDataDir());
    await declined.waitFor("stdout", "(yes/no)");
    await declined.ask("no", "Import your own catalog with: datadesk catalog import");
    await declined.ask("bike lanes?", "No data catalog yet");
    expect(await declined.quit()).toBe(0);

    // Spanish: the offer in Spanish, "sí" loads it.
    const dataDir = freshDataDir();
    const spanish = new ConsoleBot(dataDir, { DATADESK_LOCALE: "es" });
    await spanish.waitFor("stdout", "¿Cargo una pequeña muestra");
    await spanish.ask(
      "sí",
      'Cargados 20 conjuntos de datos de muestra como el catálogo "sample-fort-collins"',
    );
    expect(await spanish.quit()).toBe(0);

    // With a catalog there, no offer: the first line is a question (the community kept Spanish).
    const returning = new ConsoleBot(dataDir);
    await returning.waitFor("stdout", "Consola de datadesk");
    await returning.ask("water quality", "City of Fort Collins Water Quality");
    expect(await returning.quit()).toBe(0);
    expect(returning.stdout).not.toContain("(sí/no)");
  });
});
