import type { SearchConcept } from "../../core/ports/dataset-search.js";
import type { CorpusTerms } from "./term-statistics.js";

/**
 * Turns the core's concepts into Postgres tsqueries and weights (candidate-score.ts scores them).
 * Kept apart from the SQL so the ranking rules can be read (and unit-tested) on their own.
 *
 * The score of a dataset is the share of the question's weight it covers. A concept weighs its
 * rarity in the catalog (BM25's idf) times the core's weight for it; it counts in full when it
 * is in the title, less in keywords/themes, less again in the description, least in
 * publisher/column names (the weights A–D of the trigger-maintained vector). A civic topic the
 * catalog never mentions keeps its weight: "evictions" in a catalog without the word is exactly
 * why that question should not be answered confidently.
 */

/** Credit for the best field a concept is found in: title, keywords/themes, description, other. */
export const FIELD_CREDIT = { A: 1, B: 0.75, C: 0.45, D: 0.2 } as const;
/** A synonym found where the person's own word also exists in the catalog is weaker evidence. */
const ALTERNATIVE_CREDIT = 0.7;
/** Only some words of a several-word idea ("traffic" of "traffic volumes"). */
export const PARTIAL_CREDIT = FIELD_CREDIT.C / 2;
/**
 * Rarity credited to a plain word no dataset uses ("taqueria", "mgmt"): it cannot tell datasets
 * apart, and full rarity would let story words drown the ask.
 */
const UNKNOWN_WORD_IDF = 1.5;
/** How many of the rarest concepts too common to fetch alone pair up to find candidates. */
const ANCHORS = 3;
/** A phrasing in more than this share of the catalog is too common to look candidates up by. */
const COMMON_SHARE = 0.02;
/** Misspellings are corrected towards a catalog word this similar (pg_trgm's measure). */
const TYPO_SIMILARITY = 0.5;
const TYPO_MIN_LENGTH = 5;

/** tsquery texts for one set of phrasings, restricted to the title, +keywords, +description, anywhere. */
export interface FieldQueries {
  A: string;
  AB: string;
  ABC: string;
  any: string;
}

export interface PlannedConcept {
  /** The core's concept this plans. */
  concept: SearchConcept;
  weight: number;
  /** Some phrasing's words all occur in the catalog (not necessarily together). */
  known: boolean;
  /** The person's own words (or their typo correction), when the catalog uses them. */
  own: FieldQueries | null;
  /** The other phrasings the catalog uses. */
  alternatives: FieldQueries | null;
  /** Credit factor for a match through `alternatives`. */
  alternativeCredit: number;
  /** Any one word of a several-word idea, for partial credit; null for one-word ideas. */
  partial: string | null;
  /** The lexemes behind `own`, `alternatives` and `partial`, for scoring a dataset's lexemes without SQL. */
  lexemeOptions: { own: string[][]; alternatives: string[][]; partWords: string[] };
  /** Its phrasings the catalog has, with how many datasets contain each (an upper bound for phrases). */
  options: { lexemes: string[]; frequency: number }[];
  /** Datasets containing the rarest-but-present phrasing (an upper bound for phrases). */
  frequency: number;
}

export interface SearchPlan {
  concepts: PlannedConcept[];
  /** GIN-indexed tsqueries whose matches (any of them) are the candidates; empty when no concept is in the catalog. */
  candidateFilters: string[];
  /** The common concepts one by one: the fallback when the candidate filters find (almost) nothing. */
  broadFilters: string[];
  /** Every known concept, for Postgres' own ranking of which candidates to class in full. */
  rankQuery: string | null;
  /** Concepts (by index) the candidate filter includes on their own: if no candidate has them, nothing does. */
  filtered: Set<number>;
  /**
   * Civic topics known only through phrases ("parking meter"): their words occur, perhaps never
   * together. The search asks the index whether any dataset has the phrase, so a topic the
   * catalog lacks is reported as missing however common its words are.
   */
  phraseChecks: { index: number; query: string }[];
  /** Several-word ideas and adjacent words as title phrases ("bike <-> rack"), for a bonus. */
  titlePhrases: string[];
  /** Every lexeme the question may match, to see how much of a title it accounts for. */
  lexemes: Set<string>;
  /**
   * Every candidate any of the filters can find contains one of these (the rarest lexeme of each
   * phrasing a single or an anchor is fetched by): a dataset with none cannot be an answer, which
   * is what lets matching after a sync skip questions without asking them.
   */
  candidateTerms: Set<string>;
  totalWeight: number;
}

function quote(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

function optionQuery(option: readonly string[], weights: string): string {
  const parts = option.map((lexeme) => `${quote(lexeme)}${weights ? `:${weights}` : ""}`);
  return parts.length === 1 ? (parts[0] ?? "") : `(${parts.join(" & ")})`;
}

function fieldQueries(options: readonly (readonly string[])[]): FieldQueries | null {
  if (options.length === 0) return null;
  const query = (weights: string) => options.map((option) => optionQuery(option, weights)).join(" | ");
  return { A: query("A"), AB: query("AB"), ABC: query("ABC"), any: query("") };
}

export function idf(documents: number, frequency: number): number {
  return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
}

/**
 * `lexemesOf` maps each word to its Postgres lexemes; `candidateBudget` is how many rows the
 * concepts fetched on their own may match together (common ones only find candidates in pairs),
 * so a question full of common words cannot make Postgres read half the catalog.
 */
export function planSearch(
  concepts: readonly SearchConcept[],
  lexemesOf: ReadonlyMap<string, string[]>,
  corpus: CorpusTerms,
  candidateBudget: number,
): SearchPlan {
  const lexemes = (wordList: readonly string[]) => wordList.flatMap((word) => lexemesOf.get(word) ?? []);
  const inCatalog = (option: readonly string[]) => option.every((lexeme) => corpus.frequency(lexeme) > 0);
  const planned: (PlannedConcept & { head: string | null; original: string[] })[] = [];
  for (const concept of concepts) {
    const original = lexemes(concept.words);
    const alternatives = concept.alternatives.map(lexemes).filter((option) => option.length > 0);
    if (original.length === 0 && alternatives.length === 0) continue;
    let own = original.length > 0 && inCatalog(original) ? [original] : [];
    let head = original.length === 1 ? (original[0] ?? null) : null;
    if (head && own.length === 0 && (concept.words[0] ?? "").length >= TYPO_MIN_LENGTH) {
      const corrected = corpus.closest(head, TYPO_SIMILARITY);
      if (corrected) {
        own = [[corrected]];
        head = corrected;
      }
    }
    const others = alternatives.filter(inCatalog);
    const present = [...own, ...others];
    const frequency = Math.max(0, ...present.map((option) => Math.min(...option.map(corpus.frequency))));
    const partWords = [...new Set(original)].filter((lexeme) => corpus.frequency(lexeme) > 0);
    const rarity =
      present.length === 0 && !concept.topic ? UNKNOWN_WORD_IDF : idf(corpus.documents, frequency);
    planned.push({
      concept,
      head,
      original,
      weight: concept.weight * rarity,
      known: present.length > 0,
      own: fieldQueries(own),
      alternatives: fieldQueries(others),
      alternativeCredit: own.length > 0 ? ALTERNATIVE_CREDIT : 1,
      lexemeOptions: { own, alternatives: others, partWords: original.length > 1 ? partWords : [] },
      partial: original.length > 1 && partWords.length > 0 ? partWords.map(quote).join(" | ") : null,
      options: present.map((option) => ({
        lexemes: option,
        frequency: Math.min(...option.map(corpus.frequency)),
      })),
      frequency,
    });
  }

  // Candidates: concepts rare enough to fetch on their own (rarest first, within the budget),
  // and rows with at least two of the strongest concepts, which are far rarer together than
  // apart. Each branch is one tsquery with AND at the top ("a & (b | c)"), so the GIN index can
  // skip through long posting lists; Postgres ORs the branches' bitmaps.
  // Phrasings in more than a small share of the catalog narrow nothing and cost the most to
  // read from the index; they still count when scoring.
  const tooCommon = Math.max(candidateBudget, corpus.documents * COMMON_SHARE);
  const usable = planned
    .map((concept, index) => {
      const options = concept.options.filter((option) => option.frequency <= tooCommon);
      const frequency = Math.max(0, ...options.map((option) => option.frequency));
      return {
        index,
        frequency,
        filter: options.map((option) => optionQuery(option.lexemes, "")).join(" | "),
        rarest: options.map((option) => rarestOf(option.lexemes, corpus)),
      };
    })
    .filter((concept) => concept.filter !== "")
    .sort((a, b) => a.frequency - b.frequency);
  const filtered = new Set<number>();
  let budget = candidateBudget;
  for (const concept of usable) {
    if (concept.frequency > budget) break;
    filtered.add(concept.index);
    budget -= concept.frequency;
  }
  const singles = usable.filter((concept) => filtered.has(concept.index));
  const anchors = usable.filter((concept) => !filtered.has(concept.index)).slice(0, ANCHORS);
  const candidateFilters =
    singles.length > 0 ? [singles.map((concept) => `(${concept.filter})`).join(" | ")] : [];
  const pairable = [...anchors, ...singles];
  anchors.forEach((anchor, position) => {
    const partners = pairable.slice(position + 1).map((partner) => `(${partner.filter})`);
    if (partners.length > 0) candidateFilters.push(`(${anchor.filter}) & (${partners.join(" | ")})`);
  });
  if (candidateFilters.length === 0 && anchors[0]) candidateFilters.push(anchors[0].filter);
  const known = planned.filter((concept) => concept.known);

  return {
    concepts: planned.map(({ head: _head, original: _original, ...concept }) => concept),
    candidateFilters,
    broadFilters: anchors.map((anchor) => anchor.filter),
    phraseChecks: planned.flatMap((concept, index) =>
      concept.concept.topic && concept.known && concept.options.every((option) => option.lexemes.length > 1)
        ? [{ index, query: anyQuery(concept) }]
        : [],
    ),
    rankQuery: known.length > 0 ? known.map((concept) => `(${anyQuery(concept)})`).join(" | ") : null,
    filtered,
    titlePhrases: titlePhrasesOf(planned),
    lexemes: new Set([
      ...concepts.flatMap((concept) => lexemes([...concept.words, ...concept.alternatives.flat()])),
      ...planned.flatMap((concept) => (concept.head ? [concept.head] : [])),
    ]),
    // Singles are OR-ed, every pair has an anchor on one side, and the fallbacks are anchors.
    candidateTerms: new Set([...singles, ...anchors].flatMap((concept) => concept.rarest)),
    totalWeight: planned.reduce((sum, concept) => sum + concept.weight, 0),
  };
}

function rarestOf(option: readonly string[], corpus: CorpusTerms): string {
  return option.reduce((rarest, lexeme) =>
    corpus.frequency(lexeme) < corpus.frequency(rarest) ? lexeme : rarest,
  );
}

function anyQuery(concept: PlannedConcept): string {
  return [concept.own?.any, concept.alternatives?.any].filter((query) => query).join(" | ");
}

function titlePhrasesOf(planned: readonly (PlannedConcept & { head: string | null; original: string[] })[]) {
  const phrases: string[] = [];
  for (const { known, original } of planned) {
    if (known && original.length >= 2 && original.length <= 3)
      phrases.push(original.map((lexeme) => `${quote(lexeme)}:A`).join(" <-> "));
  }
  const ordered = [...planned].sort(
    (a, b) => a.concept.clause - b.concept.clause || a.concept.position - b.concept.position,
  );
  for (let i = 0; i + 1 < ordered.length; i += 1) {
    const [left, right] = [ordered[i], ordered[i + 1]];
    if (!left?.head || !right?.head || left.concept.clause !== right.concept.clause) continue;
    if (right.concept.position !== left.concept.position + 1 || !left.known || !right.known) continue;
    phrases.push(`${quote(left.head)}:A <-> ${quote(right.head)}:A`);
  }
  return phrases.slice(0, 8);
}
