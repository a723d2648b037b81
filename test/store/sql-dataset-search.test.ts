import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerCard } from "../../src/core/catalog/answer-card.js";
import { askQuestion } from "../../src/core/catalog/answer-dataset-question.js";
import { lookupDataset } from "../../src/core/catalog/lookup-dataset.js";
import { translator } from "../../src/core/i18n/translator.js";
import { systemClock } from "../../src/core/ports/clock.js";
import { plainText } from "../../src/core/shared/card.js";
import { createCatalogStores } from "../../src/store/catalog/catalog-stores.js";
import { loadQuestionCatalogs } from "../support/real-catalogs.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const chicago = "chicago-il-data-2020-07-22.json";
const fortCollins = "fort-collins-co-socrata-catalog-api.json";

/**
 * The answer engine over the real catalogs (the files ../shared/questions is about), through the
 * same reader, sync writer and SQL search production uses.
 */
describe(`answers over the real catalogs (${testDriver})`, () => {
  let db: TestDatabase;
  let communityId: string;
  let stores: ReturnType<typeof createCatalogStores>;
  const ask = (question: string, catalog: string | null = null) =>
    askQuestion(stores, { question, catalog }, communityId);

  beforeAll(async () => {
    db = await openTestDatabase();
    communityId = await loadQuestionCatalogs(db.sql, { files: [chicago, fortCollins] });
    stores = createCatalogStores(db.sql, systemClock);
  });
  afterAll(async () => db.drop());

  it("finds Food Inspections first for 'food inspections'", async () => {
    const answer = await ask("food inspections", chicago);
    expect(answer.confident).toBe(true);
    expect(answer.results[0]?.dataset.title).toBe("Food Inspections");
  });

  it("tolerates typos and everyday words", async () => {
    expect((await ask("libary branch locations", chicago)).results[0]?.dataset.title).toMatch(/^Libraries/);
    expect((await ask("is there a list of towed cars?", chicago)).results[0]?.dataset.title).toBe(
      "Towed Vehicles",
    );
  });

  it("abstains on nonsense and on subjects the catalog does not cover", async () => {
    for (const question of [
      "purple elephants juggling on saturn",
      "where can i see the zoning variance hearings",
    ]) {
      const answer = await ask(question, fortCollins);
      expect(answer.confident, question).toBe(false);
      expect(answer.intent, question).toBe("none");
    }
  });

  it("scopes a question to one catalog", async () => {
    const answer = await ask("west nile mosquito traps", fortCollins);
    expect(answer.results.every((result) => result.dataset.catalog === fortCollins)).toBe(true);
    expect(answer.results[0]?.dataset.key).toBe("us38-2gbe");
  });

  it("gives a Fort Collins dataset's licence as the catalog states it", async () => {
    const answer = await ask(
      "can I reuse the west nile mosquito traps data? what's the license",
      fortCollins,
    );
    expect(answer.field).toMatchObject({
      field: "license",
      value: "Open Data Commons Public Domain Dedication and License",
    });
  });

  it("records a gap when the catalog states no licence", async () => {
    const answer = await ask("what license is the food inspections data under?", chicago);
    expect(answer.results[0]?.dataset.title).toBe("Food Inspections");
    expect(answer.field).toMatchObject({ value: null, gap: "license" });
    const gaps = await stores.metadataGaps.mostAskedGaps(communityId, 10);
    expect(gaps).toContainEqual(
      expect.objectContaining({ datasetTitle: "Food Inspections", field: "license" }),
    );
  });

  it("judges freshness against the clock it is given", async () => {
    const answer = await ask("is the bike racks data current?", chicago);
    const render = (now: string) =>
      answerCard(answer, {
        t: translator("en"),
        locale: "en",
        now: new Date(now),
        offers: { problem: false, access: false },
      }).blocks.flatMap((block) => (block.type === "section" ? [plainText(block.text)] : []));
    expect(answer.field).toMatchObject({ field: "modified", value: "2012-09-07" });
    expect(render("2020-07-22T00:00:00Z")).toContain("Updated: 2012-09-07 (8 years ago)");
    expect(render("2013-03-07T00:00:00Z")).toContain("Updated: 2012-09-07 (6 months ago)");
  });

  it("answers column questions from the catalog's own column list", async () => {
    const answer = await ask("does the stream gage data have latitude and longitude?", fortCollins);
    expect(answer.field?.asked).toEqual([
      expect.objectContaining({ present: true, matches: expect.arrayContaining(["Latitude"]) }),
      expect.objectContaining({ present: true, matches: expect.arrayContaining(["Longitude"]) }),
    ]);
  });

  it("looks a dataset up by key, Socrata id or title, and suggests titles", async () => {
    const byKey = await lookupDataset(
      stores,
      { name: "https://data.cityofchicago.org/api/views/4ijn-s7e5" },
      communityId,
    );
    const byId = await lookupDataset(stores, { name: "4ijn-s7e5" }, communityId);
    const byTitle = await lookupDataset(stores, { name: "food inspection" }, communityId);
    expect([byKey?.title, byId?.title, byTitle?.title]).toEqual([
      "Food Inspections",
      "Food Inspections",
      "Food Inspections",
    ]);
    const suggestions = await stores.datasetSearch.suggestTitles(communityId, "bike", 25);
    expect(suggestions.length).toBeLessThanOrEqual(25);
    expect(suggestions[0]?.title).toMatch(/^Bike/);
  });

  it("forgets datasets removed from the catalog", async () => {
    await db.sql.query(`UPDATE "Dataset" SET "removedAt" = now() WHERE "key" = 'us38-2gbe'`);
    try {
      const answer = await ask("west nile mosquito traps", fortCollins);
      expect(answer.results.map((result) => result.dataset.key)).not.toContain("us38-2gbe");
      expect(await stores.datasetSearch.findByKey(communityId, "us38-2gbe", null)).toBeNull();
    } finally {
      await db.sql.query(`UPDATE "Dataset" SET "removedAt" = NULL WHERE "key" = 'us38-2gbe'`);
    }
  });

  it("rejects a catalog the community does not have", async () => {
    await expect(ask("bike racks", "nowhere.json")).rejects.toMatchObject({ code: "not_found" });
  });
});
