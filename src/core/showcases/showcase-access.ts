import type { RequestContext } from "../bot/request-context.js";
import { type Actor, hasRole } from "../people/roles.js";
import { DomainError } from "../shared/domain-error.js";
import type { Showcase } from "./showcase.js";

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isShowcaseId(value: string): boolean {
  return ID.test(value);
}

/**
 * The showcase a button or form refers to, if it belongs to the asker's community. Ids come
 * back from platforms, so anything unknown or foreign is simply "not found".
 */
export async function showcaseForRequest(ctx: RequestContext, showcaseId: string): Promise<Showcase> {
  const showcase = isShowcaseId(showcaseId) ? await ctx.deps.showcases.byId(showcaseId) : null;
  if (!showcase || showcase.communityId !== ctx.community.id) {
    throw new DomainError("not_found", "showcases:errors.notFound");
  }
  return showcase;
}

/** Why someone may not review a showcase; null when they may. */
export type ReviewRefusal = "own_showcase" | "not_champion";

/**
 * Champions and admins review. Nobody reviews their own showcase, whatever their roles: a
 * champion's project is published on another champion's word, like anyone else's.
 */
export function reviewRefusal(
  actor: Pick<Actor, "personId" | "roles">,
  showcase: Pick<Showcase, "submitterId">,
): ReviewRefusal | null {
  if (actor.personId === showcase.submitterId) return "own_showcase";
  if (!hasRole(actor as Actor, "champion")) return "not_champion";
  return null;
}

/** The showcase, if the asker may review it; a kind refusal otherwise. */
export async function showcaseForReview(ctx: RequestContext, showcaseId: string): Promise<Showcase> {
  if (!hasRole(ctx.actor, "champion")) throw new DomainError("forbidden", "showcases:errors.notChampion");
  const showcase = await showcaseForRequest(ctx, showcaseId);
  const refusal = reviewRefusal(ctx.actor, showcase);
  if (refusal === "own_showcase") throw new DomainError("forbidden", "showcases:errors.ownShowcase");
  if (refusal) throw new DomainError("forbidden", "showcases:errors.notChampion");
  return showcase;
}
