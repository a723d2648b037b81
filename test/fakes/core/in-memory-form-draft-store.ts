import { randomUUID } from "node:crypto";
import type { FormDraft, FormDraftStore } from "../../../src/core/ports/form-drafts.js";

/** A stateful in-memory FormDraftStore: a draft is its owner's only, and taken at most once. */
export class InMemoryFormDraftStore implements FormDraftStore {
  readonly drafts = new Map<string, FormDraft>();

  async save(draft: Omit<FormDraft, "id" | "createdAt">, at: Date): Promise<FormDraft> {
    const stored: FormDraft = { ...draft, values: { ...draft.values }, id: randomUUID(), createdAt: at };
    this.drafts.set(stored.id, stored);
    return { ...stored, values: { ...stored.values } };
  }

  async get(id: string, personId: string): Promise<FormDraft | null> {
    const draft = this.drafts.get(id);
    return draft && draft.personId === personId ? { ...draft, values: { ...draft.values } } : null;
  }

  async take(id: string, personId: string): Promise<FormDraft | null> {
    const draft = await this.get(id, personId);
    if (draft) this.drafts.delete(id);
    return draft;
  }

  /** Account linking: the linking person's drafts become the kept person's. */
  mergePerson(fromPersonId: string, intoPersonId: string): void {
    for (const draft of this.drafts.values()) {
      if (draft.personId === fromPersonId) draft.personId = intoPersonId;
    }
  }
}
