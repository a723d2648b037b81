import { z } from "zod";
import type { AccessLevel, Distribution, NormalizedDataset } from "../core/catalog/dataset.js";
import { defineCatalogFormat, type MappingContext, stringAt } from "./catalog-format.js";
import { parseCatalogDate } from "./dates.js";
import { formatFromMediaType, isApiDistribution, normaliseFormat } from "./formats.js";
import { normaliseLicense } from "./license.js";
import {
  addShortExtra,
  cleanText,
  encodePathSegment,
  looseText,
  parseAccessLevel,
  stripMailto,
  uniqueStrings,
} from "./mapping-helpers.js";
import { toIsoPeriodicity } from "./periodicity.js";
import { toPlainText } from "./text.js";

/**
 * CKAN packages, as returned by `package_show` and inside `package_search`
 * (`{help, success, result: {count, results}}`), or dumped one per line by `ckanapi dump`.
 * CKAN core fields are loosely used by portals (empty strings for "none", custom `extras`),
 * so the schema accepts nulls everywhere except the package `id`.
 */

const rawResourceSchema = z.looseObject({
  name: looseText,
  format: looseText,
  mimetype: looseText,
  url: looseText,
  url_type: looseText,
});
type RawCkanResource = z.infer<typeof rawResourceSchema>;

const rawExtraSchema = z.looseObject({ key: z.string(), value: z.unknown().optional() });
type RawCkanExtra = z.infer<typeof rawExtraSchema>;

export const rawCkanPackageSchema = z.looseObject({
  id: z.string().trim().min(1, "must not be empty"),
  name: looseText,
  title: looseText,
  notes: looseText,
  url: looseText,
  author: looseText,
  author_email: looseText,
  maintainer: looseText,
  maintainer_email: looseText,
  license_id: looseText,
  license_title: looseText,
  license_url: looseText,
  organization: z.looseObject({ title: looseText, name: looseText }).nullish(),
  tags: z.array(z.union([z.string(), z.looseObject({ name: looseText, display_name: looseText })])).nullish(),
  groups: z.array(z.looseObject({ title: looseText, display_name: looseText, name: looseText })).nullish(),
  private: z.boolean().nullish(),
  metadata_created: z.unknown().optional(),
  metadata_modified: z.unknown().optional(),
  // ckanext-scheming portals promote these from extras to top-level fields.
  frequency: looseText,
  accrual_periodicity: looseText,
  access_level: looseText,
  extras: z.array(rawExtraSchema).nullish(),
  resources: z.array(rawResourceSchema).nullish(),
});
export type RawCkanPackage = z.infer<typeof rawCkanPackageSchema>;

/** Extras keys compared without case or punctuation: `Update frequency` = `update_frequency`. */
function compactKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z]/g, "");
}
const frequencyKeys = new Set(["frequency", "accrualperiodicity", "updatefrequency"]);
const accessLevelKeys = new Set(["accesslevel"]);

function extraText(extra: RawCkanExtra): string | null {
  const { value } = extra;
  if (typeof value === "string") return cleanText(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

export function ckanDistribution(raw: RawCkanResource): Distribution {
  const mediaType = cleanText(raw.mimetype);
  const format = normaliseFormat(raw.format) ?? formatFromMediaType(mediaType);
  const url = cleanText(raw.url);
  return {
    title: cleanText(raw.name),
    format,
    mediaType,
    url,
    // `url_type: datastore` resources were pushed through the DataStore API and are served by it.
    isApi: raw.url_type === "datastore" || isApiDistribution({ format, mediaType, url }),
  };
}

function accessLevelOf(raw: RawCkanPackage, declared: string | null): AccessLevel {
  if (raw.private === true) return "non-public";
  return (declared ? parseAccessLevel(declared) : null) ?? "public";
}

export function ckanToDataset(raw: RawCkanPackage, context: MappingContext): NormalizedDataset {
  const usageNotes: string[] = [];
  const extras: Record<string, string> = {};
  let frequency = cleanText(raw.frequency) ?? cleanText(raw.accrual_periodicity);
  let declaredAccess = cleanText(raw.access_level);
  for (const extra of raw.extras ?? []) {
    const value = extraText(extra);
    if (!value) continue;
    const key = compactKey(extra.key);
    if (key.includes("usage")) usageNotes.push(value);
    else if (frequencyKeys.has(key) && !frequency) frequency = value;
    else if (accessLevelKeys.has(key) && !declaredAccess) declaredAccess = value;
    else addShortExtra(extras, extra.key, value);
  }
  const isoFrequency = toIsoPeriodicity(frequency);
  if (frequency && !isoFrequency) addShortExtra(extras, "frequency", frequency);
  addShortExtra(extras, "name", raw.name);

  const name = cleanText(raw.name);
  // ckanext-dcat maps the package `url` (the "Source" field) to dcat:landingPage; without it,
  // the package's own page on the portal is the best landing page we can name.
  const portalPage = context.portalUrl
    ? `${context.portalUrl}/dataset/${encodePathSegment(name ?? raw.id)}`
    : null;
  const description = raw.notes ?? "";

  return {
    key: raw.id,
    title: cleanText(raw.title) ?? name ?? "",
    description,
    descriptionText: toPlainText(description),
    keywords: uniqueStrings(
      (raw.tags ?? []).map((tag) => (typeof tag === "string" ? tag : (tag.name ?? tag.display_name))),
    ),
    themes: uniqueStrings((raw.groups ?? []).map((group) => group.title ?? group.display_name ?? group.name)),
    publisher: cleanText(raw.organization?.title) ?? cleanText(raw.organization?.name),
    contactName: cleanText(raw.maintainer) ?? cleanText(raw.author),
    contactEmail: stripMailto(raw.maintainer_email) ?? stripMailto(raw.author_email),
    ...normaliseLicense({ id: raw.license_id, title: raw.license_title, url: raw.license_url }),
    issued: parseCatalogDate(raw.metadata_created),
    modified: parseCatalogDate(raw.metadata_modified),
    accrualPeriodicity: isoFrequency,
    accessLevel: accessLevelOf(raw, declaredAccess),
    landingPage: cleanText(raw.url) ?? portalPage,
    distributions: (raw.resources ?? []).map(ckanDistribution),
    columns: [],
    usageNotes,
    extras,
  };
}

export const ckanFormat = defineCatalogFormat({
  kind: "ckan",
  reading: {
    // package_search: result.results; current_package_list_with_resources: result; a bare array.
    layout: { recordArrays: [["result", "results"], ["result"], []], totalAt: ["result", "count"] },
    paging: { sizeParam: "rows", offsetParam: "start", defaultSize: 100, endpoint: /\/package_search\/?$/ },
    allowJsonLines: true,
  },
  rawSchema: rawCkanPackageSchema,
  keyOf: (raw) => stringAt(raw, "id"),
  toDataset: ckanToDataset,
});
