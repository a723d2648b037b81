import type { CatalogDataset } from "../ports/dataset-search.js";
import { isBookkeepingColumn, matchColumnAsk } from "./column-match.js";
import type { Distribution } from "./dataset.js";
import { catalogDay } from "./freshness.js";
import { type LicenseVerdict, licenseVerdict } from "./license-verdict.js";
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
  /**
   * For "does it include X / is there a CSV": each thing asked about and whether it is there;
   * for a format, `url` is where to get it.
   */
  asked: { asked: string; present: boolean; matches: string[]; url?: string | null }[];
  /** For licence questions: what the licence allows, in plain terms. */
  license?: LicenseVerdict;
  /** The metadata gap to record, when the catalog could not answer. */
  gap: string | null;
}

export interface FieldQuestion {
  formats: readonly string[];
  columnAsks: readonly (readonly string[])[];
}

/**
 * The catalog's licence in one line: a known licence's name, else the terms as stated, or null
 * when it states none ("License not specified", "To be added.", "N/A" are none).
 */
export function licenseOf(dataset: CatalogDataset): string | null {
  const verdict = licenseVerdict(dataset);
  switch (verdict.kind) {
    case "known": {
      // The catalog's own title when it is a name ("Creative Commons Attribution 4.0"), not terms.
      const title = dataset.licenseTitle?.trim();
      return title && title.length <= 120 && !/^https?:/i.test(title) ? title : verdict.name;
    }
    case "custom":
      return verdict.text ?? verdict.url;
    case "none":
      return null;
  }
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
  return [...new Set(dataset.distributions.flatMap(formatLabelsOf))];
}

/**
 * A web page (ArcGIS Hub lists the dataset's own page as a "Web Page" distribution) is where the
 * data is described, not a format. An endpoint that calls itself an API ("ArcGIS GeoServices
 * REST API") is simply "API"; other endpoints keep their name too (WMS).
 */
function formatLabelsOf(distribution: Distribution): string[] {
  const format = distribution.format;
  const webPage =
    format !== null && /^(?:HTML|WEB ?PAGE|WEBPAGE|WEB SITE|WEBSITE|LANDING PAGE)$/.test(format);
  const servedByApi = /\/api\//i.test(distribution.url ?? "") && /^(?:JSON|GEOJSON|XML)$/.test(format ?? "");
  const isApi = distribution.isApi || servedByApi;
  const labels: string[] = [];
  if (format && !webPage && !(distribution.isApi && /\b(?:API|REST)\b/.test(format))) labels.push(format);
  if (isApi) labels.push("API");
  return labels;
}

/** Where to get the dataset in one of the labels (a download, or the endpoint for "API"). */
function urlFor(dataset: CatalogDataset, labels: readonly string[]): string | null {
  const found = dataset.distributions.find(
    (distribution) =>
      distribution.url && formatLabelsOf(distribution).some((label) => labels.includes(label)),
  );
  return found?.url ?? null;
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
      const license = licenseVerdict(dataset);
      const value = licenseOf(dataset);
      return { ...base, field: "license", value, license, gap: license.kind === "none" ? "license" : null };
    }
    case "columns": {
      const items = columnNamesOf(dataset);
      if (items.length === 0) return { ...base, field: "columns", value: null, gap: "columns" };
      const asked = question.columnAsks.map((words) => matchColumnAsk(words, dataset.columns, dataset.title));
      return { ...base, field: "columns", value: items.join(", "), items, asked };
    }
    case "formats": {
      const items = formatsOf(dataset);
      if (items.length === 0) return { ...base, field: "formats", value: null, gap: "formats" };
      const asked = question.formats.map((format) => {
        const matches = items.filter((label) => (acceptedFormats[format] ?? [format]).includes(label));
        return { asked: format, present: matches.length > 0, matches, url: urlFor(dataset, matches) };
      });
      return { ...base, field: "formats", value: items.join(", "), items, asked };
    }
    case "access":
      return { ...base, field: "accessLevel", value: dataset.accessLevel };
  }
}
