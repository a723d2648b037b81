import { z } from "zod";
import type { AccessLevel } from "../core/catalog/dataset.js";

/**
 * Small pieces shared by the three mappers: lenient raw-field schemas (real catalogs put
 * `null`, a single string, or nothing where the spec says "array") and cleaning helpers.
 */

/** Optional text: absent, null, or a string. */
export const looseText = z.string().nullish();

/** A list that some catalogs publish as one string (`"roads, traffic"`) instead of an array. */
export const looseTextList = z.union([z.string(), z.array(z.string().nullable())]).nullish();

/** Extras longer than this are prose, not a label: they would bloat every stored dataset. */
export const maxExtraLength = 300;

export function cleanText(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * A path segment for a URL we build from catalog text. JSON may carry lone surrogates ("\ud800"),
 * on which encodeURIComponent throws; they become U+FFFD, as a UTF-8 encoder would make them.
 */
export function encodePathSegment(text: string): string {
  return encodeURIComponent(
    text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"),
  );
}

/** Trimmed, non-empty, de-duplicated ignoring case (first spelling wins). */
export function uniqueStrings(values: Iterable<string | null | undefined>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const value of values) {
    const cleaned = cleanText(value);
    if (!cleaned || seen.has(cleaned.toLowerCase())) continue;
    seen.add(cleaned.toLowerCase());
    result.push(cleaned);
  }
  return result;
}

export function textList(value: z.infer<typeof looseTextList>): string[] {
  if (value === null || value === undefined) return [];
  return uniqueStrings(typeof value === "string" ? value.split(",") : value);
}

/** `mailto:someone@example.org ` → `someone@example.org`. */
export function stripMailto(email: string | null | undefined): string | null {
  return cleanText(email?.trim().replace(/^mailto:/i, ""));
}

/** DCAT-US access levels, tolerant of case and `_`/`-` spellings; unknown → null. */
export function parseAccessLevel(text: string): AccessLevel | null {
  const normalised = text.trim().toLowerCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ");
  if (normalised === "public") return "public";
  if (normalised === "restricted public" || normalised === "restricted") return "restricted public";
  if (normalised === "non public" || normalised === "nonpublic" || normalised === "private")
    return "non-public";
  return null;
}

/** A zod string that must be a known access level, so a typo is reported, not guessed. */
export const accessLevelText = z.string().transform((text, context) => {
  const level = parseAccessLevel(text);
  if (level) return level;
  context.addIssue({
    code: "custom",
    message: `unknown access level "${text}" (expected public, restricted public or non-public)`,
  });
  return z.NEVER;
});

/** Copies short string values into `extras`, skipping empty ones. */
export function addShortExtra(
  extras: Record<string, string>,
  key: string,
  value: string | null | undefined,
): void {
  const cleaned = cleanText(value);
  if (cleaned && cleaned.length <= maxExtraLength && !(key in extras)) extras[key] = cleaned;
}
