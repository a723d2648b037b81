import { describe, expect, it } from "vitest";
import { datasetFixture } from "../../../test/fakes/core/dataset-fixture.js";
import { inMemoryCatalogDeps } from "../../../test/fakes/core/in-memory-catalog-deps.js";
import { askQuestion } from "./answer-dataset-question.js";
import type { NormalizedDataset } from "./dataset.js";

async function catalogOf(datasets: NormalizedDataset[]) {
  const { store, deps } = inMemoryCatalogDeps();
  const communityId = "5d7f0c1a-0000-4000-8000-000000000001";
  await store.syncCatalog(
    { communityId, name: "city", kind: "dcat", location: "/city.json", syncIntervalMinutes: null },
    (async function* () {
      for (const dataset of datasets) yield { ok: true as const, dataset };
    })(),
    new Date("2023-01-01T00:00:00Z"),
  );
  return { store, deps, communityId };
}

const csv = { title: null, format: "CSV", mediaType: "text/csv", url: null, isApi: false };
const zip = { title: null, format: "ZIP", mediaType: "application/zip", url: null, isApi: false };

describe("askQuestion", () => {
  it("answers a find question confidently with ranked datasets", async () => {
    const { deps, communityId } = await catalogOf([
      datasetFixture({ key: "a", title: "Pothole Repairs", keywords: ["potholes"] }),
      datasetFixture({ key: "b", title: "Street Lights" }),
    ]);
    const answer = await askQuestion(deps, { question: "any data on potholes?" }, communityId);
    expect(answer).toMatchObject({ intent: "find", confident: true, field: null });
    expect(answer.results.map((result) => result.dataset.key)).toEqual(["a"]);
  });

  it("abstains when a civic topic of the question is nowhere in the catalog", async () => {
    const { deps, communityId } = await catalogOf([
      datasetFixture({ key: "a", title: "Neighborhood Boundaries", description: "Neighborhood outlines." }),
    ]);
    const answer = await askQuestion(deps, { question: "eviction filings by neighborhood?" }, communityId);
    expect(answer).toMatchObject({
      intent: "none",
      confident: false,
      field: null,
      missingTopics: ["eviction"],
    });
    expect(answer.results.map((result) => result.dataset.key)).toEqual(["a"]);
  });

  it("prefers a relevant dataset that has the asked format", async () => {
    const { deps, communityId } = await catalogOf([
      datasetFixture({
        key: "shp",
        title: "Bus Stops Shapefile",
        keywords: ["bus stops"],
        distributions: [zip],
      }),
      datasetFixture({
        key: "csv",
        title: "Transit Stops",
        description: "Every bus stop.",
        distributions: [csv],
      }),
    ]);
    const answer = await askQuestion(deps, { question: "bus stops as a csv?" }, communityId);
    expect(answer.results[0]?.dataset.key).toBe("csv");
    expect(answer.field).toMatchObject({ field: "formats", asked: [{ asked: "CSV", present: true }] });
  });

  it("records a metadata gap when the field is not in the catalog", async () => {
    const { store, deps, communityId } = await catalogOf([
      datasetFixture({ key: "a", title: "Tree Inventory" }),
    ]);
    const answer = await askQuestion(deps, { question: "who maintains the tree inventory?" }, communityId);
    expect(answer.field).toMatchObject({ field: "contact", value: "City", gap: "contact" });
    expect([...store.gaps.values()]).toEqual([expect.objectContaining({ field: "contact", count: 1 })]);
  });

  it("rejects empty and overlong questions as invalid input", async () => {
    const { deps, communityId } = await catalogOf([]);
    await expect(askQuestion(deps, { question: "  " }, communityId)).rejects.toMatchObject({
      code: "invalid_input",
    });
    await expect(askQuestion(deps, { question: "x".repeat(501) }, communityId)).rejects.toMatchObject({
      code: "invalid_input",
    });
  });
});
