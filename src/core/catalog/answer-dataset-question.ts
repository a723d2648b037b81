import { z } from "zod";
import type { DatasetSearch, RankedDataset, SearchConcept } from "../ports/dataset-search.js";
import type { MetadataGapStore } from "../ports/metadata-gap-store.js";
import { DomainError } from "../shared/domain-error.js";
import { analyzeQuestion, type QuestionAnalysis } from "./analyze-question.js";
import { answerField, type FieldAnswer, offersFormat } from "./field-answer.js";
import { headNounMatches, headNounRetry } from "./head-noun.js";
import { namedDatasetFirst, namesDataset } from "./named-dataset.js";
import { nearMissTopics } from "./near-miss.js";
import { parseCatalogInput } from "./parse-catalog-input.js";
import { type Intent, isFieldIntent } from "./question-intent.js";

export const MAX_QUESTION_LENGTH = 500;

export const askQuestionInputSchema = z.object({
  question: z.string().trim().min(1).max(MAX_QUESTION_LENGTH),
  /** Only this catalog source (by name), for communities with several catalogs. */
  catalog: z.string().trim().min(1).max(200).nullish(),
});
export type AskQuestionInput = z.input<typeof askQuestionInputSchema>;

export interface AskQuestionDeps {
  datasetSearch: DatasetSearch;
  metadataGaps: Pick<MetadataGapStore, "recordGap">;
}

export interface Answer {
  question: string;
  /** The catalog the question was limited to, or null for all of the community's. */
  catalog: string | null;
  /** What was asked; `none` when the engine concluded the catalog has no such data. */
  intent: Intent;
  /** The best dataset is presented as the answer. False means "I could not find that". */
  confident: boolean;
  /** Ranked candidates (at most 10), best first, even when not confident. */
  results: RankedDataset[];
  /** For field questions answered confidently: the field, read from results[0]. */
  field: FieldAnswer | null;
  /** Civic topics of the question the catalog never mentions ("evictions"). */
  missingTopics: string[];
  /**
   * The best match shares words with the question but none of these asked topics (asked for
   * "ridership", found "No Riding Zones"): a near miss, offered as probably not it. Empty otherwise.
   */
  nearMissTopics: string[];
  analysis: QuestionAnalysis;
}

/**
 * Below this score the best match is not presented as the answer. Calibrated on the development
 * questions: irrelevant questions to a real catalog score under it, real matches over it.
 * A confident wrong answer is worse than "I could not find that".
 */
export const CONFIDENCE_THRESHOLD = 0.2;
const RESULT_LIMIT = 10;
/** A dataset offering the asked format may move ahead when it is at least this relevant. */
const FORMAT_PREFERENCE_RATIO = 0.4;

/**
 * Answers a question about the community's catalog: which datasets (ranked), and for field
 * questions the field itself. When the catalog cannot answer a field (no licence stated, no
 * contact), the gap is recorded so champions can fix the metadata at the source.
 */
export async function askQuestion(
  deps: AskQuestionDeps,
  rawInput: AskQuestionInput,
  communityId: string,
): Promise<Answer> {
  const input = parseCatalogInput(askQuestionInputSchema, rawInput);
  const catalog = input.catalog ?? null;
  if (catalog !== null) {
    const names = await deps.datasetSearch.catalogNames(communityId);
    if (!names.includes(catalog))
      throw new DomainError("not_found", "catalog:unknownCatalog", {
        name: catalog,
        names: names.join(", "),
      });
  }
  const analysis = analyzeQuestion(input.question);
  const search = (concepts: SearchConcept[]) =>
    deps.datasetSearch.search({ communityId, catalog, concepts, limit: RESULT_LIMIT });
  let found = await search(analysis.concepts);
  // "Building permits" in a catalog whose layer is called just "PERMITS" (head-noun.ts).
  const retry = headNounRetry(analysis.concepts, found.unknownConcepts);
  if (retry) {
    const titled = headNounMatches((await search(retry.concepts)).datasets, retry.head);
    if (titled.length > 0)
      found = {
        datasets: titled,
        unknownConcepts: found.unknownConcepts.filter((concept) => concept !== retry.topic),
      };
  }
  const results = preferAskedFormats(
    namedDatasetFirst(found.datasets, input.question),
    analysis.formats,
    input.question,
  );
  // A civic topic from the asking part of the question that no dataset mentions means the
  // catalog does not have the subject, whatever else matches ("evictions … by neighborhood").
  const missingTopics = found.unknownConcepts
    .filter((concept) => concept.topic && concept.weight >= 1)
    .map((concept) => concept.words.join(" "));
  const best = results[0];
  const plausible = best !== undefined && best.score >= CONFIDENCE_THRESHOLD && missingTopics.length === 0;
  // A near miss (asked for X, the best match only shares other words) is not the answer either:
  // it is offered as the closest, probably not it.
  const nearMiss = plausible ? nearMissTopics(best.dataset, analysis.concepts) : [];
  const confident = plausible && nearMiss.length === 0;

  let field: FieldAnswer | null = null;
  if (confident && isFieldIntent(analysis.intent)) {
    field = answerField(analysis.intent, best.dataset, analysis);
    if (field.gap) await deps.metadataGaps.recordGap(best.dataset.id, field.gap);
  }
  return {
    question: input.question,
    catalog,
    intent: confident || analysis.intent !== "find" ? analysis.intent : "none",
    confident,
    results,
    field,
    missingTopics,
    nearMissTopics: nearMiss,
    analysis,
  };
}

/**
 * Every list of concepts askQuestion may search the catalog with for this question: its own,
 * and the head-noun retry of each several-word topic (which one is retried depends on what the
 * first search finds, so all are listed). Matching new data to problems needs to know where an
 * answer can come from without asking; kept here so it changes with askQuestion.
 */
export function searchesOf(question: string): SearchConcept[][] {
  const { concepts } = analyzeQuestion(question.trim());
  const retries = concepts.flatMap((concept) => {
    const retry = headNounRetry(concepts, [concept]);
    return retry ? [retry.concepts] : [];
  });
  return [concepts, ...retries];
}

/**
 * "Bus stops as a plain CSV?": a relevant dataset offering CSV is a better answer than a
 * slightly more relevant one that only has a shapefile. Order is kept otherwise.
 */
function preferAskedFormats(
  results: RankedDataset[],
  formats: readonly string[],
  question: string,
): RankedDataset[] {
  const top = results[0];
  // "Can I download the planning zoning overlay as a CSV": the answer is about that dataset,
  // even if it is "no".
  if (!top || formats.length === 0 || namesDataset(question, top.dataset.title)) return results;
  const floor = Math.max(CONFIDENCE_THRESHOLD, top.score * FORMAT_PREFERENCE_RATIO);
  const offersAll = (result: RankedDataset) =>
    result.score >= floor && formats.every((format) => offersFormat(result.dataset, format));
  return [...results.filter(offersAll), ...results.filter((result) => !offersAll(result))];
}
