import type { RequestContext } from "../bot/request-context.js";
import type { FormReply, Reply } from "../shared/card.js";
import { noticeCard } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { FormField, FormValues } from "../shared/form.js";
import { reviewCard, statusLabel } from "./access-cards.js";
import { auditActorOf, auditEntry, changeAccessStatus } from "./access-change.js";
import { parseExpiry, proposedExpiry } from "./access-dates.js";
import { accessDeps } from "./access-deps.js";
import { toRequester } from "./access-messages.js";
import { approvedDm, deniedDm, questionDm } from "./access-notices.js";
import { decisionRefusal } from "./access-permissions.js";
import { type AccessRequest, type AccessStatus, accessRef, canTransitionAccess } from "./access-request.js";

/**
 * Approve, deny, ask for more: the decisions of the people a request is routed to. Each button
 * opens a form whose context is the request id; the submission is checked again (who, status),
 * because time passed since the button was pressed. A decision on a request that is no longer
 * waiting (a second click, a retried event, another steward first) changes nothing and says so.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TEXT_MAX = 1000;

/** The request an id from a platform refers to, if it is the asker's community's. */
export async function accessRequestFor(ctx: RequestContext, requestId: string): Promise<AccessRequest> {
  const request = UUID.test(requestId) ? await accessDeps(ctx).accessRequests.byId(requestId) : null;
  if (!request || request.communityId !== ctx.community.id)
    throw new DomainError("not_found", "access:errors.requestNotFound");
  return request;
}

/**
 * The request, if the actor may decide it. A refused decision is recorded (who tried is part of
 * the record); merely viewing is not.
 */
export async function requestForDecision(
  ctx: RequestContext,
  requestId: string,
  record = true,
): Promise<AccessRequest> {
  const request = await accessRequestFor(ctx, requestId);
  const refusal = decisionRefusal(ctx.actor, request);
  if (!refusal) return request;
  if (record)
    await accessDeps(ctx).auditLog.append(
      auditEntry(request, "decision_refused", auditActorOf(ctx), ctx.deps.clock.now(), refusal),
    );
  throw new DomainError(
    "forbidden",
    refusal === "own_request" ? "access:errors.ownRequest" : "access:errors.notRouted",
    {
      ref: accessRef(request),
    },
  );
}

/** "Already decided": the no-op answer to a repeated or late decision. */
function unchanged(ctx: RequestContext, request: AccessRequest): Reply {
  const by = request.decision ? ctx.t("access:decide.by", { name: request.decision.byName }) : "";
  return {
    kind: "card",
    visibility: "ephemeral",
    card: noticeCard(
      ctx.t("access:decide.already", {
        ref: accessRef(request),
        status: statusLabel(ctx.t, request.status),
        by,
      }),
      "warning",
    ),
  };
}

async function fresh(ctx: RequestContext, request: AccessRequest): Promise<AccessRequest> {
  return (await accessDeps(ctx).accessRequests.byId(request.id)) ?? request;
}

function form(ctx: RequestContext, formId: string, request: AccessRequest, fields: FormField[]): Reply {
  const verb = formId.split(".")[1];
  return {
    kind: "form",
    form: {
      formId,
      context: request.id,
      title: ctx.t(`access:decide.${verb}.title`, { ref: accessRef(request) }).slice(0, 24),
      submitLabel: ctx.t(`access:decide.${verb}.submit`).slice(0, 24),
      fields,
    },
  };
}

function textField(
  ctx: RequestContext,
  id: string,
  required: boolean,
  extra: Partial<FormField> = {},
): FormField {
  return {
    id,
    kind: "multiline",
    label: ctx.t(`access:decide.fields.${id}.label`),
    hint: ctx.t(`access:decide.fields.${id}.hint`),
    required,
    maxLength: TEXT_MAX,
    ...extra,
  };
}

function done(text: string): FormReply {
  return { kind: "card", visibility: "ephemeral", card: noticeCard(text, "success") };
}

async function decidable(ctx: RequestContext, requestId: string, to: AccessStatus) {
  const request = await requestForDecision(ctx, requestId);
  const config = await ctx.deps.directory.config(ctx.community.id);
  return { request, config, allowed: canTransitionAccess(request.status, to) };
}

// — approve —

export async function openApproveForm(ctx: RequestContext, requestId: string): Promise<Reply> {
  const { request, config, allowed } = await decidable(ctx, requestId, "approved");
  if (!allowed) return unchanged(ctx, request);
  const proposed = proposedExpiry(ctx.deps.clock.now(), request.details.durationMonths, config.timezone);
  return form(ctx, "access.approve", request, [
    {
      id: "expires",
      kind: "text",
      label: ctx.t("access:decide.fields.expires.label"),
      hint: ctx.t("access:decide.fields.expires.hint"),
      placeholder: "YYYY-MM-DD",
      required: true,
      minLength: 10,
      maxLength: 10,
      initialValue: proposed,
    },
    textField(ctx, "conditions", false),
  ]);
}

export async function submitApproveForm(
  ctx: RequestContext,
  requestId: string,
  values: FormValues,
): Promise<FormReply> {
  const { request, config, allowed } = await decidable(ctx, requestId, "approved");
  if (!allowed) return unchanged(ctx, request);
  const now = ctx.deps.clock.now();
  const expiry = parseExpiry(values.expires ?? "", now, config.timezone);
  const conditions = (values.conditions ?? "").trim();
  const errors: Record<string, string> = {};
  if (!expiry) errors.expires = ctx.t("access:errors.expiryDate");
  if (conditions.length > TEXT_MAX) errors.conditions = ctx.t("access:errors.tooLong", { max: TEXT_MAX });
  if (!expiry || Object.keys(errors).length > 0) return { kind: "errors", errors };
  const updated = await changeAccessStatus(
    accessDeps(ctx),
    request,
    {
      to: "approved",
      actorId: ctx.actor.personId,
      at: now,
      decision: {
        outcome: "approved",
        byId: ctx.actor.personId,
        byName: ctx.actor.displayName,
        at: now,
        conditions: conditions === "" ? null : conditions,
        expiresOn: expiry.expiresOn,
        reason: null,
      },
      grantExpiresAt: expiry.endsAt,
    },
    {
      action: "approved",
      actor: auditActorOf(ctx),
      reason: conditions === "" ? null : conditions,
      details: { expiresOn: expiry.expiresOn },
      timezone: config.timezone,
      messages: (after, tx) =>
        toRequester(tx.directory, after, `access:${after.id}:approved`, (t) => approvedDm(t, after)),
    },
  );
  if (!updated) return unchanged(ctx, await fresh(ctx, request));
  return done(ctx.t("access:decide.approved", { ref: accessRef(updated), date: expiry.expiresOn }));
}

// — deny —

export async function openDenyForm(ctx: RequestContext, requestId: string): Promise<Reply> {
  const { request, allowed } = await decidable(ctx, requestId, "denied");
  if (!allowed) return unchanged(ctx, request);
  return form(ctx, "access.deny", request, [textField(ctx, "reason", true, { minLength: 5 })]);
}

export async function submitDenyForm(
  ctx: RequestContext,
  requestId: string,
  values: FormValues,
): Promise<FormReply> {
  const { request, config, allowed } = await decidable(ctx, requestId, "denied");
  if (!allowed) return unchanged(ctx, request);
  const reason = (values.reason ?? "").trim();
  if (reason.length < 5) return { kind: "errors", errors: { reason: ctx.t("access:errors.reasonRequired") } };
  if (reason.length > TEXT_MAX)
    return { kind: "errors", errors: { reason: ctx.t("access:errors.tooLong", { max: TEXT_MAX }) } };
  const now = ctx.deps.clock.now();
  const updated = await changeAccessStatus(
    accessDeps(ctx),
    request,
    {
      to: "denied",
      actorId: ctx.actor.personId,
      at: now,
      decision: {
        outcome: "denied",
        byId: ctx.actor.personId,
        byName: ctx.actor.displayName,
        at: now,
        conditions: null,
        expiresOn: null,
        reason,
      },
    },
    {
      action: "denied",
      actor: auditActorOf(ctx),
      reason,
      timezone: config.timezone,
      messages: (after, tx) =>
        toRequester(tx.directory, after, `access:${after.id}:denied`, (t) => deniedDm(t, after)),
    },
  );
  if (!updated) return unchanged(ctx, await fresh(ctx, request));
  return done(ctx.t("access:decide.denied", { ref: accessRef(updated) }));
}

// — needs info —

export async function openAskForm(ctx: RequestContext, requestId: string): Promise<Reply> {
  const { request, allowed } = await decidable(ctx, requestId, "needs_info");
  if (!allowed) return unchanged(ctx, request);
  return form(ctx, "access.ask", request, [textField(ctx, "question", true, { minLength: 5 })]);
}

export async function submitAskForm(
  ctx: RequestContext,
  requestId: string,
  values: FormValues,
): Promise<FormReply> {
  const { request, config, allowed } = await decidable(ctx, requestId, "needs_info");
  if (!allowed) return unchanged(ctx, request);
  const question = (values.question ?? "").trim();
  if (question.length < 5 || question.length > TEXT_MAX)
    return { kind: "errors", errors: { question: ctx.t("access:errors.questionLength", { max: TEXT_MAX }) } };
  const now = ctx.deps.clock.now();
  // One question per round: the key names the round, so a retried submission asks once.
  const key = `access:${request.id}:question:${request.messages.length}`;
  const updated = await changeAccessStatus(
    accessDeps(ctx),
    request,
    {
      to: "needs_info",
      actorId: ctx.actor.personId,
      at: now,
      message: { kind: "question", byId: ctx.actor.personId, text: question },
    },
    {
      action: "info_requested",
      actor: auditActorOf(ctx),
      reason: question,
      timezone: config.timezone,
      messages: (after, tx) =>
        toRequester(tx.directory, after, key, (t) => questionDm(t, after, question, ctx.actor.displayName)),
    },
  );
  if (!updated) return unchanged(ctx, await fresh(ctx, request));
  return done(ctx.t("access:decide.asked", { ref: accessRef(updated) }));
}

/** "Review" on a reminder or in the list: the review card, for someone who may decide. */
export async function showReview(ctx: RequestContext, requestId: string): Promise<Reply> {
  const request = await requestForDecision(ctx, requestId, false);
  const config = await ctx.deps.directory.config(ctx.community.id);
  return { kind: "card", visibility: "ephemeral", card: reviewCard(ctx.t, request, config.timezone) };
}
