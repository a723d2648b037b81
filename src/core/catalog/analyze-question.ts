import type { SearchConcept } from "../ports/dataset-search.js";
import { findSynonyms, type SynonymMatch } from "./civic-synonyms.js";
import {
  askedColumnsText,
  askedFormats,
  detectIntent,
  type Intent,
  withoutCueWords,
} from "./question-intent.js";
import { type Clause, contentWords, fillerWords, singular, splitClauses, words } from "./question-text.js";

/** Everything the answer engine reads from the wording of a question, before any search. */
export interface QuestionAnalysis {
  intent: Exclude<Intent, "none">;
  clauses: Clause[];
  /** The ideas to search for, strongest first. */
  concepts: SearchConcept[];
  /** Formats the person named ("csv", "shapefile" → CSV, SHP). */
  formats: string[];
  /** Things the person hopes are columns, each a list of content words ("flow", "cfs"). */
  columnAsks: string[][];
}

/** Story clauses around the ask ("my alley is infested") still count, but less. */
const STORY_WEIGHT = 0.35;
/** A word the civic vocabulary knows ("potholes", "slumlords") is more likely the topic than the words around it. */
const CIVIC_TOPIC_WEIGHT = 1.5;
/** Beyond this many ideas a rambling message is mostly noise; the strongest ones are kept. */
const MAX_CONCEPTS = 12;

/**
 * A story clause is about the asker ("my alley is infested", "i got another ticket"): it has a
 * first-person word and no question. Everything else is the ask, including bare topics ("tif
 * money - where does it come from?", "bike lanes map pls").
 */
function isStory(clause: Clause): boolean {
  if (clause.question) return false;
  if (
    /\b(?:is there|are there|any data|data (?:on|about|for)|where|which|what|who|how|list of|looking for|find|does the city|do you have|anything on|anything about|hay|donde|cual|quien|busco)\b/.test(
      clause.text,
    )
  )
    return false;
  return /\b(?:i|im|ive|id|ill|my|me|mine|we|our|us|mi|mis|yo|nosotros|nuestro|nuestra)\b/.test(clause.text);
}

export function analyzeQuestion(question: string): QuestionAnalysis {
  const clauses = splitClauses(question);
  const texts = clauses.map((clause) => clause.text);
  const intent = detectIntent(texts);
  const anyAsking = clauses.some((clause) => !isStory(clause));

  const byKey = new Map<string, SearchConcept>();
  clauses.forEach((clause, clauseIndex) => {
    const clauseWeight = !anyAsking || !isStory(clause) ? 1 : STORY_WEIGHT;
    const clauseWords = withoutCueWords(intent, words(clause.text));
    let position = 0;
    const add = (key: string, conceptWords: string[], alternatives: string[][], topic: boolean) => {
      const weight = clauseWeight * (topic ? CIVIC_TOPIC_WEIGHT : 1);
      const existing = byKey.get(key);
      if (existing) {
        existing.weight = Math.max(existing.weight, weight);
        if (existing.words.join(" ") !== conceptWords.join(" ")) existing.alternatives.push(conceptWords);
      } else
        byKey.set(key, {
          words: conceptWords,
          alternatives,
          weight,
          topic,
          clause: clauseIndex,
          position: position++,
        });
    };
    const addPlain = (text: string) => {
      for (const word of contentWords(text)) add(singular(word), [word], alternativesOfWord(word), false);
    };
    let index = 0;
    const matches = [...findSynonyms(clauseWords), ...yearRanges(clauseWords)]
      .sort((a, b) => a.start - b.start)
      .filter(
        (match, order, all) =>
          order === 0 || match.start >= (all[order - 1]?.start ?? 0) + (all[order - 1]?.length ?? 0),
      );
    for (const match of matches) {
      addPlain(clauseWords.slice(index, match.start).join(" "));
      const phrase = clauseWords
        .slice(match.start, match.start + match.length)
        .filter((_word, offset) => !match.skipped.includes(offset));
      // A phrase made only of filler ("one", "what time" is not) names nothing by itself.
      if (phrase.some((word) => !fillerWords.has(word)))
        add(
          match.group === null ? phrase.join(" ") : `group:${match.group}`,
          phrase,
          match.alternatives.map((alternative) => [...alternative]),
          match.group !== null,
        );
      for (const offset of match.skipped) addPlain(clauseWords[match.start + offset] ?? "");
      index = match.start + match.length;
    }
    addPlain(clauseWords.slice(index).join(" "));
  });

  const concepts = [...byKey.values()]
    .map((concept, order) => ({ concept, order }))
    .sort((a, b) => b.concept.weight - a.concept.weight || a.order - b.order)
    .slice(0, MAX_CONCEPTS)
    .map(({ concept }) => concept);

  return {
    intent,
    clauses,
    concepts,
    formats: intent === "formats" ? askedFormats(texts) : [],
    columnAsks: intent === "columns" ? columnAsksOf(askedColumnsText(texts)) : [],
  };
}

/**
 * "2019-20" or "2019-2020": a school or fiscal year, which catalogs write "SY1920", "FY2020" or
 * with both years. The span is treated like a synonym match without a vocabulary group.
 */
function yearRanges(clauseWords: readonly string[]): (SynonymMatch & { group: null })[] {
  const out: (SynonymMatch & { group: null })[] = [];
  clauseWords.forEach((word, start) => {
    const next = clauseWords[start + 1] ?? "";
    if (!/^(?:19|20)\d\d$/.test(word) || !/^(?:\d\d|(?:19|20)\d\d)$/.test(next)) return;
    const first = Number(word);
    const second = next.length === 2 ? Math.floor(first / 100) * 100 + Number(next) : Number(next);
    if (second !== first + 1) return;
    const short = `${String(first).slice(2)}${String(second).slice(2)}`;
    out.push({
      start,
      length: 2,
      group: null,
      skipped: [],
      alternatives: [[`sy${short}`], [String(first), String(second)], [`fy${second}`], [short]],
    });
  });
  return out;
}

/** A five-digit number in a question to a US catalog is almost always a ZIP code. */
function alternativesOfWord(word: string): string[][] {
  return /^\d{5}$/.test(word) ? [["zip"], ["zip", "code"]] : [];
}

/** "flow in cfs and lat long for each sensor" → [["flow", "cfs"], ["lat", "long", "sensor"]]. */
function columnAsksOf(text: string): string[][] {
  return text
    .split(/\b(?:and|or|y|o|vs|versus|plus)\b/)
    .map((part) =>
      contentWords(part.trim()).filter((word) => !/^(?:just|only|also|even|say|column|field)s?$/.test(word)),
    )
    .filter((part) => part.length > 0);
}
