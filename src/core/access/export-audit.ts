import type { AuditEntry, AuditLog } from "../ports/audit-log.js";
import { csvCell, type ExportFormat } from "../problems/export-problems.js";

/**
 * `datadesk export audit --format csv|json`: every governed step of a community, in the order it
 * happened (append order, not clock order). For the people accountable for decisions, not the
 * public: it names who acted and why. Cells people typed are guarded against spreadsheet formulas.
 */
const COLUMNS = [
  "seq",
  "at",
  "action",
  "subject",
  "actor_id",
  "actor_name",
  "platform",
  "reason",
  "details",
] as const;

function detailsText(details: Record<string, string>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}=${value}`)
    .join("; ");
}

function row(entry: AuditEntry): Record<(typeof COLUMNS)[number], string | number | null> {
  return {
    seq: entry.seq,
    at: entry.at.toISOString(),
    action: entry.action,
    subject: entry.subjectRef,
    actor_id: entry.actorId,
    actor_name: entry.actorName,
    platform: entry.platform,
    reason: entry.reason,
    details: detailsText(entry.details),
  };
}

export function auditToCsv(entries: readonly AuditEntry[]): string {
  const lines = [COLUMNS.join(",")];
  for (const entry of entries) {
    const values = row(entry);
    lines.push(COLUMNS.map((column) => csvCell(values[column])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

export function auditToJson(entries: readonly AuditEntry[]): string {
  return `${JSON.stringify(
    entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
    null,
    2,
  )}\n`;
}

export async function exportAudit(
  audit: Pick<AuditLog, "list">,
  communityId: string,
  format: ExportFormat,
): Promise<string> {
  const entries = [...(await audit.list(communityId))].sort((a, b) => a.seq - b.seq);
  return format === "csv" ? auditToCsv(entries) : auditToJson(entries);
}
