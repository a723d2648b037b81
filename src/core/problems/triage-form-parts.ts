import type { RequestContext } from "../bot/request-context.js";
import type { FormReply, Reply } from "../shared/card.js";
import { noticeCard } from "../shared/card.js";
import type { Form, FormField } from "../shared/form.js";
import type { Problem } from "./problem.js";
import { problemRef } from "./problem-cards.js";

/* Building blocks every triage form shares: the form frame, a text field, the two replies. */

export function form(ctx: RequestContext, formId: string, problem: Problem, fields: FormField[]): Reply {
  const value: Form = {
    formId,
    context: problem.id,
    title: ctx
      .t(`problems:triageForms.${formId.split(".")[1]}.title`, { ref: problemRef(problem) })
      .slice(0, 24),
    submitLabel: ctx.t(`problems:triageForms.${formId.split(".")[1]}.submit`),
    fields,
  };
  return { kind: "form", form: value };
}

export function textField(
  ctx: RequestContext,
  id: string,
  kind: "text" | "multiline",
  max: number,
  required = true,
  key = id,
): FormField {
  return {
    id,
    kind,
    label: ctx.t(`problems:triageForms.fields.${key}.label`),
    hint: ctx.t(`problems:triageForms.fields.${key}.hint`),
    required,
    maxLength: max,
  };
}

export function done(text: string): FormReply {
  return { kind: "card", visibility: "ephemeral", card: noticeCard(text, "success") };
}

export function unchanged(ctx: RequestContext, problem: Problem): FormReply {
  return {
    kind: "card",
    visibility: "ephemeral",
    card: noticeCard(ctx.t("problems:triage.changedMeanwhile", { ref: problemRef(problem) }), "warning"),
  };
}
