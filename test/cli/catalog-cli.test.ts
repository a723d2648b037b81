import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogCliError } from "../../src/cli/catalog/catalog-cli-context.js";
import { catalogGapsCommand } from "../../src/cli/catalog/catalog-gaps-command.js";
import { catalogImportCommand } from "../../src/cli/catalog/catalog-import-command.js";
import { catalogListCommand } from "../../src/cli/catalog/catalog-list-command.js";
import { catalogNoteCommand } from "../../src/cli/catalog/catalog-note-command.js";
import { catalogSyncCommand } from "../../src/cli/catalog/catalog-sync-command.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { catalogCliFor } from "../support/catalog-cli.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const catalogs = path.resolve(process.cwd(), "../shared/catalogs");
const fortCollins = path.join(catalogs, "fort-collins-co-socrata-catalog-api.json");

describe(`datadesk catalog … (${testDriver})`, () => {
  let db: TestDatabase;
  let dir: string;
  const clock = new FakeClock("2020-04-15T00:00:00Z");

  beforeAll(async () => {
    db = await openTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "datadesk-cli-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await db.drop();
  });

  it("imports a catalog with plain progress lines and a summary", async () => {
    const { ctx, stdout, stderr } = await catalogCliFor(db, { clock });
    await catalogImportCommand(ctx, fortCollins, { every: 60 });
    expect(stderr.text).toContain(`Importing ${fortCollins} as "fort-collins-co-socrata-catalog-api"…`);
    expect(stderr.text).toMatch(/read 6 of 51 records\n(.*\n)*read 51 of 51 records\n$/);
    expect(stdout.text).toBe(
      `Imported "fort-collins-co-socrata-catalog-api" (socrata) from ${fortCollins}\n` +
        "  51 added, 0 updated, 0 removed, 0 unchanged, 0 skipped\n",
    );
  });

  it("resyncs Chicago from its stored location: 19 added, 131 updated", async () => {
    const file = path.join(dir, "chicago.json");
    await copyFile(path.join(catalogs, "chicago-il-data-2020-04-14.json"), file);
    const first = await catalogCliFor(db, { clock });
    await catalogImportCommand(first.ctx, file, { name: "chicago", kind: "dcat" });
    expect(first.stdout.text).toContain("782 added, 0 updated, 0 removed, 0 unchanged, 0 skipped");

    await copyFile(path.join(catalogs, "chicago-il-data-2020-07-22.json"), file);
    clock.set("2020-07-23T00:00:00Z");
    const resync = await catalogCliFor(db, { clock });
    await catalogSyncCommand(resync.ctx, "chicago");
    expect(resync.stdout.text).toBe(
      `Synced "chicago" (dcat) from ${file}\n  19 added, 131 updated, 0 removed, 651 unchanged, 0 skipped\n`,
    );
  });

  it("lists catalogs with counts, last run and next resync", async () => {
    const { ctx, stdout } = await catalogCliFor(db, { clock, defaultSyncIntervalMinutes: 1440 });
    await catalogListCommand(ctx);
    const [chicago, fort] = stdout.text.split("\n\n");
    expect(chicago).toContain("chicago (dcat): 801 datasets");
    expect(chicago).toContain(
      "last run:    succeeded 2020-07-23 00:00 UTC: 19 added, 131 updated, 0 removed, 651 unchanged, 0 skipped",
    );
    expect(chicago).toContain("next resync: 2020-07-24 00:00 UTC (every 1440 min)");
    expect(fort).toContain("fort-collins-co-socrata-catalog-api (socrata): 51 datasets");
    expect(fort).toContain("next resync: 2020-04-15 01:00 UTC (every 60 min)");
  });

  it("lists the first skipped records with position, key and problem", async () => {
    const file = path.join(dir, "mixed.json");
    const dataset = (id: string, title: string) => ({
      identifier: id,
      title,
      description: "d",
      accessLevel: "public",
    });
    await writeFile(
      file,
      JSON.stringify({
        dataset: [dataset("a", "A"), { identifier: "b", description: "no title" }, dataset("a", "A again")],
      }),
    );
    const { ctx, stdout } = await catalogCliFor(db, { clock });
    await catalogImportCommand(ctx, file, { kind: "dcat" });
    expect(stdout.text).toContain("1 added, 0 updated, 0 removed, 0 unchanged, 2 skipped");
    expect(stdout.text).toContain("  Skipped records:\n    #2  key b  ");
    expect(stdout.text).toContain("    #3  key a  the same key appears earlier in this catalog");
  });

  it("explains a source it cannot read in one line and changes nothing", async () => {
    const before = await db.prisma.dataset.count();
    const { ctx, stdout } = await catalogCliFor(db, { clock });
    const missing = path.join(dir, "nope.json");
    const error = await catalogImportCommand(ctx, missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogCliError);
    expect((error as CatalogCliError).userMessage).toBe(
      `There is no catalog file at ${missing}. Nothing was changed.`,
    );
    expect(stdout.text).toBe("");
    expect(await db.prisma.dataset.count()).toBe(before);
    await expect(catalogSyncCommand(ctx, "nope")).rejects.toMatchObject({
      userMessage: "There is no catalog called “nope”. `datadesk catalog list` shows the catalogs there are.",
    });
  });

  it("adds a usage note as the terminal's user and lists metadata gaps", async () => {
    const { ctx, stdout } = await catalogCliFor(db, { clock });
    await catalogNoteCommand(ctx, "4ijn-s7e5", "Restaurant-level trends since 2010", { kind: "use_case" });
    expect(stdout.text).toBe(
      'Added a best use case to "Food Inspections" (chicago, key https://data.cityofchicago.org/api/views/4ijn-s7e5).\n',
    );
    const food = await db.prisma.dataset.findFirstOrThrow({ where: { key: { endsWith: "/4ijn-s7e5" } } });
    expect(food.usageNotesText).toBe("Restaurant-level trends since 2010");

    const empty = await catalogCliFor(db, { clock });
    await catalogGapsCommand(empty.ctx);
    expect(empty.stdout.text).toContain("No metadata gaps yet");

    await ctx.deps.metadataGaps.recordGap(food.id, "license");
    await ctx.deps.metadataGaps.recordGap(food.id, "license");
    const gaps = await catalogCliFor(db, { clock });
    await catalogGapsCommand(gaps.ctx, { limit: 5 });
    expect(gaps.stdout.text).toBe(
      "    2×  license           Food Inspections (chicago, key https://data.cityofchicago.org/api/views/4ijn-s7e5), last asked 2020-07-23 00:00 UTC\n",
    );
  });
});
