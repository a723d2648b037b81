import { z } from "zod";
import { type Actor, requireRole } from "../people/roles.js";
import type { Clock } from "../ports/clock.js";
import {
  type DatasetRef,
  type UsageNote,
  type UsageNoteStore,
  usageNoteKinds,
} from "../ports/usage-note-store.js";
import { DomainError } from "../shared/domain-error.js";
import { parseCatalogInput } from "./parse-catalog-input.js";

/** Who may describe how a dataset is best used: the people the community trusts with its data. */
export const USAGE_NOTE_ROLES = ["champion", "steward", "admin"] as const;

export const MAX_USAGE_NOTE_LENGTH = 1000;

export const addUsageNoteInputSchema = z.object({
  /** A dataset key (or its last path segment) or title, as typed. */
  dataset: z.string().trim().min(1).max(200),
  kind: z.enum(usageNoteKinds),
  text: z.string().trim().min(1).max(MAX_USAGE_NOTE_LENGTH),
});
export type AddUsageNoteInput = z.input<typeof addUsageNoteInputSchema>;

export interface AddUsageNoteDeps {
  usageNotes: UsageNoteStore;
  clock: Clock;
}

/**
 * A champion attaches a "best use case" or a caveat to a dataset of their community. The note
 * is searchable at once (the store refreshes the dataset's note text in the same transaction).
 */
export async function addUsageNote(
  deps: AddUsageNoteDeps,
  rawInput: AddUsageNoteInput,
  actor: Actor,
): Promise<{ dataset: DatasetRef; note: UsageNote }> {
  requireRole(actor, USAGE_NOTE_ROLES);
  const input = parseCatalogInput(addUsageNoteInputSchema, rawInput);
  const dataset = await resolveDataset(deps.usageNotes, actor.communityId, input.dataset);
  const note = await deps.usageNotes.addUsageNote({
    datasetId: dataset.id,
    authorPersonId: actor.personId,
    kind: input.kind,
    text: input.text,
    createdAt: deps.clock.now(),
  });
  return { dataset, note };
}

/** Exactly one dataset for what the person typed, or a DomainError that helps them narrow it. */
export async function resolveDataset(
  store: UsageNoteStore,
  communityId: string,
  reference: string,
): Promise<DatasetRef> {
  const matches = await store.findDatasets(communityId, reference, 6);
  const [only] = matches;
  if (!only) throw new DomainError("not_found", "catalogAdmin:datasetNotFound", { reference });
  if (matches.length > 1) {
    const shown = matches.slice(0, 5).map((match) => `${match.title} (${match.key})`);
    throw new DomainError("invalid_input", "catalogAdmin:datasetAmbiguous", {
      reference,
      candidates: shown.join("; "),
    });
  }
  return only;
}
