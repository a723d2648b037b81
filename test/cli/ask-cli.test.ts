import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AskJson, askCliCommand } from "../../src/cli/ask-command.js";
import { catalogCliFor } from "../support/catalog-cli.js";
import { loadQuestionCatalogs } from "../support/real-catalogs.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const fortCollins = "fort-collins-co-socrata-catalog-api.json";

/** `datadesk ask`: the JSON contract other tools (the answer eval) read, and the plain card. */
describe(`datadesk ask (${testDriver})`, () => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), "ask-cli-"));
  beforeAll(async () => {
    db = await openTestDatabase();
    await loadQuestionCatalogs(db.sql, { files: [fortCollins] });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it("prints one JSON line per batch line, errors included, keyed by the catalog's own key", async () => {
    const file = join(dir, "questions.jsonl");
    writeFileSync(
      file,
      [
        JSON.stringify({
          id: "q1",
          question: "what license is the solar installations data under?",
          catalog: fortCollins,
        }),
        "",
        JSON.stringify({ id: 2, question: "flying saucer landing sites" }),
        JSON.stringify({ id: "q3", question: "bike racks", catalog: "nowhere" }),
        "not json",
      ].join("\n"),
    );
    const { ctx, stdout } = await catalogCliFor(db);
    await askCliCommand(ctx, [], { json: true, batch: file });
    const lines = stdout.text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as AskJson & { error?: string });
    expect(lines.map((line) => line.id)).toEqual(["q1", "2", "q3", "line-5"]);
    expect(lines[0]).toMatchObject({
      intent: "license",
      confident: true,
      results: expect.arrayContaining([
        expect.objectContaining({ key: "3ku5-x4k9", title: "Fort Collins Solar Installations" }),
      ]),
      answer: { field: "license", value: "Open Data Commons Public Domain Dedication and License" },
    });
    expect(lines[0]?.results[0]).toEqual({
      key: "3ku5-x4k9",
      title: "Fort Collins Solar Installations",
      catalog: fortCollins,
      score: expect.any(Number),
    });
    expect(lines[1]).toMatchObject({ intent: "none", confident: false, answer: null });
    expect(lines[2]?.error).toContain("There is no catalog called “nowhere”");
    expect(lines[3]?.error).toContain("line 5 is not");
  });

  it("answers one question as JSON or as a card", async () => {
    const json = await catalogCliFor(db);
    await askCliCommand(json.ctx, ["who", "maintains", "the", "water", "quality", "data?"], { json: true });
    const answer = JSON.parse(json.stdout.text) as AskJson;
    expect(answer).toMatchObject({
      intent: "owner",
      confident: true,
      answer: { field: "contact", value: "Water Utilities" },
    });
    expect(answer.results[0]?.title).toBe("City of Fort Collins Water Quality");
    const text = await catalogCliFor(db);
    await askCliCommand(text.ctx, ["is the water quality data current?"], { catalog: fortCollins });
    expect(text.stdout.text).toMatch(/^City of Fort Collins Water Quality\n=+\n/);
    expect(text.stdout.text).toContain("*Updated*: 2023-05-10");
    expect(text.stdout.text.match(/2023-05-10/g)).toHaveLength(1);
  });
});
