import { describe, expect, it } from "vitest";
import { catalogDatasetFixture } from "../../../test/fakes/core/catalog-dataset-fixture.js";
import { analyzeQuestion } from "./analyze-question.js";
import { headNounMatches, headNounRetry, titledByHeadNoun } from "./head-noun.js";

describe("head noun of a missing topic", () => {
  it("retries a missing several-word topic with its last word, dropping its phrasings", () => {
    const { concepts } = analyzeQuestion("building permits issued by L&I");
    const topic = concepts.find((concept) => concept.words.join(" ") === "building permits");
    expect(topic).toBeDefined();
    const retry = headNounRetry(concepts, topic ? [topic] : []);
    expect(retry?.head).toBe("permits");
    expect(retry?.concepts.find((concept) => concept.words.join(" ") === "permits")?.alternatives).toEqual(
      [],
    );
  });

  it("does not retry one-word topics or plain words", () => {
    const { concepts } = analyzeQuestion("evictions by neighborhood");
    expect(headNounRetry(concepts, concepts)).toBeNull();
  });

  it("takes only datasets titled with the noun alone, an office code aside", () => {
    expect(titledByHeadNoun("PERMITS", "permits")).toBe(true);
    expect(titledByHeadNoun("LI PERMITS", "permits")).toBe(true);
    expect(titledByHeadNoun("Hydrants", "hydrant")).toBe(true);
    expect(titledByHeadNoun("Tobacco Retailer Permits", "permits")).toBe(false);
    expect(titledByHeadNoun("Inspection Results", "results")).toBe(false);
    const ranked = ["Tobacco Retailer Permits", "PERMITS", "PermittableSpace"].map((title) => ({
      dataset: catalogDatasetFixture({ key: title, title }),
      score: 0.5,
    }));
    expect(headNounMatches(ranked, "permits").map((result) => result.dataset.title)).toEqual(["PERMITS"]);
  });
});
