import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreDeps } from "../../src/core/bot/core-deps.js";
import { addUsageNote } from "../../src/core/catalog/add-usage-note.js";
import { importCatalog } from "../../src/core/catalog/import-catalog.js";
import { resolveActor } from "../../src/core/people/resolve-actor.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { coreDepsFor } from "../support/catalog-cli.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const chicago = path.resolve(process.cwd(), "../shared/catalogs/chicago-il-data-2020-07-22.json");
const FOOD = "https://data.cityofchicago.org/api/views/4ijn-s7e5";

describe(`usage notes in the database (${testDriver})`, () => {
  let db: TestDatabase;
  let deps: CoreDeps;
  let communityId: string;
  const clock = new FakeClock("2026-11-21T10:00:00Z");

  const matches = async (query: string) =>
    (
      await db.sql.query<{ key: string }>(
        `SELECT "key" FROM "Dataset" WHERE "search" @@ websearch_to_tsquery('english', $1) ORDER BY "key"`,
        [query],
      )
    ).map((row) => row.key);

  beforeAll(async () => {
    db = await openTestDatabase();
    deps = coreDepsFor(db, clock);
    communityId = (await db.prisma.community.findFirstOrThrow()).id;
    await importCatalog(deps, { communityId, location: chicago, name: "chicago" });
  });
  afterAll(async () => db.drop());

  it("makes a champion's note searchable at once, in one transaction with the note row", async () => {
    expect(await matches("gastropub")).toEqual([]);
    const operator = await resolveActor(deps, { platform: "console", workspaceId: "local", userId: "ops" });
    const { dataset, note } = await addUsageNote(
      deps,
      { dataset: "4ijn-s7e5", kind: "use_case", text: "Great for gastropub hygiene trends by ward" },
      operator,
    );
    expect(dataset.key).toBe(FOOD);
    expect(note.authorPersonId).toBe(operator.personId);
    expect(await matches("gastropub")).toEqual([FOOD]);
    // Notes keep the order they were written in.
    clock.advanceMinutes(1);
    await addUsageNote(
      deps,
      { dataset: FOOD, kind: "caveat", text: "Reinspections appear as separate rows" },
      operator,
    );
    const row = await db.prisma.dataset.findUniqueOrThrow({ where: { id: dataset.id } });
    expect(row.usageNotesText).toBe(
      "Great for gastropub hygiene trends by ward\nReinspections appear as separate rows",
    );
    expect(await db.prisma.datasetUsageNote.count({ where: { datasetId: dataset.id } })).toBe(2);
  });

  it("keeps champions' notes (and their search terms) through a resync", async () => {
    const outcome = await importCatalog(deps, { communityId, location: chicago, name: "chicago" });
    expect(outcome.summary).toMatchObject({ unchanged: 801 });
    expect(await matches("gastropub")).toEqual([FOOD]);
  });

  it("stores nothing for a dataset that does not exist", async () => {
    const before = await db.prisma.datasetUsageNote.count();
    await expect(
      deps.usageNotes.addUsageNote({
        datasetId: "00000000-0000-0000-0000-000000000000",
        authorPersonId: null,
        kind: "use_case",
        text: "orphan",
        createdAt: new Date(),
      }),
    ).rejects.toThrow();
    expect(await db.prisma.datasetUsageNote.count()).toBe(before);
  });
});
