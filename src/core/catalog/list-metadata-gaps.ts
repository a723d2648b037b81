import { z } from "zod";
import { type Actor, requireRole } from "../people/roles.js";
import type { MetadataGapStore, MetadataGapSummary } from "../ports/metadata-gap-store.js";
import { parseCatalogInput } from "./parse-catalog-input.js";

/** Gaps are the champions' to-do list for fixing metadata at the source. */
export const METADATA_GAP_ROLES = ["champion", "steward", "admin"] as const;

export const listMetadataGapsInputSchema = z.object({
  limit: z.number().int().min(1).max(50).default(15),
});
export type ListMetadataGapsInput = z.input<typeof listMetadataGapsInputSchema>;

/** The metadata questions people asked most that the actor's community catalog cannot answer. */
export async function listMetadataGaps(
  deps: { metadataGaps: MetadataGapStore },
  rawInput: ListMetadataGapsInput,
  actor: Actor,
): Promise<MetadataGapSummary[]> {
  requireRole(actor, METADATA_GAP_ROLES);
  const input = parseCatalogInput(listMetadataGapsInputSchema, rawInput);
  return deps.metadataGaps.mostAskedGaps(actor.communityId, input.limit);
}
