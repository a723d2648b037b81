import { formatDistanceStrict, formatDuration, type Locale } from "date-fns";
import { enUS, es } from "date-fns/locale";
import type { Translate } from "../i18n/translator.js";
import type { CatalogDataset } from "../ports/dataset-search.js";
import type { ShowcaseLink } from "../ports/showcase-store.js";
import { catalogDay, freshnessVerdict } from "./freshness.js";

/*
 * The options every answer card takes, and the plain text a card says about a dataset: its
 * one-line summary, how fresh it is, its access level.
 */

export interface AnswerCardOptions {
  t: Translate;
  locale: string;
  now: Date;
  /** Which follow-up buttons have handlers: no dead buttons. */
  /** `watch`: a Watch button (be told by DM when the dataset changes). */
  offers: { problem: boolean; access: boolean; watch?: boolean };
  /** Published showcases that used the answering dataset (a few, and how many in all). */
  showcases?: { total: number; items: readonly ShowcaseLink[] };
}

const dateLocales: Readonly<Record<string, Locale>> = { en: enUS, es };
const SUMMARY_LENGTH = 240;

export function truncate(text: string, length: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= length ? clean : `${clean.slice(0, length - 1).trimEnd()}…`;
}

/** The first sentence of the description, which is usually what the dataset is. */
export function summaryOf(description: string): string {
  const text = description
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const sentence = /^(.{20,}?[.!?])(?:\s|$)/.exec(text)?.[1] ?? text;
  return truncate(sentence, SUMMARY_LENGTH);
}

export function freshnessText(dataset: CatalogDataset, options: AnswerCardOptions): string {
  const { t, now } = options;
  const locale = dateLocales[options.locale] ?? enUS;
  const verdict = freshnessVerdict(dataset.modified, dataset.accrualPeriodicity, now);
  switch (verdict.kind) {
    case "unknown":
      return t("catalog:freshness.unknown");
    case "current":
      return t("catalog:freshness.current", {
        date: catalogDay(verdict.modified),
        period: formatDuration(verdict.period, { locale }),
        due: catalogDay(verdict.nextDue),
      });
    case "overdue":
      return t("catalog:freshness.overdue", {
        date: catalogDay(verdict.modified),
        late: formatDistanceStrict(verdict.due, now, { locale }),
        period: formatDuration(verdict.period, { locale }),
      });
    case "age":
      return t("catalog:freshness.age", {
        date: catalogDay(verdict.modified),
        age: formatDistanceStrict(verdict.modified, now, { locale }),
      });
  }
}

export function accessKey(level: string): "public" | "restricted" | "nonPublic" {
  if (level === "public") return "public";
  return level === "restricted public" ? "restricted" : "nonPublic";
}
