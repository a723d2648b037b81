import type { ProblemStore } from "../ports/problem-store.js";
import type { PublicProblem } from "./problem.js";

export const exportFormats = ["csv", "json"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * The inventory as open data: what was asked for, how much support it has and what became of
 * it. Built only from `PublicProblem`, which carries no person (no submitter, no assignee, no
 * platform ids), so an anonymous submitter cannot leak through an export.
 */
const COLUMNS = [
  "number",
  "title",
  "description",
  "status",
  "topic",
  "place",
  "votes",
  "decline_reason",
  "duplicate_of",
  "linked_datasets",
  "comments",
  "created_at",
  "updated_at",
] as const;

function row(problem: PublicProblem): Record<(typeof COLUMNS)[number], string | number | null> {
  return {
    number: problem.number,
    title: problem.title,
    description: problem.description,
    status: problem.status,
    topic: problem.topic,
    place: problem.place,
    votes: problem.votes,
    decline_reason: problem.declineReason,
    duplicate_of: problem.duplicateOf,
    linked_datasets: problem.linkedDatasets.join("; "),
    // One line per comment, oldest first, without its author (PublicComment carries none).
    comments: problem.comments.map((comment) => comment.body.replace(/\s*[\r\n]+\s*/g, " ")).join("\n"),
    created_at: problem.createdAt.toISOString(),
    updated_at: problem.updatedAt.toISOString(),
  };
}

/**
 * RFC 4180 quoting, plus a guard against spreadsheet formulas: a cell people typed that starts
 * with = + - @ (or a tab/CR) gets a leading apostrophe, so opening the file never runs it.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function problemsToCsv(problems: readonly PublicProblem[]): string {
  const lines = [COLUMNS.join(",")];
  for (const problem of problems) {
    const values = row(problem);
    lines.push(COLUMNS.map((column) => csvCell(values[column])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

export function problemsToJson(problems: readonly PublicProblem[]): string {
  return `${JSON.stringify(
    problems.map((p) => ({
      ...p,
      comments: p.comments.map((c) => ({ ...c, writtenAt: c.writtenAt.toISOString() })),
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    })),
    null,
    2,
  )}\n`;
}

export async function exportProblems(
  problems: Pick<ProblemStore, "exportPublic">,
  communityId: string,
  format: ExportFormat,
): Promise<string> {
  const rows = await problems.exportPublic(communityId);
  return format === "csv" ? problemsToCsv(rows) : problemsToJson(rows);
}
