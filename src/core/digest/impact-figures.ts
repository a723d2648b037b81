import type { DigestSource, DigestWindow, ImpactCounts } from "../ports/digest-source.js";

/**
 * The M&E figures of one week: how fast champions first answer problems and access requests,
 * and what got done. One definition shared by the digest, `datadesk metrics` and the Prometheus
 * gauges, so the three never disagree.
 *
 * A first response counts in the week it happened (not the week the problem was filed): a
 * finished week's figures never change afterwards, and a problem filed on Sunday night is not
 * held against the week it was filed in.
 */
export interface ImpactFigures {
  /** Median hours from a problem's filing to its first champion response, for first responses this week. */
  problemFirstResponseHours: number | null;
  problemFirstResponses: number;
  /** Median hours from an access request to its first decision or question, for those this week. */
  accessFirstResponseHours: number | null;
  accessFirstResponses: number;
  problemsSolved: number;
  requestsDecided: number;
  datasetsLinked: number;
  /** Problems matched to data: distinct problems a dataset was linked to this week. */
  problemsMatched: number;
  /** Median hours from a problem's filing to its first linked dataset, for first links this week. */
  firstMatchHours: number | null;
  firstMatches: number;
}

/** This week's figures beside last week's, and the change of each. */
export interface ImpactComparison {
  current: ImpactFigures;
  previous: ImpactFigures;
}

export const impactFigureKeys = [
  "problemFirstResponseHours",
  "accessFirstResponseHours",
  "problemsSolved",
  "requestsDecided",
  "datasetsLinked",
  "problemsMatched",
  "firstMatchHours",
] as const satisfies readonly (keyof ImpactFigures)[];
export type ImpactFigureKey = (typeof impactFigureKeys)[number];

const hours = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 360) / 10);

export function impactFigures(counts: ImpactCounts): ImpactFigures {
  return {
    problemFirstResponseHours: hours(counts.problemFirstResponseMedianSeconds),
    problemFirstResponses: counts.problemFirstResponses,
    accessFirstResponseHours: hours(counts.accessFirstResponseMedianSeconds),
    accessFirstResponses: counts.accessFirstResponses,
    problemsSolved: counts.problemsSolved,
    requestsDecided: counts.requestsDecided,
    datasetsLinked: counts.datasetsLinked,
    problemsMatched: counts.problemsMatched,
    firstMatchHours: hours(counts.firstMatchMedianSeconds),
    firstMatches: counts.firstMatches,
  };
}

export async function compareImpact(
  source: Pick<DigestSource, "impactCounts">,
  window: DigestWindow,
  previousWindow: DigestWindow,
): Promise<ImpactComparison> {
  const [current, previous] = await Promise.all([
    source.impactCounts(window),
    source.impactCounts(previousWindow),
  ]);
  return { current: impactFigures(current), previous: impactFigures(previous) };
}

/** Change from last week; null when either side has no figure (no response at all that week). */
export function weekOverWeek(comparison: ImpactComparison, key: ImpactFigureKey): number | null {
  const now = comparison.current[key];
  const before = comparison.previous[key];
  if (now === null || before === null) return null;
  return Math.round((now - before) * 10) / 10;
}

/** A week with nothing to measure: every count zero (medians then have nothing to be taken over). */
export function hasNoImpact(figures: ImpactFigures): boolean {
  return (
    figures.problemFirstResponses === 0 &&
    figures.accessFirstResponses === 0 &&
    figures.problemsSolved === 0 &&
    figures.requestsDecided === 0 &&
    figures.datasetsLinked === 0 &&
    figures.problemsMatched === 0 &&
    figures.firstMatches === 0
  );
}
