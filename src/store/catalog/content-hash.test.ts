import { describe, expect, it } from "vitest";
import type { NormalizedDataset } from "../../core/catalog/dataset.js";
import { contentHash } from "./content-hash.js";

const base: NormalizedDataset = {
  key: "k",
  title: "Streetlights",
  description: "",
  descriptionText: "",
  keywords: ["streets", "lights"],
  themes: ["Transportation"],
  publisher: null,
  contactName: null,
  contactEmail: null,
  licenseId: null,
  licenseTitle: null,
  licenseUrl: null,
  issued: null,
  modified: new Date("2020-01-01T00:00:00Z"),
  accrualPeriodicity: null,
  accessLevel: "public",
  landingPage: null,
  distributions: [],
  columns: [],
  usageNotes: [],
  extras: {},
};

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
