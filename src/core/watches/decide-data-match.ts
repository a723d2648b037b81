import type { RequestContext } from "../bot/request-context.js";
import { requireRole } from "../people/roles.js";
import { linkDatasetToProblem } from "../problems/link-dataset.js";
import { notice, problemRef } from "../problems/problem-cards.js";
import type { Reply } from "../shared/card.js";

const DECIDERS = ["champion", "admin"] as const;

/**
 * A champion's answer to "New data may answer #12": Link goes through the problems' own dataset
 * link (submitter and followers told once); Not a match records the pair as rejected, so it is
 * never suggested again. Either is a compare-and-set on the suggested state: a second click, or a
 * champion on the other platform, changes nothing. The pressed card loses its buttons.
 */
export async function decideDataMatch(
  ctx: RequestContext,
  matchId: string,
  to: "linked" | "rejected",
): Promise<Reply> {
  requireRole(ctx.actor, DECIDERS);
  const { deps } = ctx;
  const match = /^[0-9a-f-]{36}$/i.test(matchId) ? await deps.dataMatches.byId(matchId) : null;
  const problem = match ? await deps.problems.byId(match.problemId) : null;
  const dataset = match && problem ? await deps.datasetLookup.byId(ctx.community.id, match.datasetId) : null;
  if (!match || !problem || problem.communityId !== ctx.community.id || !dataset)
    return { kind: "update", card: notice(ctx.t("watches:match.gone"), "warning") };
  const text = { ref: problemRef(problem), dataset: dataset.title };
  const now = deps.clock.now();
  if (to === "rejected") {
    const decided = await deps.unitOfWork.run((tx) =>
      tx.dataMatches.decide(match.id, "rejected", ctx.actor.personId, now),
    );
    return decided
      ? { kind: "update", card: notice(ctx.t("watches:match.rejected", text)) }
      : { kind: "update", card: notice(ctx.t("watches:match.alreadyDecided"), "warning") };
  }
  const outcome = await linkDatasetToProblem(ctx, problem, dataset, (tx) =>
    tx.dataMatches.decide(match.id, "linked", ctx.actor.personId, now),
  );
  return outcome === "refused"
    ? { kind: "update", card: notice(ctx.t("watches:match.alreadyDecided"), "warning") }
    : { kind: "update", card: notice(ctx.t("watches:match.linked", text), "success") };
}
