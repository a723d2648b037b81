import { z } from "zod";
import type { RequestContext } from "../bot/request-context.js";
import type { CommunityConfig } from "../ports/community-directory.js";
import {
  type Card,
  type CardBlock,
  ephemeral,
  type FormReply,
  noticeCard,
  type Reply,
} from "../shared/card.js";
import type { Form, FormValues } from "../shared/form.js";
import { type Showcase, type ShowcaseStatus, showcaseRef } from "./showcase.js";
import { showcaseForReview } from "./showcase-access.js";
import { changesRequestedDm, publishedDm, rejectedDm, reviewedCard, solvePrompt } from "./showcase-cards.js";
import { hasShowcaseChannel, publishPosts, reviewCardEdits, toSubmitter } from "./showcase-messages.js";
import { openProblemsOf } from "./solve-showcase-problems.js";

/**
 * A champion's decision on the review card: approve (publish on every connected platform),
 * ask for changes (the submitter edits and resubmits) or reject with a reason. Each is a
 * compare-and-set on the "pending review" status, so a double click or a second champion changes nothing
 * and publishes nothing twice; the submitter's DM commits with the decision.
 */

export const CHANGES_FORM_ID = "showcase.changes";
export const REJECT_FORM_ID = "showcase.reject";
const NOTE = { min: 10, max: 1000 };

/** Where the decision was already taken: the card as it is now, and who was first. */
async function alreadyDecided(ctx: RequestContext, showcase: Showcase): Promise<Reply> {
  // A withdrawal was the submitter's doing, whoever reviewed an earlier round.
  const withdrawn = showcase.status === "withdrawn";
  const [reviewer] =
    showcase.reviewerId && !withdrawn ? await ctx.deps.directory.contacts([showcase.reviewerId]) : [];
  const name = withdrawn ? showcase.submitterName : (reviewer?.displayName ?? "—");
  const status = ctx.t(`showcases:status.${showcase.status}`);
  const card: Card =
    showcase.status === "pending_review" ? noticeCard(status) : reviewedCard(ctx.t, showcase, name);
  return {
    kind: "update",
    card,
    notice: noticeCard(ctx.t("showcases:review.alreadyDecided", { ref: showcaseRef(showcase), status })),
  };
}

async function decide(
  ctx: RequestContext,
  showcase: Showcase,
  to: ShowcaseStatus,
  note: string | null,
  config: CommunityConfig,
): Promise<Showcase | null> {
  const now = ctx.deps.clock.now();
  const locale = ctx.community.locale;
  return ctx.deps.unitOfWork.run(async (tx) => {
    const decided = await tx.showcases.review(showcase.id, {
      from: "pending_review",
      to,
      reviewerId: ctx.actor.personId,
      note,
      at: now,
    });
    if (!decided) return null;
    const dm = to === "published" ? publishedDm : to === "rejected" ? rejectedDm : changesRequestedDm;
    await tx.outbox.enqueue([
      ...(to === "published" ? publishPosts(decided, config, locale) : []),
      ...(await reviewCardEdits(tx.directory, decided, config, locale, ctx.actor.displayName)),
      ...(await toSubmitter(tx.directory, decided, locale, to, (t) => dm(t, decided))),
    ]);
    return decided;
  });
}

/** "Approve": published at once; the reviewer is asked about the problems it addresses. */
export async function approveShowcase(ctx: RequestContext, showcaseId: string): Promise<Reply> {
  const showcase = await showcaseForReview(ctx, showcaseId);
  if (showcase.status !== "pending_review") return alreadyDecided(ctx, showcase);
  const config = await ctx.deps.directory.config(ctx.community.id);
  const published = await decide(ctx, showcase, "published", null, config);
  if (!published) return alreadyDecided(ctx, await showcaseForReview(ctx, showcaseId));
  const ref = showcaseRef(published);
  const text = ctx.t(
    hasShowcaseChannel(config) ? "showcases:review.published" : "showcases:review.noChannel",
    {
      ref,
    },
  );
  const blocks: CardBlock[] = [{ type: "section", text: [text] }];
  const open = await openProblemsOf(ctx, published);
  if (open.length > 0) blocks.push(...solvePrompt(ctx.t, { ...published, problems: open }));
  return {
    kind: "update",
    card: reviewedCard(ctx.t, published, ctx.actor.displayName),
    notice: { fallbackText: text, accent: "success", blocks },
  };
}

function noteForm(ctx: RequestContext, formId: string, showcase: Showcase, initial = ""): Form {
  const kind = formId === REJECT_FORM_ID ? "reject" : "changes";
  return {
    formId,
    context: showcase.id,
    title: ctx.t(`showcases:${kind}.title`),
    submitLabel: ctx.t(`showcases:${kind}.submit`),
    fields: [
      {
        id: "note",
        kind: "multiline",
        label: ctx.t(`showcases:${kind}.label`),
        hint: ctx.t(`showcases:${kind}.hint`),
        required: true,
        minLength: NOTE.min,
        maxLength: NOTE.max,
        ...(initial ? { initialValue: initial.slice(0, NOTE.max) } : {}),
      },
    ],
  };
}

async function openNoteForm(ctx: RequestContext, showcaseId: string, formId: string): Promise<Reply> {
  const showcase = await showcaseForReview(ctx, showcaseId);
  if (showcase.status !== "pending_review") return alreadyDecided(ctx, showcase);
  return { kind: "form", form: noteForm(ctx, formId, showcase) };
}

export const openChangesForm = (ctx: RequestContext, id: string) => openNoteForm(ctx, id, CHANGES_FORM_ID);
export const openRejectForm = (ctx: RequestContext, id: string) => openNoteForm(ctx, id, REJECT_FORM_ID);

const noteSchema = z.string().trim().min(NOTE.min).max(NOTE.max);

async function submitNoteForm(
  ctx: RequestContext,
  showcaseId: string,
  values: FormValues,
  formId: string,
): Promise<FormReply> {
  const showcase = await showcaseForReview(ctx, showcaseId);
  const parsed = noteSchema.safeParse(values.note ?? "");
  if (!parsed.success) {
    const tooLong = parsed.error.issues.some((issue) => issue.code === "too_big");
    return {
      kind: "errors",
      errors: {
        note: tooLong
          ? ctx.t("showcases:errors.tooLong", { max: NOTE.max })
          : ctx.t("showcases:errors.tooShort", { min: NOTE.min }),
      },
      retry: noteForm(ctx, formId, showcase, values.note ?? ""),
    };
  }
  // A modal has no message to replace: the champion gets the outcome as an ephemeral card.
  const to = formId === REJECT_FORM_ID ? "rejected" : "changes_requested";
  const decided =
    showcase.status === "pending_review"
      ? await decide(ctx, showcase, to, parsed.data, await ctx.deps.directory.config(ctx.community.id))
      : null;
  if (!decided) {
    const status = ctx.t(`showcases:status.${(await showcaseForReview(ctx, showcaseId)).status}`);
    return ephemeral(
      noticeCard(ctx.t("showcases:review.alreadyDecided", { ref: showcaseRef(showcase), status })),
    );
  }
  return ephemeral(noticeCard(ctx.t(`showcases:review.${to}`, { ref: showcaseRef(decided) }), "success"));
}

export const submitChangesForm = (ctx: RequestContext, id: string, values: FormValues) =>
  submitNoteForm(ctx, id, values, CHANGES_FORM_ID);
export const submitRejectForm = (ctx: RequestContext, id: string, values: FormValues) =>
  submitNoteForm(ctx, id, values, REJECT_FORM_ID);
