import { describe, expect, it } from "vitest";
import type { SearchConcept } from "../../core/ports/dataset-search.js";
import { ALTERNATIVE_CLASS_OFFSET, coverageOf, scoreCandidate, titleFitOf } from "./candidate-score.js";
import { planSearch } from "./search-plan.js";
import { type CorpusTerms, trigramSimilarity } from "./term-statistics.js";

function corpus(frequencies: Record<string, number>, documents = 1000): CorpusTerms {
  return {
    documents,
    frequency: (lexeme) => frequencies[lexeme] ?? 0,
    closest: (lexeme, min) =>
      Object.keys(frequencies)
        .filter((candidate) => trigramSimilarity(candidate, lexeme) >= min)
        .sort((a, b) => trigramSimilarity(b, lexeme) - trigramSimilarity(a, lexeme))[0] ?? null,
  };
}

const concept = (
  words: string[],
  alternatives: string[][] = [],
  extra: Partial<SearchConcept> = {},
): SearchConcept => ({
  words,
  alternatives,
  weight: 1,
  topic: alternatives.length > 0,
  clause: 0,
  position: 0,
  ...extra,
});

/** Words stem to themselves here; Postgres does the real stemming. */
const identity = (concepts: SearchConcept[]) =>
  new Map(concepts.flatMap((c) => [...c.words, ...c.alternatives.flat()]).map((word) => [word, [word]]));

describe("planSearch", () => {
  it("weighs rare words over common ones and keeps unknown civic topics heavy", () => {
    const concepts = [concept(["rodent"]), concept(["chicago"]), concept(["eviction"], [["evict"]])];
    const plan = planSearch(concepts, identity(concepts), corpus({ rodent: 3, chicago: 700 }), 600);
    const [rodent, chicago, eviction] = plan.concepts;
    expect(rodent?.weight).toBeGreaterThan(chicago?.weight ?? 0);
    expect(eviction?.known).toBe(false);
    expect(eviction?.weight).toBeGreaterThan(rodent?.weight ?? 0);
  });

  it("corrects a misspelling towards a catalog word", () => {
    const concepts = [concept(["libary"])];
    const plan = planSearch(concepts, identity(concepts), corpus({ library: 40 }), 600);
    expect(plan.concepts[0]?.own?.any).toBe("'library'");
  });

  it("fetches rare concepts alone and common ones only in pairs", () => {
    const concepts = [concept(["rodent"]), concept(["street"]), concept(["city"]), concept(["data"])];
    const plan = planSearch(
      concepts,
      identity(concepts),
      corpus({ rodent: 3, street: 48, city: 900, data: 990 }, 1000),
      50,
    );
    expect(plan.candidateFilters).toEqual(["('rodent')", "('street') & (('rodent'))"]);
    expect(plan.filtered).toEqual(new Set([0]));
    // Every candidate has one of these; "city" and "data" find none on their own.
    expect(plan.candidateTerms).toEqual(new Set(["rodent", "street"]));
  });

  it("names a phrasing's rarest word as the one its candidates must have", () => {
    const concepts = [concept(["parking", "meter"], [["pay", "station"]])];
    const plan = planSearch(
      concepts,
      identity(concepts),
      corpus({ parking: 30, meter: 5, pay: 8, station: 40 }),
      600,
    );
    expect(plan.candidateTerms).toEqual(new Set(["meter", "pay"]));
  });

  it("scores by field, discounts synonyms where the person's own word exists, and prefers fitting titles", () => {
    const concepts = [concept(["bike"], [["bicycle"]]), concept(["rack"])];
    const plan = planSearch(concepts, identity(concepts), corpus({ bike: 20, bicycle: 20, rack: 10 }), 600);
    const inTitle = coverageOf(plan, { classes: [4, 4], phrases: 1 });
    const synonymInTitle = coverageOf(plan, { classes: [4 + ALTERNATIVE_CLASS_OFFSET, 4], phrases: 0 });
    const inDescription = coverageOf(plan, { classes: [2, 2], phrases: 0 });
    expect(inTitle).toBeCloseTo(1);
    expect(synonymInTitle).toBeLessThan(inTitle);
    expect(inDescription).toBeCloseTo(0.45);
    const snug = scoreCandidate(
      plan,
      { classes: [4, 4], phrases: 1 },
      "Bike Racks",
      titleFitOf(plan, ["bike", "rack"]),
    );
    const loose = scoreCandidate(
      plan,
      { classes: [4, 4], phrases: 0 },
      "Bike Racks and Lockers (deprecated)",
      0.5,
    );
    expect(snug).toBeCloseTo(1);
    expect(loose).toBeLessThan(snug);
  });
});
