import type { z } from "zod";
import type { CatalogKind } from "../core/catalog/dataset.js";
import { type NormalizedDataset, normalizedDatasetSchema } from "../core/catalog/dataset.js";
import { withDictionaryColumns } from "./data-dictionary.js";
import { readableDataset } from "./readable-text.js";
import type { ReadingPlan } from "./record-stream.js";

/**
 * What each catalog family (DCAT-US, CKAN, Socrata) contributes: where its records sit, a
 * lenient zod schema of one raw record, and the mapping to the normalised shape. The reader
 * drives every family the same way, so a bad record is reported identically whatever its source.
 */
export interface MappingContext {
  /** Portal root when read over http(s) (e.g. `https://data.example.org`), else null. */
  portalUrl: string | null;
}

export type NormaliseResult =
  | { ok: true; dataset: NormalizedDataset }
  | { ok: false; key: string | null; problem: string };

export interface CatalogFormat {
  readonly kind: CatalogKind;
  readonly reading: ReadingPlan;
  /** Best-effort key of a raw record (before validation). */
  keyOf(raw: unknown): string | null;
  normalise(raw: unknown, context: MappingContext): NormaliseResult;
}

export interface CatalogFormatSpec<Raw> {
  kind: CatalogKind;
  reading: ReadingPlan;
  rawSchema: z.ZodType<Raw>;
  /** Best-effort key of a record that failed validation, for the skip report. */
  keyOf(raw: unknown): string | null;
  toDataset(raw: Raw, context: MappingContext): NormalizedDataset;
}

export function defineCatalogFormat<Raw>(spec: CatalogFormatSpec<Raw>): CatalogFormat {
  return {
    kind: spec.kind,
    reading: spec.reading,
    keyOf: (raw) => spec.keyOf(raw),
    normalise(raw, context) {
      const key = spec.keyOf(raw);
      const parsed = spec.rawSchema.safeParse(raw);
      if (!parsed.success) return { ok: false, key, problem: describeIssues(parsed.error) };
      let mapped: NormalizedDataset;
      try {
        mapped = withDictionaryColumns(readableDataset(spec.toDataset(parsed.data, context)));
      } catch (error) {
        return {
          ok: false,
          key,
          problem: `could not be mapped: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      const checked = normalizedDatasetSchema.safeParse(mapped);
      if (!checked.success) return { ok: false, key, problem: describeIssues(checked.error) };
      return { ok: true, dataset: checked.data };
    },
  };
}

/** `title: expected string, received number; identifier: required` — one line for a report. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "record"}: ${issue.message}`)
    .join("; ");
}

/** Reads `record[a][b]…` from an unvalidated value when every step is a plain object. */
export function stringAt(raw: unknown, ...path: string[]): string | null {
  let current: unknown = raw;
  for (const step of path) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return null;
    current = (current as Record<string, unknown>)[step];
  }
  return typeof current === "string" && current.trim() ? current.trim() : null;
}
