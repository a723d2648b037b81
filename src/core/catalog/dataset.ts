import { z } from "zod";

/**
 * The one normalised dataset shape every catalog family (DCAT-US, CKAN, Socrata) is mapped to.
 * Importers produce it; the store persists it; answers read it. Keeping one shape means the
 * answer engine never needs to know which kind of portal a dataset came from.
 */
export const accessLevelSchema = z.enum(["public", "restricted public", "non-public"]);
export type AccessLevel = z.infer<typeof accessLevelSchema>;

export const distributionSchema = z.object({
  title: z.string().nullable(),
  /** Short format label as the catalog gives it, upper-cased: CSV, JSON, ZIP, KML, API… */
  format: z.string().nullable(),
  mediaType: z.string().nullable(),
  url: z.string().nullable(),
  /** True for query endpoints (Socrata/CKAN API, ArcGIS REST, WMS…), false for file downloads. */
  isApi: z.boolean(),
});
export type Distribution = z.infer<typeof distributionSchema>;

export const columnSchema = z.object({
  name: z.string(),
  fieldName: z.string().nullable(),
  type: z.string().nullable(),
  description: z.string().nullable(),
});
export type DatasetColumn = z.infer<typeof columnSchema>;

export const normalizedDatasetSchema = z.object({
  /** The catalog's own key: DCAT `identifier`, CKAN `id`, Socrata resource `id`. */
  key: z.string().min(1),
  title: z.string().min(1),
  /** For display: HTML converted to plain text at import (Markdown kept as written). */
  description: z.string(),
  /** Stripped of Markdown too, for search. */
  descriptionText: z.string(),
  keywords: z.array(z.string()),
  themes: z.array(z.string()),
  publisher: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Without the `mailto:` prefix. */
  contactEmail: z.string().nullable(),
  licenseId: z.string().nullable(),
  licenseTitle: z.string().nullable(),
  licenseUrl: z.string().nullable(),
  issued: z.date().nullable(),
  modified: z.date().nullable(),
  /** ISO 8601 repeating duration (R/P1D, R/P1M…) or null when the catalog does not say. */
  accrualPeriodicity: z.string().nullable(),
  accessLevel: accessLevelSchema,
  landingPage: z.string().nullable(),
  distributions: z.array(distributionSchema),
  columns: z.array(columnSchema),
  /** Free-text usage notes the catalog itself carries (seed for champions' usage notes). */
  usageNotes: z.array(z.string()),
  /** Anything else worth keeping verbatim for display, e.g. Socrata attribution link. */
  extras: z.record(z.string(), z.string()),
});
export type NormalizedDataset = z.infer<typeof normalizedDatasetSchema>;

export const catalogKindSchema = z.enum(["dcat", "ckan", "socrata"]);
export type CatalogKind = z.infer<typeof catalogKindSchema>;
