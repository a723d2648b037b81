import { z } from "zod";
import type { DatasetColumn, Distribution, NormalizedDataset } from "../core/catalog/dataset.js";
import { defineCatalogFormat, stringAt } from "./catalog-format.js";
import { parseCatalogDate } from "./dates.js";
import { normaliseLicense } from "./license.js";
import { addShortExtra, cleanText, encodePathSegment, looseText, uniqueStrings } from "./mapping-helpers.js";
import { toIsoPeriodicity } from "./periodicity.js";
import { toPlainText } from "./text.js";

/**
 * Socrata Discovery API (`/api/catalog/v1`): `{ results: [{ resource, classification,
 * metadata, permalink, link }], resultSetSize }`. Unlike data.json it carries column names,
 * types and descriptions, which is what lets the bot answer "what columns does X have?".
 */

const looseTextArray = z.array(z.string().nullable()).nullish();

const rawResourceSchema = z.looseObject({
  id: z.string().trim().min(1, "must not be empty"),
  name: z.string(),
  description: looseText,
  type: looseText,
  attribution: looseText,
  attribution_link: looseText,
  contact_email: looseText,
  createdAt: z.unknown().optional(),
  updatedAt: z.unknown().optional(),
  columns_name: looseTextArray,
  columns_field_name: looseTextArray,
  columns_datatype: looseTextArray,
  columns_description: looseTextArray,
  provenance: looseText,
});

const rawClassificationSchema = z.looseObject({
  categories: looseTextArray,
  tags: looseTextArray,
  domain_category: looseText,
  domain_tags: looseTextArray,
  domain_metadata: z.array(z.looseObject({ key: z.string(), value: z.unknown().optional() })).nullish(),
});

export const rawSocrataResultSchema = z.looseObject({
  resource: rawResourceSchema,
  classification: rawClassificationSchema.nullish(),
  metadata: z
    .looseObject({ domain: looseText, license: looseText, is_public: z.boolean().nullish() })
    .nullish(),
  permalink: looseText,
  link: looseText,
});
export type RawSocrataResult = z.infer<typeof rawSocrataResultSchema>;
type RawSocrataResource = z.infer<typeof rawResourceSchema>;

/** Zips the parallel `columns_*` arrays; `:id`-style system columns are not user data. */
export function socrataColumns(resource: RawSocrataResource): DatasetColumn[] {
  const names = resource.columns_name ?? [];
  const fieldNames = resource.columns_field_name ?? [];
  const types = resource.columns_datatype ?? [];
  const descriptions = resource.columns_description ?? [];
  const columns: DatasetColumn[] = [];
  const count = Math.max(names.length, fieldNames.length);
  for (let index = 0; index < count; index += 1) {
    const fieldName = cleanText(fieldNames[index]);
    const name = cleanText(names[index]) ?? fieldName;
    if (!name || name.startsWith(":") || fieldName?.startsWith(":")) continue;
    columns.push({
      name,
      fieldName,
      type: cleanText(types[index]),
      description: cleanText(descriptions[index]),
    });
  }
  return columns;
}

/** The SODA query endpoint and the full CSV export every tabular Socrata dataset has. */
export function socrataDistributions(domain: string | null, resource: RawSocrataResource): Distribution[] {
  const type = cleanText(resource.type);
  if (!domain || (type !== null && type !== "dataset")) return [];
  const base = `https://${domain}`;
  const id = encodePathSegment(resource.id);
  return [
    {
      title: "Socrata API (SODA)",
      format: "API",
      mediaType: "application/json",
      url: `${base}/resource/${id}.json`,
      isApi: true,
    },
    {
      title: "CSV export",
      format: "CSV",
      mediaType: "text/csv",
      url: `${base}/api/views/${id}/rows.csv?accessType=DOWNLOAD`,
      isApi: false,
    },
  ];
}

export function socrataToDataset(raw: RawSocrataResult): NormalizedDataset {
  const { resource } = raw;
  const classification = raw.classification;
  const domain = cleanText(raw.metadata?.domain) ?? domainOf(raw.permalink ?? raw.link);
  const description = resource.description ?? "";

  // Socrata custom metadata ("domain_metadata") is per-portal: usage notes and update
  // frequency are worth promoting; other short values stay as extras for display.
  const usageNotes: string[] = [];
  const extras: Record<string, string> = {};
  let frequency: string | null = null;
  for (const entry of classification?.domain_metadata ?? []) {
    const value = typeof entry.value === "string" ? cleanText(entry.value) : null;
    if (!value) continue;
    if (/usage/i.test(entry.key)) usageNotes.push(value);
    else {
      if (/frequency/i.test(entry.key)) frequency ??= value;
      addShortExtra(extras, entry.key, value);
    }
  }
  addShortExtra(extras, "attributionLink", resource.attribution_link);
  addShortExtra(extras, "provenance", resource.provenance);
  addShortExtra(extras, "domain", domain);

  return {
    key: resource.id,
    title: resource.name.trim(),
    description,
    descriptionText: toPlainText(description),
    keywords: uniqueStrings([...(classification?.tags ?? []), ...(classification?.domain_tags ?? [])]),
    themes: uniqueStrings([...(classification?.categories ?? []), classification?.domain_category]),
    publisher: cleanText(resource.attribution),
    contactName: null,
    contactEmail: cleanText(resource.contact_email),
    ...normaliseLicense({ title: raw.metadata?.license }),
    issued: parseCatalogDate(resource.createdAt),
    modified: parseCatalogDate(resource.updatedAt),
    accrualPeriodicity: toIsoPeriodicity(frequency),
    accessLevel: raw.metadata?.is_public === false ? "non-public" : "public",
    landingPage: cleanText(raw.permalink) ?? cleanText(raw.link),
    distributions: socrataDistributions(domain, resource),
    columns: socrataColumns(resource),
    usageNotes,
    extras,
  };
}

function domainOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

export const socrataFormat = defineCatalogFormat({
  kind: "socrata",
  reading: {
    layout: { recordArrays: [["results"]], totalAt: ["resultSetSize"] },
    paging: {
      sizeParam: "limit",
      offsetParam: "offset",
      defaultSize: 100,
      endpoint: /\/api\/catalog\/v\d+\/?$/,
    },
  },
  rawSchema: rawSocrataResultSchema,
  keyOf: (raw) => stringAt(raw, "resource", "id"),
  toDataset: (raw) => socrataToDataset(raw),
});
