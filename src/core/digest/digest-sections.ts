import { businessDaysCutoff } from "../access/access-dates.js";
import { freshnessVerdict } from "../catalog/freshness.js";
import type { DigestWindow } from "../ports/digest-source.js";
import type { DigestDeps, DigestSection, DigestSectionKey } from "./digest-types.js";
import { compareImpact, hasNoImpact } from "./impact-figures.js";

/**
 * Rows a section shows; the totals say how many more there are. Three rows of ten sections keep
 * the champions' digest inside Discord's 6000 characters of embeds (the SLA breaches come last).
 */
export const SECTION_ROWS = 3;

export interface SectionContext {
  deps: DigestDeps;
  window: DigestWindow;
  previousWindow: DigestWindow;
  /** Standing lists (overdue, waiting) are read as of the week's end, or now for a week in progress. */
  asOf: Date;
  timezone: string;
  /** The community's triage window (CommunityConfig.triage), in business days. */
  staleBusinessDays: number;
}

/** The SLA's cut-off, shared with the stale-triage reminders: see businessDaysCutoff. */
export const slaBreachCutoff = businessDaysCutoff;

type Builder = (context: SectionContext) => Promise<DigestSection | null>;

export const sectionBuilders: Record<DigestSectionKey, Builder> = {
  async newProblems({ deps, window }) {
    const { rows, total } = await deps.digestSource.newProblems(window, SECTION_ROWS);
    return total > 0 ? { key: "newProblems", total, items: rows } : null;
  },
  async mostVoted({ deps, window }) {
    const { rows, total } = await deps.digestSource.mostVoted(window, SECTION_ROWS);
    return total > 0 ? { key: "mostVoted", total, items: rows } : null;
  },
  async statusChanges({ deps, window }) {
    const { rows, total, counts } = await deps.digestSource.statusChanges(window, SECTION_ROWS);
    return total > 0 ? { key: "statusChanges", total, counts, items: rows } : null;
  },
  async awaitingTriage({ deps, window, asOf, timezone, staleBusinessDays: days }) {
    // The stale-triage reminder's cut-off: what was raised to the on-call champion stays here
    // until someone acts. Filed at the cut-off itself has waited the window too.
    const cutoff = businessDaysCutoff(asOf, days, timezone);
    const { rows, total } = await deps.digestSource.awaitingTriage(
      window.communityId,
      new Date(cutoff.getTime() + 1),
      SECTION_ROWS,
    );
    return total > 0 ? { key: "awaitingTriage", total, asOf, staleBusinessDays: days, items: rows } : null;
  },
  async showcases({ deps, window }) {
    const { rows, total } = await deps.digestSource.showcasesPublished(window, SECTION_ROWS);
    return total > 0 ? { key: "showcases", total, items: rows } : null;
  },
  async datasetChanges({ deps, window }) {
    const { rows, total, added, updated } = await deps.digestSource.datasetChanges(window, SECTION_ROWS);
    return total > 0 ? { key: "datasetChanges", total, added, updated, items: rows } : null;
  },
  async dataMatches({ deps, window }) {
    const { rows, total, counts } = await deps.digestSource.dataMatches(window, SECTION_ROWS);
    return total > 0 ? { key: "dataMatches", total, counts, items: rows } : null;
  },
  async overdueDatasets({ deps, window, asOf }) {
    const { rows, total } = await deps.digestSource.overdueDatasets(window.communityId, asOf, SECTION_ROWS);
    // The store narrows in SQL; freshness.ts stays the one definition of "overdue".
    const items = rows.flatMap((row) => {
      const verdict = freshnessVerdict(row.modified, row.accrualPeriodicity, asOf);
      return verdict.kind === "overdue" ? [{ ...row, overdueDays: verdict.overdueDays }] : [];
    });
    return total > 0 && items.length > 0 ? { key: "overdueDatasets", total, items } : null;
  },
  async metadataGaps({ deps, window }) {
    const { rows, total } = await deps.digestSource.metadataGaps(window, SECTION_ROWS);
    return total > 0 ? { key: "metadataGaps", total, items: rows } : null;
  },
  async impact({ deps, window, previousWindow }) {
    const { current, previous } = await compareImpact(deps.digestSource, window, previousWindow);
    return hasNoImpact(current) && hasNoImpact(previous) ? null : { key: "impact", current, previous };
  },
  async accessWaiting({ deps, window, asOf }) {
    const { rows, total } = await deps.digestSource.accessWaiting(window.communityId, asOf, SECTION_ROWS);
    return total > 0 ? { key: "accessWaiting", total, asOf, items: rows } : null;
  },
  async slaBreaches({ deps, window, asOf, timezone }) {
    const days = deps.accessSla.escalationBusinessDays;
    const cutoff = slaBreachCutoff(asOf, days, timezone);
    const { rows, total } = await deps.digestSource.accessWaiting(
      window.communityId,
      asOf,
      SECTION_ROWS,
      new Date(cutoff.getTime() + 1),
    );
    return total > 0 ? { key: "slaBreaches", total, asOf, escalationBusinessDays: days, items: rows } : null;
  },
};
