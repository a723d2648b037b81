import type { RequestContext } from "../bot/request-context.js";
import { type Card, ephemeral, noticeCard, type Reply } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import { type Showcase, showcaseRef } from "./showcase.js";
import { showcaseForRequest } from "./showcase-access.js";

import { reviewCardEdits } from "./showcase-messages.js";

/**
 * The submitter takes back a showcase still in review or waiting for their changes: from the
 * "Withdraw" button on their receipt or on the DM asking for changes, or by number with
 * `/datadesk showcase withdraw S3`. Compare-and-set on the status they saw, in one transaction
 * with the edits that turn every review card into "Withdrawn by …", so no champion reviews a
 * showcase that no longer exists. A published showcase stays (champions can take it down).
 */

/** "withdraw S3", "withdraw 3", "withdraw #3": what the showcase command's text may say. */
const WITHDRAW_TEXT = /^withdraw\s+[s#]?(\d{1,9})$/i;

/** The showcase number a command's text asks to withdraw, or null when it asks something else. */
export function withdrawNumber(text: string): number | null {
  const match = WITHDRAW_TEXT.exec(text.trim());
  return match?.[1] ? Number(match[1]) : null;
}

function closedNotice(ctx: RequestContext, showcase: Showcase): Card {
  const status = ctx.t(`showcases:status.${showcase.status}`);
  return noticeCard(ctx.t("showcases:withdraw.closed", { ref: showcaseRef(showcase), status }));
}

async function withdraw(ctx: RequestContext, showcase: Showcase): Promise<Card> {
  const ref = showcaseRef(showcase);
  if (showcase.submitterId !== ctx.actor.personId)
    throw new DomainError("forbidden", "showcases:withdraw.notYours", { ref });
  if (showcase.status === "published")
    throw new DomainError("conflict", "showcases:withdraw.published", { ref });
  if (showcase.status !== "pending_review" && showcase.status !== "changes_requested")
    return closedNotice(ctx, showcase);
  const config = await ctx.deps.directory.config(ctx.community.id);
  const now = ctx.deps.clock.now();
  const withdrawn = await ctx.deps.unitOfWork.run(async (tx) => {
    const changed = await tx.showcases.withdraw(showcase.id, showcase.status, now);
    if (!changed) return null;
    await tx.outbox.enqueue(
      await reviewCardEdits(tx.directory, changed, config, ctx.community.locale, changed.submitterName),
    );
    return changed;
  });
  // A champion decided between the read and the write: say what it is now.
  if (!withdrawn) {
    const current = await showcaseForRequest(ctx, showcase.id);
    if (current.status === "published")
      throw new DomainError("conflict", "showcases:withdraw.published", { ref });
    return closedNotice(ctx, current);
  }
  return noticeCard(ctx.t("showcases:withdraw.done", { ref, title: withdrawn.title }), "success");
}

/** The "Withdraw" button: the receipt or DM it sits on becomes the outcome. */
export async function withdrawShowcase(ctx: RequestContext, showcaseId: string): Promise<Reply> {
  return { kind: "update", card: await withdraw(ctx, await showcaseForRequest(ctx, showcaseId)) };
}

/** `/datadesk showcase withdraw S3`. */
export async function withdrawShowcaseByNumber(ctx: RequestContext, number: number): Promise<Reply> {
  const showcase = await ctx.deps.showcases.byNumber(ctx.community.id, number);
  if (!showcase) throw new DomainError("not_found", "showcases:withdraw.noSuchNumber", { ref: `S${number}` });
  return ephemeral(await withdraw(ctx, showcase));
}
