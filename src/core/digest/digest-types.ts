import type { AccessSlaSettings } from "../access/access-sla-settings.js";
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
import type { ImpactFigures } from "./impact-figures.js";

/*
 * What a weekly digest is, as data: its section keys, audiences, week and sections. A leaf of its
 * own, since digest.ts (which builds one) imports the card, section builders and week code that
 * all need these shapes back.
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
