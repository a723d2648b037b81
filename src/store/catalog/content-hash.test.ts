import { describe, expect, it } from "vitest";
import { datasetFixture } from "../../../test/fakes/core/dataset-fixture.js";
import { collect, realCatalog } from "../../../test/support/catalog-records.js";
import { createCatalogSourceReader } from "../../catalog-sources/index.js";
import type { NormalizedDataset } from "../../core/catalog/dataset.js";
import { contentHash, stableStringify } from "./content-hash.js";

const base: NormalizedDataset = datasetFixture({
  key: "k",
  title: "Streetlights",
  keywords: ["streets", "lights"],
  themes: ["Transportation"],
  modified: new Date("2020-01-01T00:00:00Z"),
});

describe("contentHash", () => {
  it("ignores keyword order but not keyword content", () => {
    expect(contentHash({ ...base, keywords: ["lights", "streets"] })).toBe(contentHash(base));
    expect(contentHash({ ...base, keywords: ["lights"] })).not.toBe(contentHash(base));
  });
  it("changes with the modified date and with nested fields", () => {
    expect(contentHash({ ...base, modified: new Date("2020-01-02T00:00:00Z") })).not.toBe(contentHash(base));
    expect(contentHash({ ...base, extras: { a: "1" } })).not.toBe(contentHash(base));
  });
});

/** The text every stored hash was made from: JSON.stringify of a key-sorted copy. */
function referenceStable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(referenceStable);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, referenceStable((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

describe("stableStringify", () => {
  it("writes exactly the text stored hashes were made from, for every dataset of a real catalog", async () => {
    const reader = createCatalogSourceReader();
    const { datasets } = await collect(reader.read(realCatalog("chicago-il-data-2020-07-22.json"), "dcat"));
    expect(datasets.length).toBeGreaterThan(500);
    for (const dataset of datasets)
      expect(stableStringify(dataset)).toBe(JSON.stringify(referenceStable(dataset)));
    const odd = {
      b: [undefined, 1.5, Number.NaN, null, 'é"\n'],
      a: { z: undefined, y: new Date(0) },
      "": true,
    };
    expect(stableStringify(odd)).toBe(JSON.stringify(referenceStable(odd)));
  });
});
