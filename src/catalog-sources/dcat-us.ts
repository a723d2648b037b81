import { z } from "zod";
import type { Distribution, NormalizedDataset } from "../core/catalog/dataset.js";
import { defineCatalogFormat, stringAt } from "./catalog-format.js";
import { parseCatalogDate } from "./dates.js";
import { formatFromMediaType, isApiDistribution, normaliseFormat } from "./formats.js";
import { normaliseLicense } from "./license.js";
import {
  accessLevelText,
  addShortExtra,
  cleanText,
  looseText,
  looseTextList,
  stripMailto,
  textList,
} from "./mapping-helpers.js";
import { toIsoPeriodicity } from "./periodicity.js";
import { toPlainText } from "./text.js";

/**
 * DCAT-US / Project Open Data v1.1 `data.json`: `{ conformsTo, dataset: [...] }`, the file
 * every US government and Socrata portal publishes for data.gov. Only `identifier` and `title`
 * are required here: Socrata-generated files (Chicago) omit license and accrualPeriodicity,
 * and older v1.0 files use plain strings where v1.1 has objects.
 */

const rawDistributionSchema = z.looseObject({
  title: looseText,
  downloadURL: looseText,
  accessURL: looseText,
  mediaType: looseText,
  format: looseText,
  conformsTo: looseText,
  describedBy: looseText,
  describedByType: looseText,
});
type RawDcatDistribution = z.infer<typeof rawDistributionSchema>;

export const rawDcatDatasetSchema = z.looseObject({
  identifier: z.string().trim().min(1, "must not be empty"),
  title: z.string(),
  description: looseText,
  keyword: looseTextList,
  theme: looseTextList,
  // Dates stay unknown here: an unparseable date becomes null, it never rejects a dataset.
  issued: z.unknown().optional(),
  modified: z.unknown().optional(),
  // v1.1: { name }; v1.0: a plain string.
  publisher: z.union([z.string(), z.looseObject({ name: looseText })]).nullish(),
  // v1.1: { fn, hasEmail }; v1.0: a name string plus a top-level `mbox`.
  contactPoint: z.union([z.string(), z.looseObject({ fn: looseText, hasEmail: looseText })]).nullish(),
  mbox: looseText,
  accessLevel: accessLevelText.nullish(),
  rights: looseText,
  license: looseText,
  accrualPeriodicity: looseText,
  landingPage: looseText,
  describedBy: looseText,
  temporal: looseText,
  spatial: z.unknown().optional(),
  isPartOf: looseText,
  bureauCode: looseTextList,
  programCode: looseTextList,
  distribution: z.union([z.array(rawDistributionSchema), rawDistributionSchema]).nullish(),
});
export type RawDcatDataset = z.infer<typeof rawDcatDatasetSchema>;

export function dcatDistribution(raw: RawDcatDistribution): Distribution {
  const downloadUrl = cleanText(raw.downloadURL);
  const accessUrl = cleanText(raw.accessURL);
  const mediaType = cleanText(raw.mediaType);
  const format = normaliseFormat(raw.format) ?? formatFromMediaType(mediaType);
  const url = downloadUrl ?? accessUrl;
  // DCAT-US: accessURL without downloadURL is "indirect access", i.e. an API or a viewer.
  // An HTML page is a viewer, so it does not count as an API.
  const indirectAccess = downloadUrl === null && accessUrl !== null && format !== "HTML";
  return {
    title: cleanText(raw.title),
    format,
    mediaType,
    url,
    isApi: indirectAccess || isApiDistribution({ format, mediaType, url }),
  };
}

/** Column schema link: the dataset's own, else a distribution's (JSON preferred). */
function describedByOf(raw: RawDcatDataset, distributions: readonly RawDcatDistribution[]): string | null {
  const own = cleanText(raw.describedBy);
  if (own) return own;
  const described = distributions.filter((d) => cleanText(d.describedBy));
  const json = described.find((d) => /json/i.test(d.describedByType ?? ""));
  return cleanText((json ?? described[0])?.describedBy);
}

export function dcatToDataset(raw: RawDcatDataset): NormalizedDataset {
  const rawDistributions = Array.isArray(raw.distribution)
    ? raw.distribution
    : raw.distribution
      ? [raw.distribution]
      : [];
  const contact = raw.contactPoint;
  const contactName = typeof contact === "string" ? cleanText(contact) : cleanText(contact?.fn);
  const contactEmail = stripMailto(
    typeof contact === "object" && contact !== null ? contact.hasEmail : raw.mbox,
  );
  const publisher =
    typeof raw.publisher === "string" ? cleanText(raw.publisher) : cleanText(raw.publisher?.name);
  const description = raw.description ?? "";
  const rights = cleanText(raw.rights);

  const extras: Record<string, string> = {};
  addShortExtra(extras, "describedBy", describedByOf(raw, rawDistributions));
  addShortExtra(extras, "temporal", raw.temporal);
  addShortExtra(extras, "spatial", typeof raw.spatial === "string" ? raw.spatial : null);
  addShortExtra(extras, "isPartOf", raw.isPartOf);
  addShortExtra(extras, "bureauCode", textList(raw.bureauCode).join(", "));
  addShortExtra(extras, "programCode", textList(raw.programCode).join(", "));
  const periodicity = cleanText(raw.accrualPeriodicity);
  const isoPeriodicity = toIsoPeriodicity(periodicity);
  // Keep wording we could not map ("irregular") so it can still be shown.
  if (periodicity && !isoPeriodicity) addShortExtra(extras, "accrualPeriodicity", periodicity);

  return {
    key: raw.identifier,
    title: raw.title.trim(),
    description,
    descriptionText: toPlainText(description),
    keywords: textList(raw.keyword),
    themes: textList(raw.theme),
    publisher,
    contactName,
    contactEmail,
    ...normaliseLicense({ title: raw.license }),
    issued: parseCatalogDate(raw.issued),
    modified: parseCatalogDate(raw.modified),
    accrualPeriodicity: isoPeriodicity,
    accessLevel: raw.accessLevel ?? "public",
    landingPage: cleanText(raw.landingPage),
    distributions: rawDistributions.map(dcatDistribution),
    columns: [],
    // `rights` is the catalog's own note on how the data may (not) be used.
    usageNotes: rights ? [rights] : [],
    extras,
  };
}

export const dcatUsFormat = defineCatalogFormat({
  kind: "dcat",
  reading: { layout: { recordArrays: [["dataset"]] } },
  rawSchema: rawDcatDatasetSchema,
  keyOf: (raw) => stringAt(raw, "identifier"),
  toDataset: (raw) => dcatToDataset(raw),
});
