import { createHash } from "node:crypto";
import type { NormalizedDataset } from "../../core/catalog/dataset.js";

/** Stable JSON: object keys sorted, so the same record always hashes the same. */
function stable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, stable((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * Hash of a normalised dataset: a resync calls a dataset "updated" only when this changes.
 * Keywords and themes are sets to people (portals reshuffle them between harvests; Chicago did
 * for 3aav-uy2v), so their order does not count as a change.
 */
export function contentHash(dataset: NormalizedDataset): string {
  const canonical = {
    ...dataset,
    keywords: [...dataset.keywords].sort(),
    themes: [...dataset.themes].sort(),
  };
  return createHash("sha256")
    .update(JSON.stringify(stable(canonical)))
    .digest("hex");
}
