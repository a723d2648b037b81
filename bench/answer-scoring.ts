import { formatFromMediaType, isApiDistribution, normaliseFormat } from "../src/catalog-sources/formats.js";
import { htmlToPlainText } from "../src/catalog-sources/html-text.js";
import type { AskJson } from "../src/cli/ask-command.js";
import { isLicensePlaceholder } from "../src/core/catalog/license-verdict.js";

/**
 * Scores `datadesk ask --json` output against a question set exactly as
 * ../shared/questions/README.md says: hit@1, hit@3 and MRR on `find` questions (overall and per
 * catalog), abstention on `none`, and field accuracy per intent, where a field answer counts only
 * when the top dataset is expected AND the stated value matches the README's rules.
 */
export interface DevQuestion {
  id: string;
  catalog: string;
  question: string;
  intent: string;
  expected: string[];
  answer_field: string | null;
  notes: string;
  answer_value: Record<string, Record<string, unknown>> | null;
}

export interface RunScores {
  find: Retrieval;
  findByCatalog: Record<string, Retrieval>;
  /** Diagnostic: the same retrieval numbers over the field questions' datasets. */
  fieldRetrieval: Retrieval;
  fieldByIntent: Record<string, { correct: number; total: number }>;
  field: { correct: number; total: number };
  none: { correct: number; total: number };
  /** Find questions whose confident top answer is right (stricter than hit@1). */
  findConfidentHit: number;
  failures: string[];
}

export interface Retrieval {
  count: number;
  hit1: number;
  hit3: number;
  mrr: number;
}

function retrieval(ranks: readonly (number | null)[]): Retrieval {
  const count = ranks.length;
  if (count === 0) return { count, hit1: 0, hit3: 0, mrr: 0 };
  return {
    count,
    hit1: ranks.filter((rank) => rank === 1).length / count,
    hit3: ranks.filter((rank) => rank !== null && rank <= 3).length / count,
    mrr: ranks.reduce<number>((sum, rank) => sum + (rank ? 1 / rank : 0), 0) / count,
  };
}

function rankOf(output: AskJson, expected: readonly string[]): number | null {
  const index = output.results.slice(0, 10).findIndex((result) => expected.includes(result.key));
  return index === -1 ? null : index + 1;
}

/** The notes' explicit yes/no for "does it have X / is there a CSV", when they give one. */
function notesYesNo(notes: string): boolean | null {
  if (/^\s*yes\b/i.test(notes)) return true;
  if (/^\s*no\b/i.test(notes)) return false;
  return null;
}

/** Licence names up to the usual abbreviations ("CC BY 4.0", "PDDL", "ODbL"). */
function licenseKey(text: string): string {
  const plain = text
    .toLowerCase()
    .replace(/[^a-z0-9. ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (/\bpddl\b|public domain dedication/.test(plain)) return "pddl";
  if (/\bodbl\b|open database licen[cs]e/.test(plain)) return "odbl";
  if (/\bcc0\b|cczero|publicdomain zero|public domain dedication 1\.0|waived all copyright/.test(plain))
    return "cc0";
  if (/\bcc by ?sa\b|licenses by sa|attribution share ?alike/.test(plain)) return "cc-by-sa";
  if (/\bcc by 4\.0\b|attribution 4\.0/.test(plain)) return "cc-by-4.0";
  if (/\bcc by\b|creative commons attribution/.test(plain)) return "cc-by";
  if (/public domain/.test(plain)) return "public-domain";
  return plain;
}

/**
 * The file formats a catalog lists. API endpoints are left out (an answer reports them as "API",
 * which is not compared) and so are web pages: ArcGIS Hub lists the dataset's own page as a
 * "Web Page" distribution, which is where the data is described, not a way to get it.
 */
function expectedFormats(field: string, value: unknown): Set<string> {
  const list = Array.isArray(value) ? value.map(String) : [];
  const labels = list.map((item) =>
    field.endsWith("mediaType")
      ? (formatFromMediaType(item) ?? item.toUpperCase())
      : (normaliseFormat(item) ?? item),
  );
  return new Set(
    labels.filter(
      (label) =>
        !["HTML", "WEB PAGE"].includes(label) &&
        !isApiDistribution({ format: label, mediaType: null, url: null }),
    ),
  );
}

/** Why a field answer is wrong, or null when it is right. */
export function fieldProblem(question: DevQuestion, output: AskJson): string | null {
  const top = output.results[0];
  if (!output.confident || !output.answer) return "no confident answer";
  if (!top || !question.expected.includes(top.key)) return `wrong dataset: ${top?.title ?? "none"}`;
  const field = question.answer_field ?? "";
  const expected = question.answer_value?.[top.key]?.[field];
  const { value, items, asked } = output.answer;
  const claimed = asked.length > 0 && asked.every((item) => item.present);
  const yesNo = notesYesNo(question.notes);
  switch (question.intent) {
    case "owner": {
      const wanted = String(expected ?? "")
        .replace(/^mailto:/i, "")
        .toLowerCase();
      const said = [value ?? "", ...items].join(" ").toLowerCase();
      return wanted !== "" && said.includes(wanted) ? null : `contact ${value} lacks ${wanted}`;
    }
    case "freshness":
      return value === String(expected ?? "").slice(0, 10) ? null : `date ${value} ≠ ${String(expected)}`;
    case "license": {
      // ArcGIS Hub licences are HTML fragments or custom terms: compare their text, not markup.
      const stated = htmlToPlainText(expected === null || expected === undefined ? "" : String(expected));
      if (isLicensePlaceholder(stated)) return value === null ? null : `invented license ${value}`;
      return value !== null && licenseKey(value) === licenseKey(stated)
        ? null
        : `license ${value} ≠ ${stated.slice(0, 80)}`;
    }
    case "columns": {
      const real = new Set((Array.isArray(expected) ? expected : []).map(String));
      const invented = items.filter((item) => !real.has(item));
      if (invented.length > 0) return `columns that do not exist: ${invented.join(", ")}`;
      if (yesNo !== null && claimed !== yesNo)
        return `said ${claimed ? "yes" : "no"}, notes say ${yesNo ? "yes" : "no"}`;
      return null;
    }
    case "formats": {
      const real = expectedFormats(field, expected);
      const said = new Set(items.filter((item) => item !== "API"));
      const same = real.size === said.size && [...real].every((format) => said.has(format));
      if (!same) return `formats ${[...said].join("/")} ≠ ${[...real].join("/")}`;
      if (yesNo !== null && claimed !== yesNo)
        return `said ${claimed ? "yes" : "no"}, notes say ${yesNo ? "yes" : "no"}`;
      return null;
    }
    default:
      return `not a field intent: ${question.intent}`;
  }
}

export function scoreRun(
  questions: readonly DevQuestion[],
  outputs: ReadonlyMap<string, AskJson>,
): RunScores {
  const findRanks: (number | null)[] = [];
  const byCatalog = new Map<string, (number | null)[]>();
  const fieldRanks: (number | null)[] = [];
  const fieldByIntent: RunScores["fieldByIntent"] = {};
  const field = { correct: 0, total: 0 };
  const none = { correct: 0, total: 0 };
  const failures: string[] = [];
  let findConfidentHit = 0;
  for (const question of questions) {
    const output = outputs.get(question.id);
    if (!output) throw new Error(`no output for ${question.id}`);
    const rank = rankOf(output, question.expected);
    if (question.intent === "find") {
      findRanks.push(rank);
      byCatalog.set(question.catalog, [...(byCatalog.get(question.catalog) ?? []), rank]);
      if (output.confident && rank === 1) findConfidentHit += 1;
      if (rank !== 1)
        failures.push(
          `${question.id} find: rank ${rank ?? "-"} (top: ${output.results[0]?.title ?? "none"})`,
        );
    } else if (question.intent === "none") {
      none.total += 1;
      if (!output.confident) none.correct += 1;
      else failures.push(`${question.id} none: answered ${output.results[0]?.title ?? ""}`);
    } else {
      fieldRanks.push(rank);
      const tally = fieldByIntent[question.intent] ?? { correct: 0, total: 0 };
      fieldByIntent[question.intent] = tally;
      const problem = fieldProblem(question, output);
      tally.total += 1;
      field.total += 1;
      if (problem === null) {
        tally.correct += 1;
        field.correct += 1;
      } else failures.push(`${question.id} ${question.intent}: ${problem}`);
    }
  }
  return {
    find: retrieval(findRanks),
    findByCatalog: Object.fromEntries([...byCatalog].map(([catalog, ranks]) => [catalog, retrieval(ranks)])),
    fieldRetrieval: retrieval(fieldRanks),
    fieldByIntent,
    field,
    none,
    findConfidentHit: findRanks.length > 0 ? findConfidentHit / findRanks.length : 0,
    failures,
  };
}
