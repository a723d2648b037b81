import { ALTERNATIVE_CLASS_OFFSET, coverageOf } from "./candidate-score.js";
import type { PlannedConcept, SearchPlan } from "./search-plan.js";

/*
 * How well a search plan can score a dataset, from the dataset's lexemes alone: what matching
 * new data to open problems needs to skip, without asking, the problems no changed dataset can
 * answer well enough. It mirrors the classing SQL of candidate-query.ts (each concept's best
 * field) on the lexemes and their best field as the search vector holds them; only the title's
 * share of the score (phrases, title fit: positions and the title's own words) is not known
 * here, so it is taken at its best, which makes the result an upper bound of the search's score.
 */

/** Field ranks of the search vector's weights: A (title) 0 … D (publisher, columns) 3. */
const FIELD_RANK: Record<string, number> = { A: 0, B: 1, C: 2, D: 3 };
const ANYWHERE = 3;

/** A dataset's lexemes, each with the best field (rank) it occurs in. */
export type DatasetLexemes = ReadonlyMap<string, number>;

/** The best field of each lexeme from `unnest(tsvector)`'s weights (no weight is D). */
export function bestFieldRank(weights: readonly string[] | null): number {
  let best = ANYWHERE;
  for (const weight of weights ?? []) best = Math.min(best, FIELD_RANK[weight] ?? ANYWHERE);
  return best;
}

function someOptionWithin(options: readonly string[][], lexemes: DatasetLexemes, rank: number): boolean {
  return options.some((option) =>
    option.every((lexeme) => (lexemes.get(lexeme) ?? Number.POSITIVE_INFINITY) <= rank),
  );
}

/** The class candidate-query.ts's CASE gives the concept for this dataset (see CandidateMatch). */
export function conceptClass(concept: PlannedConcept, lexemes: DatasetLexemes): number {
  const { own, alternatives, partWords } = concept.lexemeOptions;
  const anyOwn = someOptionWithin(own, lexemes, ANYWHERE);
  const anyAlternative = someOptionWithin(alternatives, lexemes, ANYWHERE);
  if (!anyOwn && !anyAlternative) return partWords.some((lexeme) => lexemes.has(lexeme)) ? -1 : 0;
  for (const [rank, cls] of [
    [0, 4],
    [1, 3],
    [2, 2],
  ] as const) {
    if (someOptionWithin(own, lexemes, rank)) return cls;
    if (someOptionWithin(alternatives, lexemes, rank)) return cls + ALTERNATIVE_CLASS_OFFSET;
  }
  return anyOwn ? 1 : 1 + ALTERNATIVE_CLASS_OFFSET;
}

/**
 * The most the search can score this dataset for this plan: its coverage (scoreCandidate
 * multiplies coverage by at most 1, when the title says it all).
 */
export function scoreBound(plan: SearchPlan, lexemes: DatasetLexemes): number {
  return coverageOf(plan, {
    classes: plan.concepts.map((concept) => conceptClass(concept, lexemes)),
    phrases: 0,
  });
}
