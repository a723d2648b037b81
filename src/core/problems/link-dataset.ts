import type { RequestContext } from "../bot/request-context.js";
import { translator } from "../i18n/translator.js";
import type { TransactionStores } from "../ports/unit-of-work.js";
import { noticeCard } from "../shared/card.js";
import type { Problem } from "./problem.js";
import { problemRef } from "./problem-cards.js";
import { directMessages, problemCardUpdates } from "./problem-messages.js";

export type LinkOutcome = "linked" | "already_linked" | "refused";

/**
 * Links a dataset to a problem: the link, its event, the card edits and one DM to the submitter
 * and each follower (the champion acting excepted), keyed by the event, all in one unit of work.
 * Both the triage "Link dataset" form and a data match's Link button go through here, so people
 * are told the same way, once. `first` runs inside the same unit (a match's compare-and-set):
 * when it answers false nothing is written.
 */
export async function linkDatasetToProblem(
  ctx: RequestContext,
  problem: Problem,
  dataset: { id: string; title: string },
  first?: (tx: TransactionStores) => Promise<boolean>,
): Promise<LinkOutcome> {
  const config = await ctx.deps.directory.config(ctx.community.id);
  const now = ctx.deps.clock.now();
  return ctx.deps.unitOfWork.run(async (tx) => {
    if (first && !(await first(tx))) return "refused";
    if (!(await tx.problems.linkDataset(problem.id, dataset.id))) return "already_linked";
    const event = await tx.problems.recordEvent(problem.id, {
      kind: "dataset_linked",
      actorId: ctx.actor.personId,
      note: dataset.title,
      at: now,
    });
    const fresh = await tx.problems.byId(problem.id);
    if (fresh) await tx.outbox.enqueue(problemCardUpdates(fresh, config, ctx.community.locale));
    const followers = (await tx.problems.followerIds(problem.id)).filter((id) => id !== ctx.actor.personId);
    await tx.outbox.enqueue(
      await directMessages(tx.directory, followers, {
        key: `problem:${problem.id}:event:${event.id}`,
        communityId: ctx.community.id,
        communityLocale: ctx.community.locale,
        card: (locale) =>
          noticeCard(
            translator(locale)("problems:dm.datasetLinked", {
              ref: problemRef(problem),
              title: problem.title,
              dataset: dataset.title,
            }),
          ),
      }),
    );
    return "linked";
  });
}
