import { z } from "zod";
import type { Translate } from "../i18n/translator.js";
import { type Form, type FormField, type FormValues, translatedField } from "../shared/form.js";
import { fieldErrors, type Parsed } from "../shared/two-step-form.js";
import { type ShowcaseKind, showcaseKinds } from "./showcase.js";

/**
 * The showcase form, in two steps because Discord modals hold five fields: first what the
 * project is (title, summary, link, image, team), then what kind it is and what it used and
 * addressed (datasets by name or key, problems by number). Step one is kept as a form draft
 * between them on every platform, so there is one flow to test.
 */
export const DETAILS_FORM_ID = "showcase.details";
export const LINEAGE_FORM_ID = "showcase.lineage";
/** Step one's context for a new showcase; a revision carries the showcase id instead. */
export const NEW_SHOWCASE = "new";

export const showcaseLimits = {
  title: { min: 3, max: 120 },
  summary: { min: 20, max: 1000 },
  link: { max: 500 },
  image_url: { max: 500 },
  team: { min: 2, max: 150 },
  datasets: { max: 1000 },
  problems: { max: 200 },
} as const;

/** At most this many datasets and problems per showcase: a card lists them all. */
export const MAX_DATASETS = 10;
export const MAX_PROBLEMS = 10;

/** Only web links: a `javascript:` or `file:` URL must never reach a card. */
const webUrl = (max: number) => z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(max);

const detailsSchema = z.object({
  title: z.string().trim().min(showcaseLimits.title.min).max(showcaseLimits.title.max),
  summary: z.string().trim().min(showcaseLimits.summary.min).max(showcaseLimits.summary.max),
  link: z.string().trim().pipe(webUrl(showcaseLimits.link.max)),
  image_url: z.union([z.literal(""), z.string().trim().pipe(webUrl(showcaseLimits.image_url.max))]),
  team: z.string().trim().min(showcaseLimits.team.min).max(showcaseLimits.team.max),
});

const lineageSchema = z.object({
  kind: z.enum(showcaseKinds),
  datasets: z.string().trim().max(showcaseLimits.datasets.max),
  problems: z
    .string()
    .trim()
    .max(showcaseLimits.problems.max)
    .regex(/^(?:#?\s*\d{1,9}(?:\s*[,;\s]\s*#?\s*\d{1,9})*)?$/),
});

export interface DetailsInput {
  title: string;
  summary: string;
  link: string;
  imageUrl: string | null;
  team: string;
}

export interface LineageInput {
  kind: ShowcaseKind;
  /** Names or keys as typed, one per entry, resolved through the catalog by the use case. */
  datasetNames: string[];
  problemNumbers: number[];
}

/** Per-field messages in the showcases namespace (the first issue of each field). */
function showcaseFieldErrors(t: Translate, error: z.ZodError): Record<string, string> {
  return fieldErrors(error, "title", (field, issue) => {
    const limits = showcaseLimits[field as keyof typeof showcaseLimits] as
      | { min?: number; max: number }
      | undefined;
    if (issue.code === "too_small") return t("showcases:errors.tooShort", { min: limits?.min ?? 1 });
    if (issue.code === "too_big") return t("showcases:errors.tooLong", { max: limits?.max ?? 0 });
    if (field === "link" || field === "image_url") return t("showcases:errors.url");
    if (field === "problems") return t("showcases:errors.problemNumbers");
    return t("showcases:errors.pickOne");
  });
}

export function parseDetails(t: Translate, values: FormValues): Parsed<DetailsInput> {
  const parsed = detailsSchema.safeParse({
    title: values.title ?? "",
    summary: values.summary ?? "",
    link: values.link ?? "",
    image_url: (values.image_url ?? "").trim(),
    team: values.team ?? "",
  });
  if (!parsed.success) return { ok: false, errors: showcaseFieldErrors(t, parsed.error) };
  const { title, summary, link, image_url, team } = parsed.data;
  return { ok: true, input: { title, summary, link, imageUrl: image_url === "" ? null : image_url, team } };
}

/** Datasets are separated by new lines or semicolons (titles may hold commas). */
export function splitDatasetNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n;]/)
        .map((name) => name.trim())
        .filter((name) => name !== ""),
    ),
  ];
}

export function parseLineage(t: Translate, values: FormValues): Parsed<LineageInput> {
  const parsed = lineageSchema.safeParse({
    kind: values.kind ?? "",
    datasets: values.datasets ?? "",
    problems: values.problems ?? "",
  });
  if (!parsed.success) return { ok: false, errors: showcaseFieldErrors(t, parsed.error) };
  const datasetNames = splitDatasetNames(parsed.data.datasets);
  const problemNumbers = [...new Set((parsed.data.problems.match(/\d+/g) ?? []).map(Number))];
  const errors: Record<string, string> = {};
  if (datasetNames.length > MAX_DATASETS)
    errors.datasets = t("showcases:errors.tooMany", { max: MAX_DATASETS });
  if (problemNumbers.length > MAX_PROBLEMS)
    errors.problems = t("showcases:errors.tooMany", { max: MAX_PROBLEMS });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { kind: parsed.data.kind, datasetNames, problemNumbers } };
}

function field(
  t: Translate,
  id: string,
  kind: FormField["kind"],
  required: boolean,
  initial: FormValues,
  extra: Partial<FormField> = {},
): FormField {
  return translatedField(t, "showcases:form.fields", { id, kind, required }, initial, extra);
}

function text(
  t: Translate,
  id: keyof typeof showcaseLimits,
  kind: "text" | "multiline",
  required: boolean,
  initial: FormValues,
): FormField {
  const limits: { min?: number; max: number } = showcaseLimits[id];
  return field(t, id, kind, required, initial, {
    placeholder: t(`showcases:form.fields.${id}.placeholder`),
    ...(limits.min !== undefined ? { minLength: limits.min } : {}),
    maxLength: limits.max,
  });
}

/** Step one; `context` is NEW_SHOWCASE or the id of the showcase being revised. */
export function detailsForm(t: Translate, context: string, initial: FormValues = {}): Form {
  return {
    formId: DETAILS_FORM_ID,
    context,
    title: t("showcases:form.detailsTitle"),
    submitLabel: t("showcases:form.next"),
    fields: [
      text(t, "title", "text", true, initial),
      text(t, "summary", "multiline", true, initial),
      text(t, "link", "text", true, initial),
      text(t, "image_url", "text", false, initial),
      text(t, "team", "text", true, initial),
    ],
  };
}

/** Step two; `context` is the draft holding step one. */
export function lineageForm(t: Translate, draftId: string, initial: FormValues = {}): Form {
  return {
    formId: LINEAGE_FORM_ID,
    context: draftId,
    title: t("showcases:form.lineageTitle"),
    submitLabel: t("showcases:form.send"),
    fields: [
      field(t, "kind", "select", true, initial, {
        options: showcaseKinds.map((kind) => ({ label: t(`showcases:kinds.${kind}`), value: kind })),
      }),
      text(t, "datasets", "multiline", false, initial),
      text(t, "problems", "text", false, initial),
    ],
  };
}
