import type { FormValues } from "../shared/form.js";

export interface FormDraft {
  id: string;
  personId: string;
  formId: string;
  context: string;
  values: FormValues;
  createdAt: Date;
}

/**
 * What someone typed into a form, kept between two steps (the deflection check before a problem
 * is filed; a form a platform cannot keep open after a validation error) so nothing typed is lost.
 */
export interface FormDraftStore {
  save(draft: Omit<FormDraft, "id" | "createdAt">, at: Date): Promise<FormDraft>;
  /** The person's own draft, or null (someone else's or unknown). */
  get(id: string, personId: string): Promise<FormDraft | null>;
  /** Deletes and returns it: null when already used (a double click files once). */
  take(id: string, personId: string): Promise<FormDraft | null>;
}
