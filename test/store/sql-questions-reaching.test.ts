import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  askQuestion,
  CONFIDENCE_THRESHOLD,
  searchesOf,
} from "../../src/core/catalog/answer-dataset-question.js";
import { lowestSearchScoreFor } from "../../src/core/catalog/named-dataset.js";
import { systemClock } from "../../src/core/ports/clock.js";
import { createCatalogStores } from "../../src/store/catalog/catalog-stores.js";
import { loadQuestionCatalogs, realCatalogsDir } from "../support/real-catalogs.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const chicago = "chicago-il-data-2020-07-22.json";
const fortCollins = "fort-collins-co-socrata-catalog-api.json";

/**
 * The pre-filter of matching after a sync (DatasetSearch.questionsReaching) over the real
 * catalogs and the development questions: it may only drop a question whose answers contain
 * none of the changed datasets, or skipping it would lose a match.
 */
describe(`which questions changed datasets can reach (${testDriver})`, () => {
  let db: TestDatabase;
  let communityId: string;
  let stores: ReturnType<typeof createCatalogStores>;
  let questions: { id: string; question: string }[];
  const idOf = async (title: string) => {
    const [row] = await db.sql.query<{ id: string }>(
      `SELECT "id" FROM "Dataset" WHERE "title" = $1 LIMIT 1`,
      [title],
    );
    return row?.id ?? "";
  };
  const reaching = (asked: { id: string; question: string }[], changed: string[], minScore = 0) =>
    stores.datasetSearch.questionsReaching(
      communityId,
      asked.map((q) => ({ id: q.id, searches: searchesOf(q.question) })),
      changed,
      minScore,
    );

  beforeAll(async () => {
    db = await openTestDatabase();
    communityId = await loadQuestionCatalogs(db.sql, { files: [chicago, fortCollins] });
    stores = createCatalogStores(db.sql, systemClock);
    const lines = (await readFile(path.resolve(realCatalogsDir, "../questions/dev.jsonl"), "utf8")).split(
      "\n",
    );
    questions = lines
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as { id: string; question: string; catalog: string })
      .filter((q) => q.catalog === chicago || q.catalog === fortCollins);
  });
  afterAll(async () => db.drop());

  it("keeps every question whose answers contain a changed dataset, and drops others", async () => {
    // One dataset in 25 changed: a sync of a few hundred datasets in a catalog of thousands.
    const changed = (
      await db.sql.query<{ id: string }>(
        `SELECT "id" FROM (SELECT "id", row_number() OVER (ORDER BY md5("key")) AS n FROM "Dataset") d WHERE n % 25 = 0`,
      )
    ).map((row) => row.id);
    const changedSet = new Set(changed);
    const anyScore = await reaching(questions, changed);
    const wellScored = await reaching(questions, changed, lowestSearchScoreFor(CONFIDENCE_THRESHOLD));
    const answered: string[] = [];
    const answeredWell: string[] = [];
    for (const q of questions) {
      const answer = await askQuestion(stores, { question: q.question }, communityId);
      const hits = answer.results.filter((result) => changedSet.has(result.dataset.id));
      if (hits.length > 0) answered.push(q.id);
      if (hits.some((hit) => hit.score >= CONFIDENCE_THRESHOLD)) answeredWell.push(q.id);
    }
    expect(answeredWell.length).toBeGreaterThan(0);
    expect(answered.filter((id) => !anyScore.has(id))).toEqual([]);
    expect(answeredWell.filter((id) => !wellScored.has(id))).toEqual([]);
    // It is a filter: some questions cannot reach any changed dataset and are not asked, and
    // fewer still can reach one that scores enough to be a match.
    expect(anyScore.size).toBeLessThan(questions.length);
    expect(wellScored.size).toBeLessThan(anyScore.size);
  });

  it("never bounds a dataset's score below the score the search gives it", async () => {
    for (const q of questions) {
      const answer = await askQuestion(stores, { question: q.question }, communityId);
      for (const [index, result] of answer.results.slice(0, 3).entries()) {
        // At exactly its own score, the dataset must still reach the question; the first may
        // be a named dataset shown with the top score (named-dataset.ts).
        const floor = index === 0 ? lowestSearchScoreFor(result.score) : result.score;
        const reached = await reaching([q], [result.dataset.id], floor);
        expect({ question: q.question, dataset: result.dataset.title, reached: reached.has(q.id) }).toEqual({
          question: q.question,
          dataset: result.dataset.title,
          reached: true,
        });
      }
    }
  });

  it("reaches a question through the words it is found by, not through others", async () => {
    const asked = [{ id: "q", question: "is there data on food inspections of restaurants?" }];
    expect(await reaching(asked, [await idOf("Food Inspections")])).toEqual(new Set(["q"]));
    expect(await reaching(asked, [await idOf("Towed Vehicles")])).toEqual(new Set());
    // A typo is corrected the way the search corrects it.
    const typo = [{ id: "t", question: "libary branch locations" }];
    expect(
      await reaching(typo, [await idOf("Libraries - Locations, Hours and Contact Information")]),
    ).toEqual(new Set(["t"]));
  });
});
