import type { RequestContext } from "../bot/request-context.js";
import { requireRole } from "../people/roles.js";
import type { TransactionStores } from "../ports/unit-of-work.js";
import { linkDatasetToProblem } from "../problems/link-dataset.js";
import { problemRef } from "../problems/problem-cards.js";
import type { Reply } from "../shared/card.js";
import { noticeCard } from "../shared/card.js";
import { dataMatchDecidedEdits } from "./match-cards.js";

const DECIDERS = ["champion", "admin"] as const;

/**
 * A champion's answer to "New data may answer #12": Link goes through the problems' own dataset
 * link (submitter and followers told once); Not a match records the pair as rejected, so it is
 * never suggested again. Either is a compare-and-set on the suggested state: a second click, or a
 * champion on the other platform, changes nothing. The pressed card loses its buttons, and
 * the other triage posts are edited to the decision.
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
    return { kind: "update", card: noticeCard(ctx.t("watches:match.gone"), "warning") };
  const text = { ref: problemRef(problem), dataset: dataset.title };
  const now = deps.clock.now();
  const config = await deps.directory.config(ctx.community.id);
  // The decision and the edits of every triage post commit together, only when it decided.
  const decide = async (tx: TransactionStores) => {
    if (!(await tx.dataMatches.decide(match.id, to, ctx.actor.personId, now))) return false;
    const key = to === "linked" ? "watches:match.linked" : "watches:match.rejected";
    await tx.outbox.enqueue(dataMatchDecidedEdits(match, config, (t) => t(key, text), ctx.community.id));
    return true;
  };
  if (to === "rejected") {
    const decided = await deps.unitOfWork.run(decide);
    return decided
      ? { kind: "update", card: noticeCard(ctx.t("watches:match.rejected", text)) }
      : { kind: "update", card: noticeCard(ctx.t("watches:match.alreadyDecided"), "warning") };
  }
  const outcome = await linkDatasetToProblem(ctx, problem, dataset, decide);
  return outcome === "refused"
    ? { kind: "update", card: noticeCard(ctx.t("watches:match.alreadyDecided"), "warning") }
    : { kind: "update", card: noticeCard(ctx.t("watches:match.linked", text), "success") };
}
