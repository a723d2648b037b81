import { FIELD_CREDIT, PARTIAL_CREDIT, type PlannedConcept, type SearchPlan } from "./search-plan.js";

/* Scoring one candidate against the plan: the share of the question it covers, how well its title fits. */

/**
 * One candidate's match, as the SQL reports it, per concept: the best field class of the
 * person's own words (4=A … 1=D), of a synonym (14 … 11), -1 when only part of a several-word
 * idea occurs, 0 when absent.
 */
export interface CandidateMatch {
  classes: number[];
  /** How many of the plan's title phrases the title contains. */
  phrases: number;
}

export const ALTERNATIVE_CLASS_OFFSET = 10;
const creditByClass = [0, FIELD_CREDIT.D, FIELD_CREDIT.C, FIELD_CREDIT.B, FIELD_CREDIT.A] as const;

function creditOf(concept: PlannedConcept, cls: number): number {
  if (cls < 0) return PARTIAL_CREDIT;
  if (cls >= ALTERNATIVE_CLASS_OFFSET)
    return (creditByClass[cls - ALTERNATIVE_CLASS_OFFSET] ?? 0) * concept.alternativeCredit;
  return creditByClass[cls] ?? 0;
}

/** Share of the question's weight the dataset covers, crediting each concept by its best field. */
export function coverageOf(plan: SearchPlan, match: CandidateMatch): number {
  if (plan.totalWeight <= 0) return 0;
  let covered = 0;
  plan.concepts.forEach((concept, index) => {
    covered += concept.weight * creditOf(concept, match.classes[index] ?? 0);
  });
  return covered / plan.totalWeight;
}

/**
 * Share of a title's lexemes the question accounts for: "Food Inspections" fits "restaurant
 * inspections" better than a seven-word title that merely contains "inspections".
 */
export function titleFitOf(plan: SearchPlan, titleLexemes: readonly string[]): number {
  const distinct = new Set(titleLexemes.filter((lexeme) => !/^\d+$/.test(lexeme)));
  if (distinct.size === 0) return 0;
  let matched = 0;
  for (const lexeme of distinct) if (plan.lexemes.has(lexeme)) matched += 1;
  return matched / distinct.size;
}

/** Coverage decides; how well the title itself says it (phrases, little else) moves up to this share. */
const TITLE_SHARE = 0.2;
/** Catalogs keep superseded layers around; a person asking wants the current one. */
const SUPERSEDED = /\b(?:deprecated|obsolete|superseded|retired|do not use)\b/i;
const SUPERSEDED_FACTOR = 0.9;

export function scoreCandidate(
  plan: SearchPlan,
  match: CandidateMatch,
  title: string,
  titleFit: number,
): number {
  const phrases = plan.titlePhrases.length > 0 ? match.phrases / plan.titlePhrases.length : titleFit;
  const score = coverageOf(plan, match) * (1 - TITLE_SHARE + (TITLE_SHARE / 2) * (phrases + titleFit));
  return SUPERSEDED.test(title) ? score * SUPERSEDED_FACTOR : score;
}
