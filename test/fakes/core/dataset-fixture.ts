import type { NormalizedDataset } from "../../../src/core/catalog/dataset.js";

/** A valid normalised dataset with every field set, for tests that care about one or two. */
export function datasetFixture(overrides: Partial<NormalizedDataset> & { key: string }): NormalizedDataset {
  const title = overrides.title ?? `Dataset ${overrides.key}`;
  return {
    title,
    description: `About ${title}`,
    descriptionText: `About ${title}`,
    keywords: [],
    themes: [],
    publisher: "City",
    contactName: null,
    contactEmail: null,
    licenseId: null,
    licenseTitle: null,
    licenseUrl: null,
    issued: null,
    modified: null,
    accrualPeriodicity: null,
    accessLevel: "public",
    landingPage: null,
    distributions: [],
    columns: [],
    usageNotes: [],
    extras: {},
    ...overrides,
  };
}
