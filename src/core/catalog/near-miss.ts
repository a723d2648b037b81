import type { CatalogDataset, SearchConcept } from "../ports/dataset-search.js";
import { normalizeText, singular, words } from "./question-text.js";

/**
 * "Number of bus riders by route" against a catalog whose best match is "No Riding Zones": the
 * match shares words with the question but not what it asks about. When the asking part of a
 * question names civic topics (the vocabulary's, e.g. "ridership", "election results") and the
 * best dataset mentions none of them in any phrasing, nor any other word of the asking part, it is
 * a near miss: the answer is "not found", with it offered as the closest, probably not it.
 */

/** Asking-part topics weigh at least this (a story's topics weigh less and do not decide). */
const ASKED_TOPIC_WEIGHT = 1.5;
/** Words shorter than this only match exactly: "bus" is not "business". */
const MIN_PREFIX = 4;

function datasetWords(dataset: CatalogDataset): Set<string> {
  const text = [
    dataset.title,
    dataset.description,
    ...dataset.keywords,
    ...dataset.themes,
    ...dataset.columns.map((column) => `${column.name} ${column.description ?? ""}`),
    ...dataset.usageNotes,
  ].join(" ");
  const split = text.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");
  return new Set(words(normalizeText(split)).map(singular));
}

/** The same word, its plural, or one abbreviating the other ("inspection"/"inspections", "stats"). */
function sameWord(asked: string, found: string): boolean {
  if (asked === found) return true;
  const [shorter, longer] = asked.length <= found.length ? [asked, found] : [found, asked];
  return shorter.length >= MIN_PREFIX && longer.startsWith(shorter);
}

function mentions(vocabulary: ReadonlySet<string>, phrase: readonly string[]): boolean {
  return phrase
    .map(singular)
    .every((word) => vocabulary.has(word) || [...vocabulary].some((found) => sameWord(word, found)));
}

/**
 * The asked topics `dataset` lacks when it is a near miss, in the question's words
 * (["ridership"]); empty when it covers the ask (or the ask names no topic).
 */
export function nearMissTopics(dataset: CatalogDataset, concepts: readonly SearchConcept[]): string[] {
  const topics = concepts.filter((concept) => concept.topic && concept.weight >= ASKED_TOPIC_WEIGHT);
  if (topics.length === 0) return [];
  const vocabulary = datasetWords(dataset);
  const covers = (concept: SearchConcept) =>
    [concept.words, ...concept.alternatives].some((phrase) => mentions(vocabulary, phrase));
  if (topics.some(covers)) return [];
  // Missing the topic alone is not enough ("fire hydrant locations" → Hydrants never says "fire"):
  // a near miss also shares none of the other words the question asks with.
  const others = concepts.filter((concept) => !topics.includes(concept) && concept.weight >= 1);
  if (others.some(covers)) return [];
  return topics.map((concept) => concept.words.join(" "));
}
