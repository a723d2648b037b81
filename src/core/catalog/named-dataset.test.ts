import { describe, expect, it } from "vitest";
import { catalogDatasetFixture } from "../../../test/fakes/core/catalog-dataset-fixture.js";
import type { RankedDataset } from "../ports/dataset-search.js";
import { namedDatasetFirst, namesDataset } from "./named-dataset.js";

const ranked = (title: string, score: number): RankedDataset => ({
  dataset: catalogDatasetFixture({ key: title, title }),
  score,
});
const titles = (results: RankedDataset[]) => results.map((result) => result.dataset.title);

describe("namesDataset", () => {
  it("sees a title written in the question, plurals and filler aside", () => {
    expect(namesDataset("is the police use of force data current?", "Police Use of Force")).toBe(true);
    expect(namesDataset("where can i see building permit issued for an address", "Building Permits")).toBe(
      true,
    );
  });

  it("does not take title words scattered through the question for its name", () => {
    expect(namesDataset("permits for a building downtown", "Building Permits")).toBe(false);
    expect(namesDataset("anything", "")).toBe(false);
  });
});

describe("namedDatasetFirst", () => {
  const story = "construction started next door. where can i see what building permits were issued";

  it("puts the dataset the question names first, with the top score", () => {
    const results = [
      ranked("Performance Metrics - Buildings - Time to Issue Permits", 0.25),
      ranked("Public Building Commission - Event Permits", 0.2),
      ranked("Building Permits", 0.19),
    ];
    const reordered = namedDatasetFirst(results, story);
    expect(titles(reordered)).toEqual([
      "Building Permits",
      "Performance Metrics - Buildings - Time to Issue Permits",
      "Public Building Commission - Event Permits",
    ]);
    expect(reordered[0]?.score).toBe(0.25);
  });

  it("prefers the most specific name the question holds", () => {
    const results = [
      ranked("Crimes", 0.5),
      ranked("Police Incidents", 0.45),
      ranked("Police Incidents 2021", 0.4),
    ];
    expect(titles(namedDatasetFirst(results, "police incidents 2021 by ward"))[0]).toBe(
      "Police Incidents 2021",
    );
  });

  it("keeps the order when a far better match only echoes a name, or the name is one common word", () => {
    const farBetter = [ranked("Urban Forest Inventory", 0.6), ranked("Building Permits", 0.2)];
    expect(titles(namedDatasetFirst(farBetter, "trees cut down for building permits"))).toEqual(
      titles(farBetter),
    );
    const oneWord = [ranked("Tree Inventory", 0.5), ranked("Trees", 0.45)];
    expect(titles(namedDatasetFirst(oneWord, "trees"))).toEqual(titles(oneWord));
  });
});
