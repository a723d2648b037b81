import type { RequestContext } from "../bot/request-context.js";
import { lookupDataset } from "../catalog/lookup-dataset.js";
import { translator } from "../i18n/translator.js";
import type { FormReply, Reply } from "../shared/card.js";
import { noticeCard } from "../shared/card.js";
import type { FormValues } from "../shared/form.js";
import { changeProblemStatus } from "./change-status.js";
import { linkDatasetToProblem } from "./link-dataset.js";
import { isOpen } from "./problem.js";
import { parseProblemNumber } from "./problem-access.js";
import { problemRef, statusLabel } from "./problem-cards.js";
import { directMessages, problemCardUpdates } from "./problem-messages.js";
import { done, form, textField, unchanged } from "./triage-form-parts.js";
import { assertTransition, problemForTriage } from "./triage-problem.js";

/**
 * Triage moves that need words: a question for the submitter, the original of a duplicate, a
 * decline reason with its detail, a dataset to link, a champion to assign. Each button opens a
 * form whose context is the problem id; the submission is checked again (role, status) because
 * time passed since the button was pressed.
 */

// — needs info —

export async function openAskForm(ctx: RequestContext, problemId: string): Promise<Reply> {
  const problem = await problemForTriage(ctx, problemId);
  assertTransition(ctx, problem, "needs_info");
  return form(ctx, "problem.ask", problem, [textField(ctx, "question", "multiline", 1000)]);
}

export async function submitAskForm(
  ctx: RequestContext,
  problemId: string,
  values: FormValues,
): Promise<FormReply> {
  const problem = await problemForTriage(ctx, problemId);
  const question = (values.question ?? "").trim();
  if (question.length < 5)
    return { kind: "errors", errors: { question: ctx.t("problems:errors.tooShort", { min: 5 }) } };
  assertTransition(ctx, problem, "needs_info");
  const config = await ctx.deps.directory.config(ctx.community.id);
  const result = await changeProblemStatus(
    ctx,
    problem,
    { to: "needs_info", note: question.slice(0, 1000) },
    config,
  );
  if (!result) return unchanged(ctx, problem);
  return done(ctx.t("problems:triage.asked", { ref: problemRef(problem) }));
}

// — duplicate —

export async function openDuplicateForm(ctx: RequestContext, problemId: string): Promise<Reply> {
  const problem = await problemForTriage(ctx, problemId);
  assertTransition(ctx, problem, "duplicate");
  return form(ctx, "problem.duplicate", problem, [textField(ctx, "original", "text", 12)]);
}

export async function submitDuplicateForm(
  ctx: RequestContext,
  problemId: string,
  values: FormValues,
): Promise<FormReply> {
  const problem = await problemForTriage(ctx, problemId);
  const number = parseProblemNumber(values.original ?? "");
  if (number === null) return { kind: "errors", errors: { original: ctx.t("problems:errors.notANumber") } };
  const original = await ctx.deps.problems.byNumber(ctx.community.id, number);
  if (!original || original.hidden)
    return {
      kind: "errors",
      errors: { original: ctx.t("problems:errors.noSuchProblem", { ref: `#${number}` }) },
    };
  if (original.id === problem.id)
    return { kind: "errors", errors: { original: ctx.t("problems:errors.duplicateOfItself") } };
  if (!isOpen(original.status)) {
    return {
      kind: "errors",
      errors: {
        original: ctx.t("problems:errors.originalClosed", {
          ref: problemRef(original),
          status: statusLabel(ctx.t, original.status),
        }),
      },
    };
  }
  assertTransition(ctx, problem, "duplicate");
  const config = await ctx.deps.directory.config(ctx.community.id);
  const result = await changeProblemStatus(
    ctx,
    problem,
    { to: "duplicate", note: null, duplicateOfId: original.id },
    config,
    async (tx) => {
      // Votes and followers moved to the original inside changeStatus: show its new count everywhere.
      const merged = await tx.problems.byId(original.id);
      return merged ? problemCardUpdates(merged, config, ctx.community.locale) : [];
    },
  );
  if (!result) return unchanged(ctx, problem);
  const merged = await ctx.deps.problems.byId(original.id);
  return done(
    ctx.t("problems:triage.merged", {
      ref: problemRef(problem),
      original: problemRef(original),
      count: merged?.voteCount ?? original.voteCount,
    }),
  );
}

// — link a dataset —

export async function openLinkForm(ctx: RequestContext, problemId: string): Promise<Reply> {
  const problem = await problemForTriage(ctx, problemId);
  return form(ctx, "problem.link", problem, [textField(ctx, "dataset", "text", 200)]);
}

export async function submitLinkForm(
  ctx: RequestContext,
  problemId: string,
  values: FormValues,
): Promise<FormReply> {
  const problem = await problemForTriage(ctx, problemId);
  const reference = (values.dataset ?? "").trim();
  if (reference === "")
    return { kind: "errors", errors: { dataset: ctx.t("problems:errors.detailDataset") } };
  const dataset = await lookupDataset(ctx.deps, { name: reference.slice(0, 200) }, ctx.community.id);
  if (!dataset)
    return { kind: "errors", errors: { dataset: ctx.t("problems:errors.datasetNotFound", { reference }) } };
  const linked = (await linkDatasetToProblem(ctx, problem, dataset)) === "linked";
  return done(
    ctx.t(linked ? "problems:triage.linked" : "problems:triage.alreadyLinked", {
      ref: problemRef(problem),
      title: dataset.title,
    }),
  );
}

// — assign —

export async function openAssignForm(ctx: RequestContext, problemId: string): Promise<Reply> {
  const problem = await problemForTriage(ctx, problemId);
  const champions = await ctx.deps.directory.membersWithRole(ctx.community.id, ["champion", "admin"]);
  const options = [
    { label: ctx.t("problems:triageForms.fields.assignee.nobody"), value: "none" },
    ...champions.slice(0, 24).map((c) => ({ label: c.displayName.slice(0, 75) || "?", value: c.personId })),
  ];
  return form(ctx, "problem.assign", problem, [
    {
      id: "assignee",
      kind: "select",
      label: ctx.t("problems:triageForms.fields.assignee.label"),
      hint: ctx.t("problems:triageForms.fields.assignee.hint"),
      required: true,
      options,
      ...(problem.assignee ? { initialValue: problem.assignee.personId } : {}),
    },
  ]);
}

export async function submitAssignForm(
  ctx: RequestContext,
  problemId: string,
  values: FormValues,
): Promise<FormReply> {
  const problem = await problemForTriage(ctx, problemId);
  const choice = values.assignee ?? "";
  let assignee: { personId: string; displayName: string } | null = null;
  if (choice !== "none") {
    const champions = await ctx.deps.directory.membersWithRole(ctx.community.id, ["champion", "admin"]);
    const found = champions.find((c) => c.personId === choice);
    if (!found) return { kind: "errors", errors: { assignee: ctx.t("problems:errors.pickChampion") } };
    assignee = found;
  }
  const config = await ctx.deps.directory.config(ctx.community.id);
  const now = ctx.deps.clock.now();
  await ctx.deps.unitOfWork.run(async (tx) => {
    const updated = await tx.problems.assign(problem.id, assignee?.personId ?? null);
    const event = await tx.problems.recordEvent(problem.id, {
      kind: "assigned",
      actorId: ctx.actor.personId,
      note: assignee?.displayName ?? null,
      at: now,
    });
    await tx.outbox.enqueue(problemCardUpdates(updated, config, ctx.community.locale));
    if (assignee && assignee.personId !== ctx.actor.personId) {
      await tx.outbox.enqueue(
        await directMessages(tx.directory, [assignee.personId], {
          key: `problem:${problem.id}:event:${event.id}`,
          communityId: ctx.community.id,
          communityLocale: ctx.community.locale,
          card: (locale) =>
            noticeCard(
              translator(locale)("problems:dm.assigned", {
                ref: problemRef(updated),
                title: updated.title,
                name: ctx.actor.displayName,
              }),
            ),
        }),
      );
    }
  });
  return done(
    assignee
      ? ctx.t("problems:triage.assigned", { ref: problemRef(problem), name: assignee.displayName })
      : ctx.t("problems:triage.unassigned", { ref: problemRef(problem) }),
  );
}
