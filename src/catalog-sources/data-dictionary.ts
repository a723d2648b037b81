import type { DatasetColumn, NormalizedDataset } from "../core/catalog/dataset.js";
import { TABLE_CELL_SEPARATOR } from "./html-text.js";

/**
 * Columns read from a data dictionary in a description, for catalogs that publish no column list
 * (DCAT-US, so every ArcGIS Hub portal). Two shapes are common and both are read:
 *
 * - a table whose header names the field column ("Field Name | Field Type | Field Description"),
 *   which `html-text.ts` turns into `| cell | cell` lines;
 * - a run of "Name – what it is" lines ("ApplicantName – The name of the contractor…").
 *
 * Only the first dictionary is taken, and only a run of at least three entries, so an ordinary
 * sentence with a dash is never mistaken for a column.
 */
const MIN_ENTRIES = 3;
const MAX_NAME_LENGTH = 40;

const nameHeader = /^(?:field|column|attribute|variable)s?(?: ?name)?$|^name$/i;
const typeHeader = /\btype\b/i;
const descriptionHeader = /\b(?:description|definition|meaning|alias)\b/i;

function cellsOf(line: string): string[] | null {
  if (!line.startsWith(TABLE_CELL_SEPARATOR.trim())) return null;
  return line
    .split(/\s*\|\s*/)
    .slice(1)
    .map((cell) => cell.trim());
}

function plausibleName(name: string): boolean {
  return (
    name !== "" && name.length <= MAX_NAME_LENGTH && name.split(/\s+/).length <= 5 && /[A-Za-z]/.test(name)
  );
}

function fromTable(lines: readonly string[]): DatasetColumn[] {
  for (let start = 0; start < lines.length; start += 1) {
    const header = cellsOf(lines[start] ?? "");
    const nameAt = header?.findIndex((cell) => nameHeader.test(cell)) ?? -1;
    if (!header || nameAt === -1) continue;
    const typeAt = header.findIndex((cell, index) => index !== nameAt && typeHeader.test(cell));
    const descriptionAt = header.findIndex((cell, index) => index !== nameAt && descriptionHeader.test(cell));
    const columns: DatasetColumn[] = [];
    for (const line of lines.slice(start + 1)) {
      const cells = cellsOf(line);
      if (!cells) break;
      const name = cells[nameAt] ?? "";
      if (!plausibleName(name)) continue;
      columns.push({
        name,
        fieldName: null,
        type: typeAt === -1 ? null : cells[typeAt] || null,
        description: descriptionAt === -1 ? null : cells[descriptionAt] || null,
      });
    }
    if (columns.length >= MIN_ENTRIES) return columns;
  }
  return [];
}

const definitionLine = /^([A-Za-z][\w.()/#$]*(?: [\w.()/#$]+){0,4}?)\s*(?:[–—]|\s-|-(?=\s))\s*(\S.*)$/;

function fromDefinitionLines(lines: readonly string[]): DatasetColumn[] {
  let run: DatasetColumn[] = [];
  for (const line of lines) {
    const match = definitionLine.exec(line);
    const name = match?.[1]?.trim() ?? "";
    if (match && plausibleName(name)) {
      run.push({ name, fieldName: null, type: null, description: match[2]?.trim() ?? null });
      continue;
    }
    if (run.length >= MIN_ENTRIES) return run;
    run = [];
  }
  return run.length >= MIN_ENTRIES ? run : [];
}

export function dictionaryColumns(description: string): DatasetColumn[] {
  // Blank lines separate paragraphs and table rows alike; they do not end a dictionary.
  const lines = description
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const table = fromTable(lines);
  return table.length > 0 ? table : fromDefinitionLines(lines);
}

/** A dataset whose catalog lists no columns gets those its description's dictionary names. */
export function withDictionaryColumns(dataset: NormalizedDataset): NormalizedDataset {
  if (dataset.columns.length > 0) return dataset;
  const columns = dictionaryColumns(dataset.description);
  return columns.length > 0 ? { ...dataset, columns } : dataset;
}
