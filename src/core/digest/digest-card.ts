import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { Translate } from "../i18n/translator.js";
import { type Card, type CardBlock, plainText } from "../shared/card.js";
import {
  accessLine,
  cut,
  heading,
  impactChangeText,
  impactLabels,
  impactValue,
  linked,
  listWithMore,
  periodText,
  problemLine,
  triageLine,
} from "./digest-card-lines.js";
import type { Digest, DigestSection, DigestSectionOf } from "./digest-types.js";
import type { ImpactFigureKey } from "./impact-figures.js";

/*
 * The digest as a neutral card. Titles, team names and dataset titles are plain segments (data
 * the renderers escape), so nothing people typed can ping a channel from the digest.
 */

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
