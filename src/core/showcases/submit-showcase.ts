import type { RequestContext } from "../bot/request-context.js";
import type { FormDraft } from "../ports/form-drafts.js";
import type { Card, FormReply, Reply } from "../shared/card.js";
import { noticeCard } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { FormValues } from "../shared/form.js";
import { stepTwoCard } from "../shared/two-step-form.js";
import { resolveLineage } from "./resolve-lineage.js";
import { type Showcase, type ShowcaseContent, showcaseRef } from "./showcase.js";
import { isShowcaseId } from "./showcase-access.js";
import { withdrawButton } from "./showcase-cards.js";
import {
  DETAILS_FORM_ID,
  detailsForm,
  lineageForm,
  NEW_SHOWCASE,
  parseDetails,
  parseLineage,
} from "./showcase-form.js";
import { reviewMessages } from "./showcase-messages.js";
import { DATASET_CONTEXT, showcaseToRevise } from "./start-showcase.js";

/**
 * Step one is checked and kept as a draft; step two (kind, datasets, problems) files the
 * showcase for review, or sends a revision back to review, in one transaction that also takes
 * the draft (a double submit files once) and queues the champions' review cards.
 */

const DETAILS_KEYS = ["title", "summary", "link", "image_url", "team"];

function detailsValues(values: FormValues): FormValues {
  return Object.fromEntries(DETAILS_KEYS.map((key) => [key, (values[key] ?? "").trim()]));
}

/** A step-one context is "new", "d:<dataset id>" or the id of the submitter's showcase to revise. */
async function checkContext(ctx: RequestContext, context: string): Promise<string> {
  if (context === NEW_SHOWCASE || DATASET_CONTEXT.test(context)) return context;
  if (isShowcaseId(context) && (await showcaseToRevise(ctx, context))) return context;
  throw new DomainError("conflict", "showcases:steps.notWaiting");
}

function stepTwo(ctx: RequestContext, draftId: string, title: string): Card {
  return stepTwoCard(ctx.t("showcases:steps.two", { title }), draftId, {
    next: { actionId: "showcase.continue", label: ctx.t("showcases:buttons.continue") },
    edit: { actionId: "showcase.edit", label: ctx.t("showcases:buttons.edit") },
    cancel: { actionId: "showcase.cancel", label: ctx.t("showcases:buttons.cancel") },
  });
}

export async function submitDetailsForm(
  ctx: RequestContext,
  context: string,
  values: FormValues,
): Promise<FormReply> {
  const checked = await checkContext(ctx, context);
  const parsed = parseDetails(ctx.t, values);
  if (!parsed.ok)
    return {
      kind: "errors",
      errors: parsed.errors,
      retry: detailsForm(ctx.t, checked, detailsValues(values)),
    };
  const draft = await ctx.deps.drafts.save(
    {
      personId: ctx.actor.personId,
      formId: DETAILS_FORM_ID,
      context: checked,
      values: detailsValues(values),
    },
    ctx.deps.clock.now(),
  );
  return { kind: "card", visibility: "ephemeral", card: stepTwo(ctx, draft.id, parsed.input.title) };
}

async function ownDraft(ctx: RequestContext, draftId: string): Promise<FormDraft | null> {
  const draft = isShowcaseId(draftId) ? await ctx.deps.drafts.get(draftId, ctx.actor.personId) : null;
  return draft && draft.formId === DETAILS_FORM_ID ? draft : null;
}

const alreadyDone = (ctx: RequestContext): Reply => ({
  kind: "update",
  card: noticeCard(ctx.t("showcases:steps.alreadyDone")),
});

/** Step two's starting values: the revised showcase's, or the dataset the command named. */
async function lineageValues(ctx: RequestContext, context: string): Promise<FormValues> {
  const dataset = DATASET_CONTEXT.exec(context)?.[1];
  if (dataset) {
    const found = await ctx.deps.datasetLookup.byId(ctx.community.id, dataset);
    return found ? { datasets: found.title } : {};
  }
  if (!isShowcaseId(context)) return {};
  const showcase = await ctx.deps.showcases.byId(context);
  if (!showcase || showcase.submitterId !== ctx.actor.personId) return {};
  return {
    kind: showcase.kind,
    datasets: showcase.datasets.map((d) => d.title).join("\n"),
    problems: showcase.problems.map((p) => `#${p.number}`).join(", "),
  };
}

/** "Continue": step two. */
export async function openLineageForm(ctx: RequestContext, draftId: string): Promise<Reply> {
  const draft = await ownDraft(ctx, draftId);
  if (!draft) return alreadyDone(ctx);
  return { kind: "form", form: lineageForm(ctx.t, draft.id, await lineageValues(ctx, draft.context)) };
}

/** "Edit": step one again, holding what was typed. */
export async function editShowcaseDetails(ctx: RequestContext, draftId: string): Promise<Reply> {
  const draft = await ownDraft(ctx, draftId);
  if (!draft) return alreadyDone(ctx);
  return { kind: "form", form: detailsForm(ctx.t, draft.context, draft.values) };
}

export async function cancelShowcaseDraft(ctx: RequestContext, draftId: string): Promise<Reply> {
  if (await ownDraft(ctx, draftId)) await ctx.deps.drafts.take(draftId, ctx.actor.personId);
  return { kind: "update", card: noticeCard(ctx.t("showcases:steps.cancelled")) };
}

function sentCard(ctx: RequestContext, showcase: Showcase, resubmitted: boolean): Card {
  const text = ctx.t(resubmitted ? "showcases:sent.resubmitted" : "showcases:sent.body", {
    ref: showcaseRef(showcase),
    title: showcase.title,
  });
  return {
    fallbackText: text,
    accent: "success",
    blocks: [
      { type: "section", text: [text] },
      { type: "actions", actions: [withdrawButton(ctx.t, showcase)] },
    ],
  };
}

/** Step two submitted: file the showcase (or the revision) for review. */
export async function submitLineageForm(
  ctx: RequestContext,
  draftId: string,
  values: FormValues,
): Promise<FormReply> {
  const retry = () => lineageForm(ctx.t, draftId, values);
  const lineage = parseLineage(ctx.t, values);
  if (!lineage.ok) return { kind: "errors", errors: lineage.errors, retry: retry() };
  const draft = await ownDraft(ctx, draftId);
  if (!draft) return alreadyDone(ctx);
  const details = parseDetails(ctx.t, draft.values);
  if (!details.ok) throw new DomainError("invalid_input", "showcases:steps.alreadyDone");
  const resolved = await resolveLineage(ctx, lineage.input);
  if (!resolved.ok) return { kind: "errors", errors: resolved.errors, retry: retry() };

  const content: ShowcaseContent = {
    ...details.input,
    kind: lineage.input.kind,
    datasets: resolved.datasets,
    problems: resolved.problems,
  };
  const revising = isShowcaseId(draft.context) ? draft.context : null;
  const config = await ctx.deps.directory.config(ctx.community.id);
  const now = ctx.deps.clock.now();
  const showcase = await ctx.deps.unitOfWork.run(async (tx) => {
    if (!(await tx.drafts.take(draft.id, ctx.actor.personId))) return null;
    const saved = revising
      ? await tx.showcases.resubmit(revising, content, now)
      : await tx.showcases.create(
          {
            ...content,
            communityId: ctx.community.id,
            submitterId: ctx.actor.personId,
            platform: ctx.identity.platform,
          },
          now,
        );
    if (!saved) return null;
    await tx.outbox.enqueue(await reviewMessages(tx.directory, saved, config, ctx.community.locale));
    return saved;
  });
  if (!showcase) return alreadyDone(ctx);
  return { kind: "card", visibility: "ephemeral", card: sentCard(ctx, showcase, revising !== null) };
}
