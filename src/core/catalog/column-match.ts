import type { DatasetColumn } from "./dataset.js";
import { normalizeText, singular, words } from "./question-text.js";

/**
 * "Does it include flow in cfs and lat/long?" checked against column names. Column names are
 * terse ("Turb (NTU)", "Lat-Lon Georeference", "System Capacity kW-DC"), so a word matches a
 * column word when one is an abbreviation (prefix) of the other, when they are spelled alike,
 * or through a few words people use for common column kinds ("how big" → capacity, size).
 */

/** Socrata adds these to every table; they are bookkeeping, not data. */
export function isBookkeepingColumn(name: string): boolean {
  return /^meta_row_/i.test(name) || name.startsWith(":");
}

const columnSynonyms: readonly (readonly string[])[] = [
  ["big", "size", "capacity", "area", "length", "kw", "acre", "sqft"],
  [
    "location",
    "where",
    "lat",
    "lon",
    "long",
    "latitude",
    "longitude",
    "coordinate",
    "geocoded",
    "georeference",
    "geometry",
    "point",
  ],
  ["address", "street", "location"],
  ["name", "names", "who"],
  ["date", "time", "when", "timestamp", "day", "year", "month"],
  ["cost", "price", "amount", "salary", "pay", "rate", "earning", "wage", "dollar"],
  ["count", "number", "total", "quantity"],
  ["type", "category", "kind", "class"],
  ["neighborhood", "community", "area"],
  ["status", "outcome", "result"],
];

/** "ApplicantName" is "applicant name" too: ArcGIS and Esri field names are camel-cased. */
function wordForms(text: string): string[] {
  const split = text.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");
  return [...new Set([...words(normalizeText(text)), ...words(normalizeText(split))])].map(singular);
}

function trigramSimilarity(a: string, b: string): number {
  const grams = (word: string) => {
    const padded = `  ${word} `;
    return new Set(Array.from({ length: padded.length - 2 }, (_, i) => padded.slice(i, i + 3)));
  };
  const left = grams(a);
  const right = grams(b);
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/** 2 when the words are the same, abbreviated or misspelt; 1 through a column-kind word; 0 otherwise. */
function wordMatch(asked: string, column: string): number {
  if (asked === column) return 2;
  const [shorter, longer] = asked.length <= column.length ? [asked, column] : [column, asked];
  // "turb" for turbidity, "lat" for latitude: column names abbreviate.
  if (shorter.length >= 3 && longer.startsWith(shorter) && !/\d/.test(shorter)) return 2;
  if (shorter.length >= 5 && trigramSimilarity(asked, column) >= 0.5) return 2;
  return columnSynonyms.some((group) => group.includes(asked) && group.includes(column)) ? 1 : 0;
}

export interface ColumnAskResult {
  /** What the person asked about, as they wrote it ("flow cfs"). */
  asked: string;
  present: boolean;
  /** The columns that answer it. */
  matches: string[];
}

/**
 * One ask ("employee names") is present when every word of it is found in some column, or
 * (for three words or more, where people pad: "lat long for each sensor") two thirds of them.
 */
export function matchColumnAsk(
  askWords: readonly string[],
  columns: readonly DatasetColumn[],
  datasetTitle = "",
): ColumnAskResult {
  // "does the alleys data say whether an alley is paved": "alley" names the dataset, not a column.
  const titleWords = new Set(wordForms(datasetTitle));
  const about = askWords.filter((word) => !titleWords.has(singular(word)));
  if (about.length > 0 && about.length < askWords.length) return matchColumnAsk(about, columns);
  const usable = columns.filter((column) => !isBookkeepingColumn(column.name));
  const columnWords = usable.map((column) => ({
    name: column.name,
    forms: new Set([...wordForms(column.name), ...wordForms((column.fieldName ?? "").replace(/_/g, " "))]),
  }));
  // Per column, how well it matches the asked words: the best columns are the answer.
  const strengthByColumn = new Map<string, number>();
  let found = 0;
  for (const word of askWords.map(singular)) {
    let anywhere = false;
    for (const column of columnWords) {
      const strength = Math.max(0, ...[...column.forms].map((form) => wordMatch(word, form)));
      if (strength === 0) continue;
      anywhere = true;
      strengthByColumn.set(column.name, (strengthByColumn.get(column.name) ?? 0) + strength);
    }
    if (anywhere) found += 1;
  }
  const best = Math.max(0, ...strengthByColumn.values());
  const matches = [...strengthByColumn].filter(([, strength]) => strength === best).map(([name]) => name);
  const needed = askWords.length >= 3 ? Math.ceil((askWords.length * 2) / 3) : askWords.length;
  return { asked: askWords.join(" "), present: found >= needed && found > 0, matches };
}
