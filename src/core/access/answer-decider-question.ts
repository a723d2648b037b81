import type { RequestContext } from "../bot/request-context.js";
import type { FormReply, Reply } from "../shared/card.js";
import { noticeCard } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { FormValues } from "../shared/form.js";

import { auditActorOf, changeAccessStatus } from "./access-change.js";
import { accessDeps } from "./access-deps.js";
import { toCurrentDeciders } from "./access-messages.js";
import { answeredNote } from "./access-notices.js";
import { type AccessRequest, accessRef } from "./access-request.js";
import { accessRequestFor } from "./decide-access-request.js";

/**
 * The needs-info round trip, requester's side: the DM's "Answer" opens a form; the answer goes to
 * the people deciding (where the request is now), the request is back in review and the SLA clock
 * starts again, since the wait is theirs once more.
 */

const ANSWER_MAX = 2000;

async function ownRequestAwaitingAnswer(ctx: RequestContext, requestId: string): Promise<AccessRequest> {
  const request = await accessRequestFor(ctx, requestId);
  if (request.requesterId !== ctx.actor.personId)
    throw new DomainError("forbidden", "access:errors.notYourRequest", { ref: accessRef(request) });
  if (request.status !== "needs_info")
    throw new DomainError("conflict", "access:errors.noQuestionPending", { ref: accessRef(request) });
  return request;
}

function lastQuestion(request: AccessRequest): string {
  return [...request.messages].reverse().find((m) => m.kind === "question")?.text ?? "";
}

export async function openAccessAnswerForm(ctx: RequestContext, requestId: string): Promise<Reply> {
  const request = await ownRequestAwaitingAnswer(ctx, requestId);
  return {
    kind: "form",
    form: {
      formId: "access.answer",
      context: request.id,
      title: ctx.t("access:answer.title", { ref: accessRef(request) }).slice(0, 24),
      submitLabel: ctx.t("access:answer.submit").slice(0, 24),
      fields: [
        {
          id: "answer",
          kind: "multiline",
          label: ctx.t("access:answer.label"),
          hint: lastQuestion(request).slice(0, 100) || ctx.t("access:answer.hint"),
          required: true,
          minLength: 2,
          maxLength: ANSWER_MAX,
        },
      ],
    },
  };
}

export async function submitAccessAnswerForm(
  ctx: RequestContext,
  requestId: string,
  values: FormValues,
): Promise<FormReply> {
  const answer = (values.answer ?? "").trim();
  if (answer.length < 2 || answer.length > ANSWER_MAX)
    return { kind: "errors", errors: { answer: ctx.t("access:errors.answerLength", { max: ANSWER_MAX }) } };
  const request = await ownRequestAwaitingAnswer(ctx, requestId);
  const config = await ctx.deps.directory.config(ctx.community.id);
  const now = ctx.deps.clock.now();
  const key = `access:${request.id}:answer:${request.messages.length}`;
  const updated = await changeAccessStatus(
    accessDeps(ctx),
    request,
    {
      to: "pending",
      actorId: ctx.actor.personId,
      at: now,
      message: { kind: "answer", byId: ctx.actor.personId, text: answer },
      restartClock: true,
    },
    {
      action: "info_provided",
      actor: auditActorOf(ctx),
      reason: answer,
      timezone: config.timezone,
      messages: async (after) => toCurrentDeciders(after, key, (t) => answeredNote(t, after, answer)),
    },
  );
  if (!updated)
    throw new DomainError("conflict", "access:errors.noQuestionPending", { ref: accessRef(request) });
  return {
    kind: "card",
    visibility: "ephemeral",
    card: noticeCard(ctx.t("access:answer.thanks", { ref: accessRef(updated) }), "success"),
  };
}
