import type { RequestContext } from "../bot/request-context.js";
import { translator } from "../i18n/translator.js";
import type { FormReply, Reply } from "../shared/card.js";
import { noticeCard } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { FormValues } from "../shared/form.js";
import { changeProblemStatus } from "./change-status.js";
import type { Problem, ProblemStatus } from "./problem.js";
import { problemForRequest } from "./problem-access.js";
import { problemRef } from "./problem-cards.js";

/**
 * The needs-info round trip, submitter's side: the DM's "Answer" button opens a form; the answer
 * is recorded, the problem returns to the status it had before the question, and the answer is
 * posted to the triage channels for champions.
 */

async function ownProblemAwaitingAnswer(ctx: RequestContext, problemId: string): Promise<Problem> {
  const problem = await problemForRequest(ctx, problemId);
  if (problem.submitterId !== ctx.actor.personId)
    throw new DomainError("forbidden", "problems:errors.notYourProblem");
  if (problem.status !== "needs_info")
    throw new DomainError("conflict", "problems:errors.noQuestionPending", { ref: problemRef(problem) });
  return problem;
}

export async function openAnswerForm(ctx: RequestContext, problemId: string): Promise<Reply> {
  const problem = await ownProblemAwaitingAnswer(ctx, problemId);
  const events = await ctx.deps.problems.events(problem.id);
  const question =
    [...events].reverse().find((e) => e.kind === "status_changed" && e.toStatus === "needs_info")?.note ?? "";
  return {
    kind: "form",
    form: {
      formId: "problem.answer",
      context: problem.id,
      title: ctx.t("problems:answerForm.title", { ref: problemRef(problem) }).slice(0, 24),
      submitLabel: ctx.t("problems:answerForm.submit"),
      fields: [
        {
          id: "answer",
          kind: "multiline",
          label: ctx.t("problems:answerForm.label"),
          hint: question.slice(0, 100) || ctx.t("problems:answerForm.hint"),
          required: true,
          minLength: 2,
          maxLength: 2000,
        },
      ],
    },
  };
}

export async function submitAnswerForm(
  ctx: RequestContext,
  problemId: string,
  values: FormValues,
): Promise<FormReply> {
  const answer = (values.answer ?? "").trim();
  if (answer.length < 2)
    return { kind: "errors", errors: { answer: ctx.t("problems:errors.tooShort", { min: 2 }) } };
  const problem = await ownProblemAwaitingAnswer(ctx, problemId);
  const events = await ctx.deps.problems.events(problem.id);
  const asked = [...events].reverse().find((e) => e.kind === "status_changed" && e.toStatus === "needs_info");
  const back: ProblemStatus =
    asked?.fromStatus && asked.fromStatus !== "needs_info" ? asked.fromStatus : "new";
  const config = await ctx.deps.directory.config(ctx.community.id);
  const now = ctx.deps.clock.now();
  const communityT = translator(ctx.community.locale);
  const result = await changeProblemStatus(
    ctx,
    problem,
    { to: back, note: null },
    config,
    async (tx, changed) => {
      await tx.problems.recordEvent(problem.id, {
        kind: "info_provided",
        actorId: ctx.actor.personId,
        note: answer.slice(0, 2000),
        at: now,
      });
      // Champions read the answer where they triage.
      return config.channels.flatMap((c) =>
        c.triageChannelId && c.platform !== "console"
          ? [
              {
                dedupeKey: `problem:${problem.id}:answer:${changed.event.id}:${c.platform}:${c.workspaceId}`,
                communityId: ctx.community.id,
                platform: c.platform,
                target: { kind: "channel" as const, channelId: c.triageChannelId },
                card: {
                  fallbackText: communityT("problems:triage.answered", { ref: problemRef(problem) }),
                  blocks: [
                    {
                      type: "section" as const,
                      text: [
                        {
                          text: communityT("problems:triage.answered", { ref: problemRef(problem) }),
                          style: "bold" as const,
                        },
                      ],
                    },
                    { type: "section" as const, text: [answer.slice(0, 2000)] },
                  ],
                },
              },
            ]
          : [],
      );
    },
  );
  if (!result) throw new DomainError("conflict", "errors:conflict");
  return {
    kind: "card",
    visibility: "ephemeral",
    card: noticeCard(ctx.t("problems:answerForm.thanks", { ref: problemRef(problem) }), "success"),
  };
}
