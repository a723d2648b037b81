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
 * "… for a community garden project", "… for my class": the purpose says why the data is wanted,
 * not what it is, so its words count like a story's. The span is the words after "for a/my/our"
 * up to and including the purpose noun.
 */
const purposeSpan =
  /\bfor (?:a|an|my|our|the|some) (?:[a-z0-9]+ ){0,3}?(?:project|projects|app|application|study|class|course|paper|report|research|thesis|dissertation|website|site|startup|business|nonprofit|company|grant|proposal|story|article|homework|assignment)\b/;

function purposeWordRange(clauseWords: readonly string[]): [number, number] | null {
  const text = clauseWords.join(" ");
  const match = purposeSpan.exec(text);
  if (!match) return null;
  const start = text
    .slice(0, match.index)
    .split(" ")
    .filter((word) => word !== "").length;
  return [start, start + match[0].split(" ").length];
}

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
    const purpose = purposeWordRange(clauseWords);
    const inPurpose = (index: number) => purpose !== null && index >= purpose[0] && index < purpose[1];
    let position = 0;
    const add = (
      key: string,
      conceptWords: string[],
      alternatives: string[][],
      topic: boolean,
      at: number,
    ) => {
      const weight = clauseWeight * (inPurpose(at) ? STORY_WEIGHT : 1) * (topic ? CIVIC_TOPIC_WEIGHT : 1);
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
    const addPlain = (from: number, to: number) => {
      for (let at = from; at < to; at += 1) {
        const word = clauseWords[at] ?? "";
        if (contentWords(word).length === 0) continue;
        add(singular(word), [word], alternativesOfWord(word), false, at);
      }
    };
    let index = 0;
    const matches = [...findSynonyms(clauseWords), ...yearRanges(clauseWords)]
      .sort((a, b) => a.start - b.start)
      .filter(
        (match, order, all) =>
          order === 0 || match.start >= (all[order - 1]?.start ?? 0) + (all[order - 1]?.length ?? 0),
      );
    for (const match of matches) {
      addPlain(index, match.start);
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
          match.start,
        );
      for (const offset of match.skipped) addPlain(match.start + offset, match.start + offset + 1);
      index = match.start + match.length;
    }
    addPlain(index, clauseWords.length);
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
