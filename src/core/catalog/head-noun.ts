import type { RankedDataset, SearchConcept } from "../ports/dataset-search.js";
import { contentWords, normalizeText, singular } from "./question-text.js";

/**
 * Map-portal catalogs (ArcGIS Hub above all) name layers tersely: "PERMITS", "LI PERMITS",
 * "Hydrants". Asked for "building permits", such a catalog has no dataset saying "building
 * permit", yet its one dataset called just "Permits" is its permits, of which building permits
 * are the kind people ask for. So when a several-word civic topic is missing, the search is
 * retried with its head noun (the last word), and only datasets titled with that noun alone
 * (a short code such as "LI" aside) are taken: "Inspection Results" is not "election results".
 */

/** Title tokens this short are office codes or articles ("LI", "PW", "the"), not subjects. */
const MAX_CODE_LENGTH = 3;

/** The missing several-word topic to retry, and the concepts with its head noun in its place. */
export function headNounRetry(
  concepts: readonly SearchConcept[],
  missing: readonly SearchConcept[],
): { topic: SearchConcept; head: string; concepts: SearchConcept[] } | null {
  const topic = missing.find((concept) => concept.topic && concept.words.length >= 2 && concept.weight >= 1);
  const head = topic?.words.at(-1);
  if (!topic || !head) return null;
  return {
    topic,
    head,
    concepts: concepts.map((concept) =>
      concept === topic ? { ...concept, words: [head], alternatives: [] } : concept,
    ),
  };
}

/** The dataset's title is the head noun alone ("PERMITS", "LI Permits"), plural or not. */
export function titledByHeadNoun(title: string, head: string): boolean {
  const words = contentWords(normalizeText(title))
    .map(singular)
    .filter((word) => word.length > MAX_CODE_LENGTH);
  return words.length === 1 && words[0] === singular(head);
}

export function headNounMatches(results: readonly RankedDataset[], head: string): RankedDataset[] {
  return results.filter((result) => titledByHeadNoun(result.dataset.title, head));
}
