import { z } from "zod";
import { columnSchema, distributionSchema } from "../../core/catalog/dataset.js";
import type { CatalogDataset } from "../../core/ports/dataset-search.js";

/* A dataset row as the search reads it (the columns it selects, champion notes included) and the dataset it becomes. */

export const DATASET_COLUMNS = `d."id", d."key", s."name" AS "catalog", d."title", d."description", d."keywords", d."themes",
  d."publisher", d."contactName", d."contactEmail", d."licenseId", d."licenseTitle", d."licenseUrl", d."issued",
  d."modified", d."accrualPeriodicity", d."accessLevel", d."landingPage", d."distributions", d."columns",
  d."sourceUsageNotes",
  ARRAY(SELECT n."text" FROM "DatasetUsageNote" n WHERE n."datasetId" = d."id" ORDER BY n."createdAt") AS "championNotes"`;

export interface DatasetRow extends Record<string, unknown> {
  id: string;
  key: string;
  catalog: string;
  title: string;
  description: string;
  keywords: string[];
  themes: string[];
  publisher: string | null;
  contactName: string | null;
  contactEmail: string | null;
  licenseId: string | null;
  licenseTitle: string | null;
  licenseUrl: string | null;
  issued: Date | string | null;
  modified: Date | string | null;
  accrualPeriodicity: string | null;
  accessLevel: string;
  landingPage: string | null;
  distributions: unknown;
  columns: unknown;
  sourceUsageNotes: string[];
  championNotes: string[];
}

const distributionsSchema = z.array(distributionSchema);
const columnsSchema = z.array(columnSchema);

function jsonValue(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}

function dateValue(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}

export function toDataset(row: DatasetRow): CatalogDataset {
  return {
    id: row.id,
    key: row.key,
    catalog: row.catalog,
    title: row.title,
    description: row.description,
    keywords: row.keywords ?? [],
    themes: row.themes ?? [],
    publisher: row.publisher,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    licenseId: row.licenseId,
    licenseTitle: row.licenseTitle,
    licenseUrl: row.licenseUrl,
    issued: dateValue(row.issued),
    modified: dateValue(row.modified),
    accrualPeriodicity: row.accrualPeriodicity,
    accessLevel: row.accessLevel,
    landingPage: row.landingPage,
    // Written by the sync writer from zod-checked records; a bad row degrades to "not listed".
    distributions: distributionsSchema.catch([]).parse(jsonValue(row.distributions)),
    columns: columnsSchema.catch([]).parse(jsonValue(row.columns)),
    usageNotes: [...(row.sourceUsageNotes ?? []), ...(row.championNotes ?? [])],
  };
}
