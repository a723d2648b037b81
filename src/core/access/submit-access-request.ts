import type { RequestContext } from "../bot/request-context.js";
import { invocationOf } from "../commands/invocation.js";
import type { Problem } from "../problems/problem.js";
import type { Card, FormReply, Reply } from "../shared/card.js";
import { noticeCard } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { FormValues } from "../shared/form.js";
import { stepTwoCard } from "../shared/two-step-form.js";
import { publicDatasetCard } from "./access-cards.js";
import { auditActorOf, auditEntry } from "./access-change.js";
import { accessDeps } from "./access-deps.js";
import {
  checklistForm,
  DETAILS_FORM_ID,
  type DetailsInput,
  detailsForm,
  parseChecklist,
  parseDetails,
} from "./access-form.js";
import { reviewPosts, toRequester } from "./access-messages.js";
import { submittedDm } from "./access-notices.js";
import { type AccessRequest, accessRef } from "./access-request.js";
import { firstRoute, routeRole } from "./access-routing.js";
import { datasetForRequest } from "./start-access-request.js";

/**
 * Step one is checked and kept as a draft; step two (the checklist and the terms) files the
 * request: routed, posted to the people deciding, audited, in one transaction that also takes the
 * draft, so a double submit files once.
 */

async function linkedProblem(
  ctx: RequestContext,
  number: number | null,
): Promise<Problem | null | "missing"> {
  if (number === null) return null;
  const problem = await ctx.deps.problems.byNumber(ctx.community.id, number);
  return problem && !problem.hidden ? problem : "missing";
}

function detailsValues(values: FormValues): FormValues {
  const keep = ["purpose", "intended_use", "organisation", "problem", "duration"];
  return Object.fromEntries(keep.map((key) => [key, (values[key] ?? "").trim()]));
}

function stepTwo(ctx: RequestContext, draftId: string, title: string): Card {
  return stepTwoCard(ctx.t("access:steps.two", { title }), draftId, {
    next: { actionId: "access.checklist", label: ctx.t("access:buttons.checklist") },
    edit: { actionId: "access.edit", label: ctx.t("access:buttons.edit") },
    cancel: { actionId: "access.cancel", label: ctx.t("access:buttons.cancel") },
  });
}

export async function submitDetailsForm(
  ctx: RequestContext,
  datasetId: string,
  values: FormValues,
): Promise<FormReply> {
  const dataset = await datasetForRequest(ctx, datasetId);
  const parsed = parseDetails(ctx.t, values);
  const retry = () => detailsForm(ctx.t, dataset.id, detailsValues(values));
  if (!parsed.ok) return { kind: "errors", errors: parsed.errors, retry: retry() };
  if ((await linkedProblem(ctx, parsed.input.problemNumber)) === "missing") {
    const ref = `#${parsed.input.problemNumber}`;
    return {
      kind: "errors",
      errors: { problem: ctx.t("access:errors.noSuchProblem", { ref }) },
      retry: retry(),
    };
  }
  const draft = await ctx.deps.drafts.save(
    {
      personId: ctx.actor.personId,
      formId: DETAILS_FORM_ID,
      context: dataset.id,
      values: detailsValues(values),
    },
    ctx.deps.clock.now(),
  );
  return { kind: "card", visibility: "ephemeral", card: stepTwo(ctx, draft.id, dataset.title) };
}

async function ownDraft(ctx: RequestContext, draftId: string) {
  const draft = /^[0-9a-f-]{36}$/i.test(draftId)
    ? await ctx.deps.drafts.get(draftId, ctx.actor.personId)
    : null;
  return draft && draft.formId === DETAILS_FORM_ID ? draft : null;
}

const alreadyDone = (ctx: RequestContext): Reply => ({
  kind: "update",
  card: noticeCard(ctx.t("access:steps.alreadyDone")),
});

/** "Continue": step two. */
export async function openChecklistForm(ctx: RequestContext, draftId: string): Promise<Reply> {
  const draft = await ownDraft(ctx, draftId);
  if (!draft) return alreadyDone(ctx);
  return { kind: "form", form: checklistForm(ctx.t, draft.id) };
}

/** "Edit": step one again, holding what was typed. */
export async function editDetails(ctx: RequestContext, draftId: string): Promise<Reply> {
  const draft = await ownDraft(ctx, draftId);
  if (!draft) return alreadyDone(ctx);
  return { kind: "form", form: detailsForm(ctx.t, draft.context, draft.values) };
}

export async function cancelRequestDraft(ctx: RequestContext, draftId: string): Promise<Reply> {
  if (await ownDraft(ctx, draftId)) await ctx.deps.drafts.take(draftId, ctx.actor.personId);
  return { kind: "update", card: noticeCard(ctx.t("access:steps.cancelled")) };
}

function detailsFromDraft(ctx: RequestContext, values: FormValues): DetailsInput {
  const parsed = parseDetails(ctx.t, values);
  if (!parsed.ok) throw new DomainError("invalid_input", "access:steps.alreadyDone");
  return parsed.input;
}

function sentCard(ctx: RequestContext, request: AccessRequest): Card {
  const route = request.routes[0];
  const text = ctx.t("access:sent.body", {
    ref: accessRef(request),
    title: request.dataset.title,
    role: route ? routeRole(ctx.t, route) : "—",
  });
  return {
    fallbackText: text,
    accent: "success",
    blocks: [
      { type: "section", text: [text] },
      {
        type: "context",
        text: [ctx.t("access:sent.next", { requests: invocationOf(ctx.identity.platform, "requests") })],
      },
      {
        type: "actions",
        actions: [
          {
            kind: "button",
            actionId: "access.withdraw",
            label: ctx.t("access:buttons.withdraw"),
            value: request.id,
            style: "danger",
          },
        ],
      },
    ],
  };
}

/** Step two submitted: file the request. */
export async function submitChecklistForm(
  ctx: RequestContext,
  draftId: string,
  values: FormValues,
): Promise<FormReply> {
  const access = accessDeps(ctx);
  const checklist = parseChecklist(ctx.t, values);
  if (!checklist.ok) {
    const { terms: _terms, ...typed } = values;
    return { kind: "errors", errors: checklist.errors, retry: checklistForm(ctx.t, draftId, typed) };
  }
  const draft = await ownDraft(ctx, draftId);
  if (!draft) return alreadyDone(ctx);
  const details = detailsFromDraft(ctx, draft.values);
  const dataset = await datasetForRequest(ctx, draft.context);
  if (dataset.accessLevel === "public") {
    // Made public by a sync between the two steps: nothing to ask for any more.
    await ctx.deps.drafts.take(draft.id, ctx.actor.personId);
    return { kind: "card", visibility: "ephemeral", card: publicDatasetCard(ctx.t, dataset) };
  }
  const problem = await linkedProblem(ctx, details.problemNumber);
  if (problem === "missing")
    throw new DomainError("invalid_input", "access:errors.noSuchProblem", {
      ref: `#${details.problemNumber}`,
    });
  const open = await access.accessRequests.openFor(ctx.community.id, ctx.actor.personId, dataset.id);
  if (open) throw new DomainError("conflict", "access:errors.alreadyOpen", { ref: accessRef(open) });

  const config = await ctx.deps.directory.config(ctx.community.id);
  const now = ctx.deps.clock.now();
  const route = await firstRoute(
    { directory: ctx.deps.directory, stewards: access.stewards },
    { config, dataset, requesterId: ctx.actor.personId, communityLocale: ctx.community.locale, at: now },
  );
  const actor = auditActorOf(ctx);
  const request = await access.accessUnitOfWork.run(async (tx) => {
    if (!(await tx.drafts.take(draft.id, ctx.actor.personId))) return null;
    const created = await tx.requests.create(
      {
        communityId: ctx.community.id,
        dataset: { id: dataset.id, title: dataset.title, landingPage: dataset.landingPage },
        requesterId: ctx.actor.personId,
        platform: ctx.identity.platform,
        communityLocale: ctx.community.locale,
        details: {
          purpose: details.purpose,
          intendedUse: details.intendedUse,
          organisation: details.organisation,
          linkedProblem: problem ? { id: problem.id, number: problem.number } : null,
          durationMonths: details.durationMonths,
          checklist: checklist.input,
          termsAccepted: true,
        },
        route,
      },
      now,
    );
    await tx.outbox.enqueue([
      ...reviewPosts(created, config.timezone),
      // A receipt that outlives the ephemeral reply: what was asked, and who has it (a role).
      ...(await toRequester(tx.directory, created, `access:${created.id}:submitted`, (t) =>
        submittedDm(t, created),
      )),
    ]);
    await tx.audit.append(
      auditEntry(created, "submitted", actor, now, details.purpose, {
        organisation: details.organisation,
        durationMonths: String(details.durationMonths),
      }),
    );
    await tx.audit.append(
      auditEntry(created, "routed", null, now, null, {
        level: route.level,
        ...(route.topic ? { topic: route.topic } : {}),
        deciders: String(route.personIds.length),
      }),
    );
    return created;
  });
  if (!request) return alreadyDone(ctx);
  return { kind: "card", visibility: "ephemeral", card: sentCard(ctx, request) };
}
