import type { RankedDataset } from "../ports/dataset-search.js";
import { contentWords, normalizeText, singular } from "./question-text.js";

/** Title words that say something: not filler, not a lone letter. */
function titleWords(title: string): string[] {
  return contentWords(normalizeText(title)).map(singular);
}

/**
 * The question holds the dataset's title as a phrase (its words in order, filler aside): the
 * person named it. Words merely scattered through the question ("lobbyists … clients") do not.
 */
export function namesDataset(question: string, title: string): boolean {
  const asked = contentWords(normalizeText(question)).map(singular);
  const named = titleWords(title);
  if (named.length === 0) return false;
  return asked.some((_word, start) => named.every((word, offset) => asked[start + offset] === word));
}

/**
 * A named dataset moves first when its own score is at least this share of the top one: a
 * story around the name ("construction started next door … building permits issued for an
 * address") dilutes every score alike, while a name merely echoed by a far better match does not
 * win.
 */
const NAMED_MIN_SHARE = 0.6;

/**
 * The lowest score the search may have given a result shown with `shown`: a named dataset moved
 * first is shown with the top score. What lets matching skip, without asking, the questions no
 * changed dataset can be shown for at a given score.
 */
export function lowestSearchScoreFor(shown: number): number {
  return shown * NAMED_MIN_SHARE;
}

/**
 * A dataset the question names by its full title (two words or more, so a one-word title that
 * is also a common word does not jump ahead) goes first: "is the police use of force data
 * current" is about "Police Use of Force", however many datasets mention police more often.
 */
export function namedDatasetFirst(results: RankedDataset[], question: string): RankedDataset[] {
  const top = results[0];
  if (!top) return results;
  const named = results.filter(
    (result) =>
      result.score >= top.score * NAMED_MIN_SHARE &&
      titleWords(result.dataset.title).length >= 2 &&
      namesDataset(question, result.dataset.title),
  );
  if (named.length === 0 || named.includes(top)) return results;
  // The most specific name wins ("Police Incidents 2021" over "Police Incidents").
  const best = [...named].sort(
    (a, b) => titleWords(b.dataset.title).length - titleWords(a.dataset.title).length || b.score - a.score,
  )[0];
  if (!best) return results;
  return [
    { ...best, score: Math.max(best.score, top.score) },
    ...results.filter((result) => result !== best),
  ];
}
