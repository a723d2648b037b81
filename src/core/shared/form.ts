import { z } from "zod";

/**
 * Neutral forms: what the core asks for, before a platform decides how it looks (a Slack modal,
 * a Discord modal, console prompts). Labels are already translated; values come back as strings
 * (checkboxes as "true"/"false", a multiselect as its chosen option values joined by commas, ""
 * for none) and are validated by the form's handler, never trusted.
 */
export const formFieldSchema = z.object({
  /** Stable key of the value in the submission ("title"); [a-z_], ≤ 30 characters. */
  id: z.string().regex(/^[a-z][a-z0-9_]{0,29}$/),
  /**
   * `multiselect`: any number of `options` (Slack checkboxes, a Discord select taking several
   * values, numbers at the console); its initial value is option values joined by commas.
   */
  kind: z.enum(["text", "multiline", "select", "checkbox", "multiselect"]),
  /** ≤ 45 characters: Discord's label limit. */
  label: z.string().min(1).max(45),
  /** Help under the field (Slack hint, Discord label description); ≤ 100 characters. */
  hint: z.string().max(100).optional(),
  placeholder: z.string().max(100).optional(),
  required: z.boolean(),
  minLength: z.number().int().min(0).max(4000).optional(),
  maxLength: z.number().int().min(1).max(4000).optional(),
  initialValue: z.string().max(4000).optional(),
  /** For `select`: at most 25 options (both platforms' limit); for `multiselect`, at most 10 (Slack checkboxes). */
  options: z
    .array(z.object({ label: z.string().min(1).max(75), value: z.string().min(1).max(75) }))
    .max(25)
    .optional(),
});
export type FormField = z.infer<typeof formFieldSchema>;

export const formSchema = z.object({
  /** Routes the submission: "<capability>.<verb>" ("problem.submit"). */
  formId: z.string().regex(/^[a-z][a-z0-9_.-]{0,39}$/),
  /**
   * A short reference that comes back with the submission (a problem id, a draft id, "t=transport").
   * ≤ 58 characters so it fits a Discord custom_id next to the form id.
   */
  context: z.string().max(58),
  /** ≤ 24 characters: Slack's modal title limit. */
  title: z.string().min(1).max(24),
  /** ≤ 24 characters: Slack's submit button limit. */
  submitLabel: z.string().min(1).max(24),
  /** Discord modals hold at most 5 fields; forms meant for Discord must respect that. */
  fields: z.array(formFieldSchema).min(1).max(10),
});
export type Form = z.infer<typeof formSchema>;

/** What a submission carries back: values by field id, each ≤ 4000 characters. */
export const formValuesSchema = z.record(z.string().max(30), z.string().max(4000));
export type FormValues = z.infer<typeof formValuesSchema>;

/** Discord modals hold at most this many fields (each a label with one input). */
export const DISCORD_MAX_FORM_FIELDS = 5;

/**
 * A field whose words live in the translations under `<keyPrefix>.<id>.label` and `.hint`,
 * prefilled from `initial` (what the person typed before, cut to the field's limit) so a form
 * reopened after an error or a "please change" keeps their work.
 */
export function translatedField(
  t: (key: string) => string,
  keyPrefix: string,
  field: { id: string; kind: FormField["kind"]; required: boolean },
  initial: FormValues,
  extra: Partial<FormField> = {},
): FormField {
  const value = initial[field.id];
  return {
    ...field,
    label: t(`${keyPrefix}.${field.id}.label`),
    hint: t(`${keyPrefix}.${field.id}.hint`),
    ...extra,
    ...(value ? { initialValue: value.slice(0, extra.maxLength ?? 4000) } : {}),
  };
}
