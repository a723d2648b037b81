import type { CatalogDataset } from "../ports/dataset-search.js";
import { isBookkeepingColumn, matchColumnAsk } from "./column-match.js";
import { catalogDay } from "./freshness.js";
import type { FieldIntent } from "./question-intent.js";

/**
 * The one piece of metadata a field question asks for, read from the best dataset. A value of
 * null means the catalog does not say, and the answer must say exactly that: inventing a
 * licence or borrowing another dataset's contact is worse than admitting the gap. `gap` names
 * the metadata field champions should fill (counted by the metadata-gap store).
 */
export interface FieldAnswer {
  intent: FieldIntent;
  /** The dataset field the answer comes from. */
  field: "contact" | "modified" | "license" | "columns" | "formats" | "accessLevel";
  /** The answer in one line of plain data (a name and email, a day, a licence title, a list). */
  value: string | null;
  /** Listed items: contacts, column names or format labels. */
  items: string[];
  /** For "does it include X / is there a CSV": each thing asked about and whether it is there. */
  asked: { asked: string; present: boolean; matches: string[] }[];
  /** The metadata gap to record, when the catalog could not answer. */
  gap: string | null;
}

export interface FieldQuestion {
  formats: readonly string[];
  columnAsks: readonly (readonly string[])[];
}

/** The catalog's licence, or null when it states none ("License not specified" is none). */
export function licenseOf(dataset: CatalogDataset): string | null {
  if (dataset.licenseId?.toLowerCase() === "notspecified") return null;
  const title = dataset.licenseTitle?.trim();
  if (title && !/^licen[cs]e not specified$/i.test(title)) return title;
  return dataset.licenseUrl ?? (dataset.licenseId && dataset.licenseId !== "" ? dataset.licenseId : null);
}

export function contactOf(dataset: CatalogDataset): string | null {
  const { contactName: name, contactEmail: email } = dataset;
  if (name && email) return `${name} <${email}>`;
  return email ?? name ?? null;
}

/**
 * Format labels a dataset is offered in, plus "API" when a distribution is a query endpoint or
 * machine-readable data served from the portal's API path (Socrata's `/api/views/…/rows.json`).
 */
export function formatsOf(dataset: CatalogDataset): string[] {
  const labels = new Set<string>();
  for (const distribution of dataset.distributions) {
    if (distribution.format) labels.add(distribution.format);
    const servedByApi =
      /\/api\//i.test(distribution.url ?? "") && /^(?:JSON|GEOJSON|XML)$/.test(distribution.format ?? "");
    if (distribution.isApi || servedByApi) labels.add("API");
  }
  return [...labels];
}

/** What counts as having the asked format: a zipped shapefile is the usual shapefile download. */
const acceptedFormats: Readonly<Record<string, readonly string[]>> = {
  SHP: ["SHP", "ZIP", "SHAPEFILE"],
  KML: ["KML", "KMZ"],
  JSON: ["JSON", "GEOJSON"],
  XLSX: ["XLSX", "XLS"],
  XLS: ["XLS", "XLSX"],
};

export function offersFormat(dataset: CatalogDataset, format: string): boolean {
  const available = formatsOf(dataset);
  return (acceptedFormats[format] ?? [format]).some((label) => available.includes(label));
}

export function columnNamesOf(dataset: CatalogDataset): string[] {
  return dataset.columns.map((column) => column.name).filter((name) => !isBookkeepingColumn(name));
}

export function answerField(
  intent: FieldIntent,
  dataset: CatalogDataset,
  question: FieldQuestion,
): FieldAnswer {
  const base = {
    intent,
    items: [] as string[],
    asked: [] as FieldAnswer["asked"],
    gap: null as string | null,
  };
  switch (intent) {
    case "owner": {
      const contact = contactOf(dataset);
      const value = contact ?? dataset.publisher;
      const items = [contact, dataset.publisher].filter((item): item is string => item !== null);
      return { ...base, field: "contact", value, items, gap: contact ? null : "contact" };
    }
    case "freshness": {
      const value = dataset.modified ? catalogDay(dataset.modified) : null;
      return { ...base, field: "modified", value, gap: value ? null : "modified" };
    }
    case "license": {
      const value = licenseOf(dataset);
      return { ...base, field: "license", value, gap: value ? null : "license" };
    }
    case "columns": {
      const items = columnNamesOf(dataset);
      if (items.length === 0) return { ...base, field: "columns", value: null, gap: "columns" };
      const asked = question.columnAsks.map((words) => matchColumnAsk(words, dataset.columns));
      return { ...base, field: "columns", value: items.join(", "), items, asked };
    }
    case "formats": {
      const items = formatsOf(dataset);
      if (items.length === 0) return { ...base, field: "formats", value: null, gap: "formats" };
      const asked = question.formats.map((format) => ({
        asked: format,
        present: offersFormat(dataset, format),
        matches: items.filter((label) => (acceptedFormats[format] ?? [format]).includes(label)),
      }));
      return { ...base, field: "formats", value: items.join(", "), items, asked };
    }
    case "access":
      return { ...base, field: "accessLevel", value: dataset.accessLevel };
  }
}
