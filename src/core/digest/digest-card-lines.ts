import { tz } from "@date-fns/tz";
import { type Duration, differenceInBusinessDays, differenceInCalendarDays, format } from "date-fns";
import { parseRepeatingDuration } from "../catalog/freshness.js";
import type { Translate } from "../i18n/translator.js";
import type { DigestAccessRow, DigestProblemRow, DigestTriageRow } from "../ports/digest-source.js";
import type { CardBlock, Inline, RichText } from "../shared/card.js";
import { type ImpactComparison, type ImpactFigureKey, weekOverWeek } from "./impact-figures.js";

/* The digest card's lines: one problem, request, triage entry or impact figure, in the reader's words. */

export const TITLE_LENGTH = 80;

export function cut(text: string, max = TITLE_LENGTH): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function httpUrl(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

export function linked(text: string, href: string | null): Inline {
  const url = httpUrl(href);
  return url ? { text: cut(text), href: url } : { text: cut(text), style: "bold" };
}

export function heading(text: string): CardBlock {
  return { type: "section", text: [{ text, style: "bold" }] };
}

export function listWithMore(t: Translate, items: RichText[], total: number): CardBlock[] {
  const blocks: CardBlock[] = [{ type: "list", items }];
  if (total > items.length)
    blocks.push({ type: "context", text: [t("digest:more", { count: total - items.length })] });
  return blocks;
}

export function problemLine(
  t: Translate,
  row: DigestProblemRow,
  votesKey: "votes" | "votesThisWeek",
): RichText {
  return [
    { text: `#${row.number}`, style: "bold" },
    " ",
    cut(row.title),
    row.topic ? ` · ${cut(row.topic, 40)}` : "",
    ` · ${t(`digest:${votesKey}`, { count: row.votes })}`,
  ];
}

/** `R/P1M` → "monthly"; the largest unit of the period speaks for it. */
export function periodText(t: Translate, periodicity: string): string {
  const period: Duration = parseRepeatingDuration(periodicity) ?? {};
  for (const unit of ["years", "months", "weeks", "days", "hours"] as const) {
    const count = period[unit];
    if (count) return t(`digest:every.${unit}`, { count });
  }
  return periodicity;
}

export function ageText(t: Translate, row: DigestAccessRow, asOf: Date, timezone: string): string {
  const days = differenceInCalendarDays(asOf, row.createdAt, { in: tz(timezone) });
  return days > 0 ? t("digest:waiting", { count: days }) : t("digest:waitingToday");
}

export function accessLine(t: Translate, row: DigestAccessRow, asOf: Date, timezone: string): RichText {
  return [
    { text: `AR-${row.number}`, style: "bold" },
    " ",
    cut(row.datasetTitle),
    ` · ${ageText(t, row, asOf, timezone)} · ${t(`digest:waitingStatus.${row.status}`)}`,
  ];
}

/** "filed 2026-11-05, 11 business days ago": the date to find it by, the age the window counts. */
export function triageLine(t: Translate, row: DigestTriageRow, asOf: Date, timezone: string): RichText {
  const zone = { in: tz(timezone) };
  const days = differenceInBusinessDays(asOf, row.createdAt, zone);
  return [
    { text: `#${row.number}`, style: "bold" },
    " ",
    cut(row.title),
    ` · ${t("digest:filed", { date: format(row.createdAt, "yyyy-MM-dd", zone), count: days })}`,
  ];
}

/** Up to two days in hours ("15 hours"), then in days ("7.5 days"): waits people can picture. */
export function hoursText(t: Translate, value: number | null): string {
  if (value === null) return t("digest:impact.none");
  if (Math.abs(value) < 48) return t("digest:impact.hours", { count: value });
  return t("digest:impact.days", { count: Math.round(value / 2.4) / 10 });
}

export function impactValue(t: Translate, key: ImpactFigureKey, value: number | null): string {
  return key.endsWith("Hours") ? hoursText(t, value) : String(value ?? 0);
}

export const impactLabels: Record<ImpactFigureKey, string> = {
  problemFirstResponseHours: "digest:impact.problemFirstResponse",
  accessFirstResponseHours: "digest:impact.accessFirstResponse",
  problemsSolved: "digest:impact.problemsSolved",
  requestsDecided: "digest:impact.requestsDecided",
  datasetsLinked: "digest:impact.datasetsLinked",
  problemsMatched: "digest:impact.problemsMatched",
  firstMatchHours: "digest:impact.firstMatch",
};

/** "▲ 3 (last week 5)": the change, then last week's value, in the reader's words. */
export function impactChangeText(t: Translate, comparison: ImpactComparison, key: ImpactFigureKey): string {
  const change = weekOverWeek(comparison, key);
  if (comparison.previous[key] === null) return t("digest:impact.noneLastWeek");
  const last = t("digest:impact.lastWeek", { value: impactValue(t, key, comparison.previous[key]) });
  if (change === null || change === 0) return change === 0 ? t("digest:impact.same") : last;
  const magnitude = impactValue(t, key, Math.abs(change));
  return `${t(change > 0 ? "digest:impact.up" : "digest:impact.down", { change: magnitude })} (${last})`;
}
