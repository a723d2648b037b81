import type { RequestContext } from "../bot/request-context.js";
import { lookupDataset } from "../catalog/lookup-dataset.js";
import type { FormReply, Reply } from "../shared/card.js";
import type { FormValues } from "../shared/form.js";
import { changeProblemStatus } from "./change-status.js";
import { type DeclineReason, declineReasons } from "./problem.js";
import { problemRef } from "./problem-cards.js";
import { done, form, textField, unchanged } from "./triage-form-parts.js";
import { assertTransition, problemForTriage } from "./triage-problem.js";

/*
 * Declining a problem from triage: the reason picked and the evidence each reason asks for (a
 * dataset, a release date, a link), checked again on submit.
 */

export async function openDeclineForm(ctx: RequestContext, problemId: string): Promise<Reply> {
  const problem = await problemForTriage(ctx, problemId);
  assertTransition(ctx, problem, "declined");
  return form(ctx, "problem.decline", problem, [
    {
      id: "reason",
      kind: "select",
      label: ctx.t("problems:triageForms.fields.reason.label"),
      hint: ctx.t("problems:triageForms.fields.reason.hint"),
      required: true,
      options: declineReasons.map((reason) => ({
        label: ctx.t(`problems:declineReasons.${reason}`).slice(0, 75),
        value: reason,
      })),
    },
    textField(ctx, "detail", "text", 500, false),
  ]);
}

/** Each reason asks for its own evidence: a dataset, a release date, a link. */
async function declineDetail(
  ctx: RequestContext,
  reason: DeclineReason,
  detail: string,
): Promise<{ ok: true; detail: string | null; datasetId: string | null } | { ok: false; error: string }> {
  switch (reason) {
    case "already_exists": {
      if (detail === "") return { ok: false, error: ctx.t("problems:errors.detailDataset") };
      const dataset = await lookupDataset(ctx.deps, { name: detail }, ctx.community.id);
      if (!dataset)
        return { ok: false, error: ctx.t("problems:errors.datasetNotFound", { reference: detail }) };
      return { ok: true, detail: dataset.title, datasetId: dataset.id };
    }
    case "planned_release": {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(detail);
      const date = match ? new Date(`${detail}T00:00:00Z`) : null;
      if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== detail) {
        return { ok: false, error: ctx.t("problems:errors.detailDate") };
      }
      return { ok: true, detail, datasetId: null };
    }
    case "available_elsewhere": {
      let url: URL | null = null;
      try {
        url = new URL(detail);
      } catch {
        url = null;
      }
      if (!url || (url.protocol !== "https:" && url.protocol !== "http:"))
        return { ok: false, error: ctx.t("problems:errors.detailLink") };
      return { ok: true, detail: url.toString(), datasetId: null };
    }
    case "out_of_scope":
    case "withdrawn":
      return { ok: true, detail: detail === "" ? null : detail, datasetId: null };
  }
}

export async function submitDeclineForm(
  ctx: RequestContext,
  problemId: string,
  values: FormValues,
): Promise<FormReply> {
  const problem = await problemForTriage(ctx, problemId);
  const reason = declineReasons.find((r) => r === values.reason);
  if (!reason) return { kind: "errors", errors: { reason: ctx.t("problems:errors.pickReason") } };
  const checked = await declineDetail(ctx, reason, (values.detail ?? "").trim().slice(0, 500));
  if (!checked.ok) return { kind: "errors", errors: { detail: checked.error } };
  assertTransition(ctx, problem, "declined");
  const config = await ctx.deps.directory.config(ctx.community.id);
  const result = await changeProblemStatus(
    ctx,
    problem,
    { to: "declined", note: checked.detail, decline: { reason, detail: checked.detail } },
    config,
    async (tx) => {
      if (checked.datasetId) await tx.problems.linkDataset(problem.id, checked.datasetId);
      return [];
    },
  );
  if (!result) return unchanged(ctx, problem);
  return done(ctx.t("problems:triage.declined", { ref: problemRef(problem), count: result.notified }));
}
