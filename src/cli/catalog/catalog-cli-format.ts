import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { CatalogListing } from "../../core/catalog/list-catalogs.js";
import type { CatalogSyncSummary } from "../../core/ports/catalog-store.js";
import { SAMPLE_CATALOG_NAME } from "../../first-run/sample-catalog.js";

/** How many skipped records the summary lists; the count covers all of them. */
export const SKIPPED_SHOWN = 20;

export function formatTime(time: Date): string {
  return format(time, "yyyy-MM-dd HH:mm 'UTC'", { in: tz("UTC") });
}

export function formatCounts(
  summary: Omit<CatalogSyncSummary, "sourceId" | "runId" | "skippedReport">,
): string {
  return `${summary.added} added, ${summary.updated} updated, ${summary.removed} removed, ${summary.unchanged} unchanged, ${summary.skipped} skipped`;
}

/** The counts, then the first skipped records with what an operator needs to find them. */
export function formatSyncSummary(heading: string, summary: CatalogSyncSummary): string {
  const lines = [heading, `  ${formatCounts(summary)}`];
  if (summary.skipped > 0) {
    const shown = summary.skippedReport.slice(0, SKIPPED_SHOWN);
    lines.push(
      shown.length < summary.skipped
        ? `  Skipped records (first ${shown.length} of ${summary.skipped}):`
        : "  Skipped records:",
    );
    for (const skipped of shown) {
      lines.push(`    #${skipped.position}  key ${skipped.key ?? "(none)"}  ${skipped.problem}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

export function formatListing(listing: CatalogListing): string {
  const datasets = `${listing.datasetCount} dataset${listing.datasetCount === 1 ? "" : "s"}`;
  const lines = [`${listing.name} (${listing.kind}): ${datasets}`, `  location:    ${listing.location}`];
  if (listing.name === SAMPLE_CATALOG_NAME) {
    lines.push(`  sample:      shipped with datadesk; remove with: datadesk catalog remove ${listing.name}`);
  }
  const run = listing.lastRun;
  if (run) {
    const when = formatTime(run.startedAt);
    lines.push(
      run.status === "failed"
        ? `  last run:    failed ${when}: ${run.error ?? "unknown error"}`
        : `  last run:    ${run.status} ${when}: ${formatCounts(run)}`,
    );
  }
  lines.push(
    listing.nextResyncAt === null || listing.resyncEveryMinutes === null
      ? "  next resync: on demand only (datadesk catalog sync)"
      : `  next resync: ${formatTime(listing.nextResyncAt)} (every ${listing.resyncEveryMinutes} min)`,
  );
  return `${lines.join("\n")}\n`;
}
