import type { DeclineReason } from "../problems/problem.js";
import type { DataMatchState } from "./data-match-store.js";

/**
 * What the weekly digest reads, one question per section, each answered by the store in one
 * aggregated query: the few rows a card shows (at most `limit`) plus the totals. The digest of a
 * community with 100k problems and 1M votes must build in well under two seconds, so nothing here
 * returns whole tables for the core to count.
 *
 * Windows are half-open instants `[start, end)`: a week in the community's timezone.
 */
export interface DigestWindow {
  communityId: string;
  start: Date;
  end: Date;
}

export interface DigestProblemRow {
  number: number;
  title: string;
  topic: string | null;
  /** All votes it has (for new problems) or votes cast within the window (most voted). */
  votes: number;
}

export interface DigestStatusChangeRow {
  number: number;
  title: string;
  status: "accepted" | "solved" | "declined";
  declineReason: DeclineReason | null;
  declineDetail: string | null;
  at: Date;
}

export interface DigestShowcaseRow {
  number: number;
  title: string;
  team: string;
  link: string;
  publishedAt: Date;
}

export interface DigestDatasetChangeRow {
  title: string;
  key: string;
  sourceName: string;
  landingPage: string | null;
  change: "added" | "updated";
}

export interface DigestOverdueDatasetRow {
  title: string;
  key: string;
  sourceName: string;
  landingPage: string | null;
  modified: Date;
  accrualPeriodicity: string;
}

export interface DigestMetadataGapRow {
  datasetTitle: string;
  sourceName: string;
  field: string;
  /** Times asked, all time (the store keeps one counter per dataset and field). */
  count: number;
}

export interface DigestAccessRow {
  number: number;
  datasetTitle: string;
  status: "pending" | "needs_info";
  createdAt: Date;
  waitingSince: Date;
}

export interface DigestDataMatchRow {
  problemNumber: number;
  problemTitle: string;
  datasetTitle: string;
  landingPage: string | null;
  /** Where the champions' decision stands now (suggested until someone decides). */
  state: DataMatchState;
}

export interface DigestTriageRow {
  number: number;
  title: string;
  createdAt: Date;
}

/** Rows shown plus the total they were taken from. */
export interface Listed<Row> {
  rows: Row[];
  total: number;
}

/** Raw material of the M&E figures for one window: medians are computed by the store. */
export interface ImpactCounts {
  /** Problems whose first response by someone other than the submitter fell in the window. */
  problemFirstResponses: number;
  problemFirstResponseMedianSeconds: number | null;
  /** Access requests whose first decision or question by someone other than the requester fell in the window. */
  accessFirstResponses: number;
  accessFirstResponseMedianSeconds: number | null;
  problemsSolved: number;
  /** Access requests approved or denied. */
  requestsDecided: number;
  /** Distinct datasets newly linked to a problem, or to a showcase published, in the window. */
  datasetsLinked: number;
  /** Distinct problems a dataset was linked to in the window (directly, or a suggested match linked). */
  problemsMatched: number;
  /** Problems whose first linked dataset ever came in the window, and the median time from filing to it. */
  firstMatches: number;
  firstMatchMedianSeconds: number | null;
}

export interface DigestSource {
  /** Problems filed in the window (not hidden), newest first. */
  newProblems(window: DigestWindow, limit: number): Promise<Listed<DigestProblemRow>>;
  /** Problems with the most votes cast in the window (not hidden); total = votes cast. */
  mostVoted(window: DigestWindow, limit: number): Promise<Listed<DigestProblemRow>>;
  /** Moves to accepted, solved or declined in the window, newest first; counts per status. */
  statusChanges(
    window: DigestWindow,
    limit: number,
  ): Promise<Listed<DigestStatusChangeRow> & { counts: Record<DigestStatusChangeRow["status"], number> }>;
  /** Showcases published in the window, newest first. */
  showcasesPublished(window: DigestWindow, limit: number): Promise<Listed<DigestShowcaseRow>>;
  /** Datasets added or updated by syncs that finished in the window (current datasets only). */
  datasetChanges(
    window: DigestWindow,
    limit: number,
  ): Promise<Listed<DigestDatasetChangeRow> & { added: number; updated: number }>;
  /**
   * Current datasets whose accrual periodicity says they are overdue at `at` (one period plus
   * grace after `modified`), longest overdue first (by the day each became overdue). The core
   * re-checks each row with `freshnessVerdict`, the one definition of overdue.
   */
  overdueDatasets(communityId: string, at: Date, limit: number): Promise<Listed<DigestOverdueDatasetRow>>;
  /** Metadata gaps asked about in the window, most asked first. */
  metadataGaps(window: DigestWindow, limit: number): Promise<Listed<DigestMetadataGapRow>>;
  /**
   * Access requests waiting (pending or needs info) that were submitted before `at`, oldest first.
   * With `waitingBefore`, only those pending at their step since before that instant (SLA breaches).
   */
  accessWaiting(
    communityId: string,
    at: Date,
    limit: number,
    waitingBefore?: Date,
  ): Promise<Listed<DigestAccessRow>>;
  impactCounts(window: DigestWindow): Promise<ImpactCounts>;
  /**
   * Problems nobody triaged (still new, unassigned, not hidden) filed before `filedBefore`, oldest
   * first: ProblemStore.awaitingTriage's question, the one the stale-triage reminders ask, as rows.
   */
  awaitingTriage(communityId: string, filedBefore: Date, limit: number): Promise<Listed<DigestTriageRow>>;
  /**
   * Matches of new data to problems suggested after syncs in the window (not hidden problems),
   * newest first, each with its state now; counts per state.
   */
  dataMatches(
    window: DigestWindow,
    limit: number,
  ): Promise<Listed<DigestDataMatchRow> & { counts: Record<DataMatchState, number> }>;
}
