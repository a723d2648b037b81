import type { AccessSlaSettings } from "../access/access-sla-settings.js";
import type { Translate } from "../i18n/translator.js";
import type { Clock } from "../ports/clock.js";
import type { CommunityDirectory } from "../ports/community-directory.js";
import type {
  DigestAccessRow,
  DigestDataMatchRow,
  DigestDatasetChangeRow,
  DigestMetadataGapRow,
  DigestOverdueDatasetRow,
  DigestProblemRow,
  DigestShowcaseRow,
  DigestSource,
  DigestStatusChangeRow,
  DigestTriageRow,
} from "../ports/digest-source.js";
import type { Card } from "../shared/card.js";
import { renderDigestCard } from "./digest-card.js";
import { type SectionContext, sectionBuilders } from "./digest-sections.js";
import { previousWeek } from "./digest-week.js";
import type { ImpactFigures } from "./impact-figures.js";

/**
 * The weekly digest: what happened in a community during one week of its own calendar, as data.
 * `buildDigest` asks the `DigestSource` one question per section; `digestCard` turns the answer
 * into a neutral card for any platform. Scheduling and delivery build on these two.
 */
export const digestSectionKeys = [
  "newProblems",
  "mostVoted",
  "statusChanges",
  "awaitingTriage",
  "showcases",
  "datasetChanges",
  "dataMatches",
  "overdueDatasets",
  "metadataGaps",
  "impact",
  "accessWaiting",
  "slaBreaches",
] as const;
export type DigestSectionKey = (typeof digestSectionKeys)[number];

/**
 * The sections only champions see: request details never go to a public channel, a suggested
 * match is a champion's call to make before anyone else hears of it, and the triage backlog is
 * the champions' to-do list (issue 19: raised to the on-call champion, then in their digest).
 */
export const championOnlySectionKeys: readonly DigestSectionKey[] = [
  "awaitingTriage",
  "dataMatches",
  "accessWaiting",
  "slaBreaches",
];

/** "channel": the community's public digest; "champions": adds the champion-only sections; "person": a personal DM digest with only the sections they kept. */
export type DigestAudience =
  | { kind: "channel" }
  | { kind: "champions" }
  | { kind: "person"; personId: string; sections: readonly DigestSectionKey[] };

export interface DigestWeek {
  /** "2026-W47" */
  isoWeek: string;
  start: Date;
  /** Exclusive; community-local Monday 00:00 → next Monday 00:00 as instants. */
  end: Date;
}

/** Each section: the rows shown (at most a handful) and the totals they come from. */
export type DigestSection =
  | { key: "newProblems"; total: number; items: DigestProblemRow[] }
  | { key: "mostVoted" /** votes cast this week */; total: number; items: DigestProblemRow[] }
  | {
      key: "statusChanges";
      total: number;
      counts: Record<DigestStatusChangeRow["status"], number>;
      items: DigestStatusChangeRow[];
    }
  | {
      key: "awaitingTriage";
      total: number;
      asOf: Date;
      /** The community's window: untriaged this many business days or more. */
      staleBusinessDays: number;
      items: DigestTriageRow[];
    }
  | { key: "showcases"; total: number; items: DigestShowcaseRow[] }
  | { key: "datasetChanges"; total: number; added: number; updated: number; items: DigestDatasetChangeRow[] }
  | {
      key: "dataMatches";
      total: number;
      counts: Record<DigestDataMatchRow["state"], number>;
      items: DigestDataMatchRow[];
    }
  | { key: "overdueDatasets"; total: number; items: (DigestOverdueDatasetRow & { overdueDays: number })[] }
  | { key: "metadataGaps"; total: number; items: DigestMetadataGapRow[] }
  | { key: "impact"; current: ImpactFigures; previous: ImpactFigures }
  | { key: "accessWaiting"; total: number; asOf: Date; items: DigestAccessRow[] }
  | {
      key: "slaBreaches";
      total: number;
      asOf: Date;
      escalationBusinessDays: number;
      items: DigestAccessRow[];
    };

export type DigestSectionOf<K extends DigestSectionKey> = Extract<DigestSection, { key: K }>;

export interface Digest {
  communityId: string;
  communityName: string;
  /** The community's timezone: the week and every date shown are read in it. */
  timezone: string;
  week: DigestWeek;
  audience: DigestAudience;
  /** In `digestSectionKeys` order; empty sections omitted. */
  sections: DigestSection[];
}

export interface DigestDeps {
  digestSource: DigestSource;
  /** The community's timezone (business days of the access SLA) and triage window. */
  directory: Pick<CommunityDirectory, "config">;
  clock: Clock;
  accessSla: AccessSlaSettings;
}

/**
 * Sections that report what happened this week. The rest are standing lists (overdue datasets,
 * problems waiting for triage, requests waiting, SLA breaches: reminders already chase those)
 * and figures: they would make every week look busy, so alone they don't make a digest worth
 * sending.
 */
export const happeningSectionKeys: readonly DigestSectionKey[] = [
  "newProblems",
  "mostVoted",
  "statusChanges",
  "showcases",
  "datasetChanges",
  "dataMatches",
  "metadataGaps",
];

/**
 * Nothing happened: impact figures alone (and standing lists) don't make a digest worth sending.
 * Except to someone who kept only those for their own digest: they asked for them every week,
 * so theirs is quiet only when every section they kept is empty.
 */
export function isQuietWeek(digest: Digest): boolean {
  const wanted = sectionsFor(digest.audience);
  if (digest.audience.kind === "person" && !wanted.some((key) => happeningSectionKeys.includes(key)))
    return digest.sections.length === 0;
  return !digest.sections.some((section) => happeningSectionKeys.includes(section.key));
}

export function digestCard(digest: Digest, t: Translate): Card {
  return renderDigestCard(digest, t);
}

/** The sections an audience gets, in the digest's order. */
export function sectionsFor(audience: DigestAudience): DigestSectionKey[] {
  switch (audience.kind) {
    case "channel":
      return digestSectionKeys.filter((key) => !championOnlySectionKeys.includes(key));
    case "champions":
      return [...digestSectionKeys];
    case "person":
      // The caller (personal digest settings) offers champion-only sections to champions only.
      return digestSectionKeys.filter((key) => audience.sections.includes(key));
  }
}

export async function buildDigest(
  deps: DigestDeps,
  input: { communityId: string; week: DigestWeek; audience: DigestAudience },
): Promise<Digest> {
  const config = await deps.directory.config(input.communityId);
  const previous = previousWeek(input.week, config.timezone);
  const now = deps.clock.now();
  const context: SectionContext = {
    deps,
    window: { communityId: input.communityId, start: input.week.start, end: input.week.end },
    previousWindow: { communityId: input.communityId, start: previous.start, end: previous.end },
    asOf: now < input.week.end ? now : input.week.end,
    timezone: config.timezone,
    staleBusinessDays: config.triage.staleBusinessDays,
  };
  const built = await Promise.all(sectionsFor(input.audience).map((key) => sectionBuilders[key](context)));
  return {
    communityId: input.communityId,
    communityName: config.name,
    timezone: config.timezone,
    week: input.week,
    audience: input.audience,
    sections: built.filter((section): section is DigestSection => section !== null),
  };
}
