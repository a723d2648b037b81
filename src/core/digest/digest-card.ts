import { tz } from "@date-fns/tz";
import { type Duration, differenceInBusinessDays, differenceInCalendarDays, format } from "date-fns";
import { parseRepeatingDuration } from "../catalog/freshness.js";
import type { Translate } from "../i18n/translator.js";
import type { DigestAccessRow, DigestProblemRow, DigestTriageRow } from "../ports/digest-source.js";
import { type Card, type CardBlock, type Inline, plainText, type RichText } from "../shared/card.js";
import type { Digest, DigestSection, DigestSectionOf } from "./digest-types.js";
import { type ImpactComparison, type ImpactFigureKey, weekOverWeek } from "./impact-figures.js";

/**
 * The digest as a neutral card. Titles, team names and dataset titles are plain segments (data
 * the renderers escape), so nothing people typed can ping a channel from the digest.
 */

const TITLE_LENGTH = 80;

function cut(text: string, max = TITLE_LENGTH): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function httpUrl(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

function linked(text: string, href: string | null): Inline {
  const url = httpUrl(href);
  return url ? { text: cut(text), href: url } : { text: cut(text), style: "bold" };
}

function heading(text: string): CardBlock {
  return { type: "section", text: [{ text, style: "bold" }] };
}

function listWithMore(t: Translate, items: RichText[], total: number): CardBlock[] {
  const blocks: CardBlock[] = [{ type: "list", items }];
  if (total > items.length)
    blocks.push({ type: "context", text: [t("digest:more", { count: total - items.length })] });
  return blocks;
}

function problemLine(t: Translate, row: DigestProblemRow, votesKey: "votes" | "votesThisWeek"): RichText {
  return [
    { text: `#${row.number}`, style: "bold" },
    " ",
    cut(row.title),
    row.topic ? ` · ${cut(row.topic, 40)}` : "",
    ` · ${t(`digest:${votesKey}`, { count: row.votes })}`,
  ];
}

/** `R/P1M` → "monthly"; the largest unit of the period speaks for it. */
function periodText(t: Translate, periodicity: string): string {
  const period: Duration = parseRepeatingDuration(periodicity) ?? {};
  for (const unit of ["years", "months", "weeks", "days", "hours"] as const) {
    const count = period[unit];
    if (count) return t(`digest:every.${unit}`, { count });
  }
  return periodicity;
}

function ageText(t: Translate, row: DigestAccessRow, asOf: Date, timezone: string): string {
  const days = differenceInCalendarDays(asOf, row.createdAt, { in: tz(timezone) });
  return days > 0 ? t("digest:waiting", { count: days }) : t("digest:waitingToday");
}

function accessLine(t: Translate, row: DigestAccessRow, asOf: Date, timezone: string): RichText {
  return [
    { text: `AR-${row.number}`, style: "bold" },
    " ",
    cut(row.datasetTitle),
    ` · ${ageText(t, row, asOf, timezone)} · ${t(`digest:waitingStatus.${row.status}`)}`,
  ];
}

/** "filed 2026-11-05, 11 business days ago": the date to find it by, the age the window counts. */
function triageLine(t: Translate, row: DigestTriageRow, asOf: Date, timezone: string): RichText {
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
function hoursText(t: Translate, value: number | null): string {
  if (value === null) return t("digest:impact.none");
  if (Math.abs(value) < 48) return t("digest:impact.hours", { count: value });
  return t("digest:impact.days", { count: Math.round(value / 2.4) / 10 });
}

export function impactValue(t: Translate, key: ImpactFigureKey, value: number | null): string {
  return key.endsWith("Hours") ? hoursText(t, value) : String(value ?? 0);
}

const impactLabels: Record<ImpactFigureKey, string> = {
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

function impactBlocks(t: Translate, section: DigestSectionOf<"impact">): CardBlock[] {
  const responses = (count: number) => (count > 0 ? ` ${t("digest:impact.responses", { count })}` : "");
  const firsts = (count: number) => (count > 0 ? ` ${t("digest:impact.problems", { count })}` : "");
  const fields = (Object.keys(impactLabels) as ImpactFigureKey[]).map((key) => {
    const value = impactValue(t, key, section.current[key]);
    // A median says more beside how many it was taken over.
    const samples: Partial<Record<ImpactFigureKey, string>> = {
      problemFirstResponseHours: responses(section.current.problemFirstResponses),
      accessFirstResponseHours: responses(section.current.accessFirstResponses),
      firstMatchHours: firsts(section.current.firstMatches),
    };
    const sample = samples[key] ?? "";
    return {
      label: t(impactLabels[key]),
      value: [`${value}${sample} · ${impactChangeText(t, section, key)}`],
    };
  });
  return [heading(t("digest:sections.impact")), { type: "fields", fields }];
}

function sectionBlocks(t: Translate, section: DigestSection, timezone: string): CardBlock[] {
  switch (section.key) {
    case "newProblems":
      return [
        heading(t("digest:sections.newProblems", { count: section.total })),
        ...listWithMore(
          t,
          section.items.map((row) => problemLine(t, row, "votes")),
          section.total,
        ),
      ];
    case "mostVoted":
      return [
        heading(t("digest:sections.mostVoted", { count: section.total })),
        { type: "list", items: section.items.map((row) => problemLine(t, row, "votesThisWeek")) },
      ];
    case "statusChanges":
      return [
        heading(t("digest:sections.statusChanges", section.counts)),
        ...listWithMore(
          t,
          section.items.map((row) => [
            { text: `#${row.number}`, style: "bold" },
            " ",
            cut(row.title),
            ` · ${t(`digest:status.${row.status}`)}`,
            ...(row.declineReason
              ? [
                  `: ${t(`problems:declineReasons.${row.declineReason}`)}`,
                  row.declineDetail ? ` (${cut(row.declineDetail)})` : "",
                ]
              : []),
          ]),
          section.total,
        ),
      ];
    case "awaitingTriage":
      return [
        heading(
          t("digest:sections.awaitingTriage", { count: section.total, days: section.staleBusinessDays }),
        ),
        ...listWithMore(
          t,
          section.items.map((row) => triageLine(t, row, section.asOf, timezone)),
          section.total,
        ),
      ];
    case "showcases":
      return [
        heading(t("digest:sections.showcases", { count: section.total })),
        ...listWithMore(
          t,
          section.items.map((row) => [
            linked(row.title, row.link),
            ` ${t("digest:byTeam", { team: cut(row.team) })}`,
          ]),
          section.total,
        ),
      ];
    case "datasetChanges":
      return [
        heading(t("digest:sections.datasetChanges", { added: section.added, updated: section.updated })),
        ...listWithMore(
          t,
          section.items.map((row) => [
            linked(row.title, row.landingPage),
            ` · ${t(`digest:change.${row.change}`)} · ${row.sourceName}`,
          ]),
          section.total,
        ),
      ];
    case "dataMatches":
      return [
        heading(t("digest:sections.dataMatches", { count: section.total, ...section.counts })),
        ...listWithMore(
          t,
          section.items.map((row) => [
            { text: `#${row.problemNumber}`, style: "bold" },
            " ",
            cut(row.problemTitle, 50),
            " ← ",
            linked(row.datasetTitle, row.landingPage),
            ` · ${t(`digest:matchState.${row.state}`)}`,
          ]),
          section.total,
        ),
      ];
    case "overdueDatasets":
      return [
        heading(t("digest:sections.overdueDatasets", { count: section.total })),
        ...listWithMore(
          t,
          section.items.map((row) => [
            linked(row.title, row.landingPage),
            ` · ${t("digest:overdue", { count: row.overdueDays, period: periodText(t, row.accrualPeriodicity) })}`,
          ]),
          section.total,
        ),
      ];
    case "metadataGaps":
      return [
        heading(t("digest:sections.metadataGaps", { count: section.total })),
        ...listWithMore(
          t,
          section.items.map((row) => [
            { text: cut(row.datasetTitle), style: "bold" },
            " — ",
            { text: t(`catalogAdmin:gapFields.${row.field}`, { defaultValue: row.field }), style: "italic" },
            `: ${t("digest:asked", { count: row.count })}`,
          ]),
          section.total,
        ),
      ];
    case "impact":
      return impactBlocks(t, section);
    case "accessWaiting":
      return [
        heading(t("digest:sections.accessWaiting", { count: section.total })),
        ...listWithMore(
          t,
          section.items.map((row) => accessLine(t, row, section.asOf, timezone)),
          section.total,
        ),
      ];
    case "slaBreaches":
      return [
        heading(
          t("digest:sections.slaBreaches", { count: section.total, days: section.escalationBusinessDays }),
        ),
        ...listWithMore(
          t,
          section.items.map((row) => accessLine(t, row, section.asOf, timezone)),
          section.total,
        ),
      ];
  }
}

/** Sections that follow another in its Discord embed (see renderDigestCard). */
const sharesEmbedWith: Partial<Record<DigestSection["key"], DigestSection["key"]>> = {
  awaitingTriage: "statusChanges",
  dataMatches: "datasetChanges",
};

export function renderDigestCard(digest: Digest, t: Translate): Card {
  const zone = { in: tz(digest.timezone) };
  const title = t(`digest:title.${digest.audience.kind}`, { community: digest.communityName });
  const week = t("digest:week", {
    week: digest.week.isoWeek,
    from: format(digest.week.start, "yyyy-MM-dd", zone),
    to: format(new Date(digest.week.end.getTime() - 1), "yyyy-MM-dd", zone),
  });
  const blocks: CardBlock[] = [
    { type: "header", text: title },
    { type: "context", text: [week] },
  ];
  if (digest.sections.length === 0) blocks.push({ type: "section", text: [t("digest:quiet")] });
  digest.sections.forEach((section, index) => {
    const [heading, ...rest] = sectionBlocks(t, section, digest.timezone);
    if (index === 0 || !heading || heading.type !== "section") {
      blocks.push(...(heading ? [heading] : []), ...rest);
      return;
    }
    // Later headings are headers: Discord starts an embed at each (4096 characters each, ten at
    // most: the title's embed holds the first section), so a long digest is never cut mid-way.
    // Twelve sections would need twelve, so two ride with the section they follow from, under a
    // bold heading after a rule: the matches come from the same syncs as the dataset changes, and
    // the problems waiting for triage are the other side of the week's decisions.
    const follows = sharesEmbedWith[section.key];
    if (follows && digest.sections[index - 1]?.key === follows) {
      blocks.push({ type: "divider" }, heading, ...rest);
      return;
    }
    blocks.push({ type: "divider" }, { type: "header", text: plainText(heading.text) }, ...rest);
  });
  return { fallbackText: `${title} · ${week}`, accent: "info", blocks };
}
