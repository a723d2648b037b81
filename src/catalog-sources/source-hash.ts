import { createHash } from "node:crypto";
import type { CatalogKind } from "../core/catalog/dataset.js";

/**
 * Bump whenever what a raw record normalises to may change (a mapping, a text rule, a schema):
 * a resync skips normalising records whose bytes it has imported before, so without a new
 * version those would keep their old normalised form. normalisation-version.test.ts fails when
 * the real catalogs normalise differently and this was not bumped.
 */
export const NORMALISATION_VERSION = "1";

/**
 * Names the bytes a record was read from, with everything else its normalised form depends on
 * (the format, the portal it came from, the normalisation version). Two records with the same
 * source hash normalise to the same dataset, so a store holding one need not check the other.
 */
export function sourceHash(kind: CatalogKind, portalUrl: string | null, bytes: Buffer | string): string {
  return createHash("sha256")
    .update(`${kind}\n${portalUrl ?? ""}\n${NORMALISATION_VERSION}\n`)
    .update(bytes)
    .digest("base64url");
}
