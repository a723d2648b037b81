import { z } from "zod";
import type { Translate } from "../i18n/translator.js";
import type { FormReply } from "../shared/card.js";
import { DISCORD_MAX_FORM_FIELDS, type Form, type FormField, type FormValues } from "../shared/form.js";
import type { Platform } from "../shared/platform.js";

export const PROBLEM_FORM_ID = "problem.submit";

export const problemLimits = {
  title: { min: 8, max: 150 },
  description: { min: 20, max: 3000 },
  affected: { min: 2, max: 500 },
  place: { max: 150 },
} as const;

/** What a submitted problem form must hold; messages are i18n keys resolved per field. */
const problemInputSchema = z.object({
  title: z.string().trim().min(problemLimits.title.min).max(problemLimits.title.max),
  description: z.string().trim().min(problemLimits.description.min).max(problemLimits.description.max),
  affected: z.string().trim().min(problemLimits.affected.min).max(problemLimits.affected.max),
  place: z.string().trim().max(problemLimits.place.max),
  topic: z.string().trim().max(75),
  anonymous: z.enum(["true", "false", ""]),
});

export interface ProblemInput {
  title: string;
  description: string;
  affected: string;
  place: string | null;
  topic: string | null;
  anonymous: boolean;
}

/**
 * What the form carries besides its fields. Discord modals hold five fields, so there the topic
 * and the anonymity choice come from the `/problem` command's options and ride in the form's
 * context ("t=<topic index>;a=1"); Slack and the console ask for them in the form itself.
 */
export interface ProblemFormPreset {
  topicIndex: number | null;
  anonymous: boolean;
}

export function encodePreset(preset: ProblemFormPreset): string {
  return `t=${preset.topicIndex ?? ""};a=${preset.anonymous ? 1 : 0}`;
}

export function decodePreset(context: string): ProblemFormPreset {
  const match = /^t=(\d{0,2});a=([01])$/.exec(context);
  if (!match) return { topicIndex: null, anonymous: false };
  return { topicIndex: match[1] ? Number(match[1]) : null, anonymous: match[2] === "1" };
}

export interface ProblemFormOptions {
  platform: Platform;
  topics: readonly string[];
  preset: ProblemFormPreset;
  /** Prefill (a message turned into a problem, a question the catalog could not answer, a retry). */
  initial?: Partial<Record<keyof ProblemInput, string>>;
}

export function problemForm(t: Translate, options: ProblemFormOptions): Form {
  const { initial = {} } = options;
  const text = (
    id: string,
    kind: "text" | "multiline",
    limits: { min?: number; max: number },
    required: boolean,
  ): FormField => ({
    id,
    kind,
    label: t(`problems:form.fields.${id}.label`),
    hint: t(`problems:form.fields.${id}.hint`),
    placeholder: t(`problems:form.fields.${id}.placeholder`),
    required,
    ...(limits.min !== undefined ? { minLength: limits.min } : {}),
    maxLength: limits.max,
    ...(initial[id as keyof ProblemInput]
      ? { initialValue: initial[id as keyof ProblemInput]?.slice(0, limits.max) }
      : {}),
  });
  const fields: FormField[] = [
    text("title", "text", problemLimits.title, true),
    text("description", "multiline", problemLimits.description, true),
    text("affected", "text", problemLimits.affected, true),
    text("place", "text", problemLimits.place, false),
  ];
  // Discord: four text fields leave room for one more, the topic, unless the command gave it.
  const inlineChoices = options.platform !== "discord";
  const askTopic = options.topics.length > 0 && (inlineChoices || options.preset.topicIndex === null);
  if (askTopic && fields.length < (inlineChoices ? Number.POSITIVE_INFINITY : DISCORD_MAX_FORM_FIELDS)) {
    const presetTopic =
      options.preset.topicIndex !== null ? options.topics[options.preset.topicIndex] : undefined;
    const initialTopic = initial.topic || presetTopic;
    fields.push({
      id: "topic",
      kind: "select",
      label: t("problems:form.fields.topic.label"),
      hint: t("problems:form.fields.topic.hint"),
      required: false,
      options: options.topics
        .slice(0, 25)
        .map((topic) => ({ label: topic.slice(0, 75), value: topic.slice(0, 75) })),
      ...(initialTopic ? { initialValue: initialTopic } : {}),
    });
  }
  if (inlineChoices) {
    fields.push({
      id: "anonymous",
      kind: "checkbox",
      label: t("problems:form.fields.anonymous.label"),
      hint: t("problems:form.fields.anonymous.hint"),
      required: false,
      ...(initial.anonymous === "true" || options.preset.anonymous ? { initialValue: "true" } : {}),
    });
  }
  return {
    formId: PROBLEM_FORM_ID,
    context: encodePreset(options.preset),
    title: t("problems:form.heading"),
    submitLabel: t("problems:form.submit"),
    fields,
  };
}

/**
 * Checks a submission field by field, so each error shows beside its field. Topic must be one of
 * the community's (a stale form or a forged payload can carry anything).
 */
export function parseProblemForm(
  t: Translate,
  values: FormValues,
  preset: ProblemFormPreset,
  topics: readonly string[],
): { ok: true; input: ProblemInput } | { ok: false; errors: Record<string, string> } {
  const raw = {
    title: values.title ?? "",
    description: values.description ?? "",
    affected: values.affected ?? "",
    place: values.place ?? "",
    topic: values.topic ?? (preset.topicIndex !== null ? (topics[preset.topicIndex] ?? "") : ""),
    anonymous: values.anonymous ?? (preset.anonymous ? "true" : "false"),
  };
  const parsed = problemInputSchema.safeParse(raw);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "title");
      if (errors[field]) continue;
      const limits = problemLimits[field as keyof typeof problemLimits] as
        | { min?: number; max: number }
        | undefined;
      if (issue.code === "too_small")
        errors[field] = t("problems:errors.tooShort", { min: limits?.min ?? 1 });
      else if (issue.code === "too_big")
        errors[field] = t("problems:errors.tooLong", { max: limits?.max ?? 0 });
      else errors[field] = t("problems:errors.invalid");
    }
  }
  const topic = raw.topic.trim();
  if (topic !== "" && !topics.includes(topic)) errors.topic = t("problems:errors.unknownTopic");
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const data = parsed.data;
  return {
    ok: true,
    input: {
      title: data.title,
      description: data.description,
      affected: data.affected,
      place: data.place === "" ? null : data.place,
      topic: topic === "" ? null : topic,
      anonymous: data.anonymous === "true",
    },
  };
}

/** The errors reply, with the form to retry holding what the person typed. */
export function problemFormErrors(
  t: Translate,
  errors: Record<string, string>,
  values: FormValues,
  options: Omit<ProblemFormOptions, "initial">,
): FormReply {
  return { kind: "errors", errors, retry: problemForm(t, { ...options, initial: values }) };
}
