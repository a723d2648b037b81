import { z } from "zod";
import type { Translate } from "../i18n/translator.js";
import { type Form, type FormField, type FormValues, translatedField } from "../shared/form.js";
import { fieldErrors, type Parsed } from "../shared/two-step-form.js";
import { type AccessChecklist, type AccessDuration, accessDurations } from "./access-request.js";

/**
 * The request form, in two steps because Discord modals hold five fields: first what the data
 * is for (purpose, intended use, organisation, linked problem, duration), then the
 * data-responsibility checklist and the terms. Step one is kept as a form draft between them, on
 * every platform, so there is one flow to test.
 */
export const DETAILS_FORM_ID = "access.details";
export const CHECKLIST_FORM_ID = "access.checklist";

export const accessLimits = {
  purpose: { min: 20, max: 1000 },
  intended_use: { min: 20, max: 1000 },
  organisation: { min: 2, max: 150 },
  problem: { max: 12 },
  retention: { min: 10, max: 1000 },
} as const;

const yesNo = z.enum(["yes", "no"]);

const detailsSchema = z.object({
  purpose: z.string().trim().min(accessLimits.purpose.min).max(accessLimits.purpose.max),
  intended_use: z.string().trim().min(accessLimits.intended_use.min).max(accessLimits.intended_use.max),
  organisation: z.string().trim().min(accessLimits.organisation.min).max(accessLimits.organisation.max),
  problem: z
    .string()
    .trim()
    .max(accessLimits.problem.max)
    .regex(/^(?:#?\s*\d{1,9})?$/),
  duration: z.enum(accessDurations.map(String) as [string, ...string[]]),
});

const checklistSchema = z.object({
  personal_data: yesNo,
  third_parties: yesNo,
  retention: z.string().trim().min(accessLimits.retention.min).max(accessLimits.retention.max),
  derived_published: yesNo,
  terms: z.literal("true"),
});

export interface DetailsInput {
  purpose: string;
  intendedUse: string;
  organisation: string;
  problemNumber: number | null;
  durationMonths: AccessDuration;
}

/** Per-field messages in the access namespace (the first issue of each field). */
function accessFieldErrors(t: Translate, error: z.ZodError): Record<string, string> {
  return fieldErrors(error, "purpose", (field, issue) => {
    const limits = accessLimits[field as keyof typeof accessLimits] as
      | { min?: number; max: number }
      | undefined;
    if (field === "terms") return t("access:errors.termsRequired");
    if (field === "problem") return t("access:errors.problemNumber");
    if (issue.code === "too_small") return t("access:errors.tooShort", { min: limits?.min ?? 1 });
    if (issue.code === "too_big") return t("access:errors.tooLong", { max: limits?.max ?? 0 });
    return t("access:errors.pickOne");
  });
}

export function parseDetails(t: Translate, values: FormValues): Parsed<DetailsInput> {
  const raw = {
    purpose: values.purpose ?? "",
    intended_use: values.intended_use ?? "",
    organisation: values.organisation ?? "",
    problem: values.problem ?? "",
    duration: values.duration ?? "",
  };
  const parsed = detailsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: accessFieldErrors(t, parsed.error) };
  const number = parsed.data.problem.replace(/[#\s]/g, "");
  return {
    ok: true,
    input: {
      purpose: parsed.data.purpose,
      intendedUse: parsed.data.intended_use,
      organisation: parsed.data.organisation,
      problemNumber: number === "" ? null : Number(number),
      durationMonths: Number(parsed.data.duration) as AccessDuration,
    },
  };
}

export function parseChecklist(t: Translate, values: FormValues): Parsed<AccessChecklist> {
  const parsed = checklistSchema.safeParse({
    personal_data: values.personal_data ?? "",
    third_parties: values.third_parties ?? "",
    retention: values.retention ?? "",
    derived_published: values.derived_published ?? "",
    terms: values.terms ?? "",
  });
  if (!parsed.success) return { ok: false, errors: accessFieldErrors(t, parsed.error) };
  return {
    ok: true,
    input: {
      personalData: parsed.data.personal_data === "yes",
      thirdParties: parsed.data.third_parties === "yes",
      retentionPlan: parsed.data.retention,
      derivedPublished: parsed.data.derived_published === "yes",
    },
  };
}

function field(
  t: Translate,
  id: string,
  kind: FormField["kind"],
  required: boolean,
  initial: FormValues,
  extra: Partial<FormField> = {},
): FormField {
  return translatedField(t, "access:form.fields", { id, kind, required }, initial, extra);
}

function yesNoField(t: Translate, id: string, initial: FormValues): FormField {
  return field(t, id, "select", true, initial, {
    options: [
      { label: t("access:form.yes"), value: "yes" },
      { label: t("access:form.no"), value: "no" },
    ],
  });
}

/** Step one; `context` is the dataset id, so the submission knows what it is for. */
export function detailsForm(t: Translate, datasetId: string, initial: FormValues = {}): Form {
  const text = (id: keyof typeof accessLimits, kind: "text" | "multiline", required: boolean) => {
    const limits: { min?: number; max: number } = accessLimits[id];
    return field(t, id, kind, required, initial, {
      placeholder: t(`access:form.fields.${id}.placeholder`),
      ...(limits.min !== undefined ? { minLength: limits.min } : {}),
      maxLength: limits.max,
    });
  };
  return {
    formId: DETAILS_FORM_ID,
    context: datasetId,
    title: t("access:form.detailsTitle"),
    submitLabel: t("access:form.next"),
    fields: [
      text("purpose", "multiline", true),
      text("intended_use", "multiline", true),
      text("organisation", "text", true),
      text("problem", "text", false),
      field(t, "duration", "select", true, initial, {
        options: accessDurations.map((months) => ({
          label: t("access:form.months", { count: months }),
          value: String(months),
        })),
      }),
    ],
  };
}

/** Step two; `context` is the draft holding step one. */
export function checklistForm(t: Translate, draftId: string, initial: FormValues = {}): Form {
  return {
    formId: CHECKLIST_FORM_ID,
    context: draftId,
    title: t("access:form.checklistTitle"),
    submitLabel: t("access:form.send"),
    fields: [
      yesNoField(t, "personal_data", initial),
      yesNoField(t, "third_parties", initial),
      field(t, "retention", "multiline", true, initial, {
        placeholder: t("access:form.fields.retention.placeholder"),
        minLength: accessLimits.retention.min,
        maxLength: accessLimits.retention.max,
      }),
      yesNoField(t, "derived_published", initial),
      // A required checkbox must be ticked: the terms shown before the form.
      field(t, "terms", "checkbox", true, {}),
    ],
  };
}
