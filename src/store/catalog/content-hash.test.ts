import { describe, expect, it } from "vitest";
import { datasetFixture } from "../../../test/fakes/core/dataset-fixture.js";
import type { NormalizedDataset } from "../../core/catalog/dataset.js";
import { contentHash } from "./content-hash.js";

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
