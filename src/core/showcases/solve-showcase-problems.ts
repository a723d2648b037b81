import type { RequestContext } from "../bot/request-context.js";
import { translator } from "../i18n/translator.js";
import { requireRole } from "../people/roles.js";
import type { OutboundMessage } from "../ports/outbox.js";
import { changeProblemStatus } from "../problems/change-status.js";
import { isOpen, type Problem } from "../problems/problem.js";
import { directMessages } from "../problems/problem-messages.js";
import type { Reply } from "../shared/card.js";
import { noticeCard } from "../shared/card.js";
import type { Showcase, ShowcaseProblemRef } from "./showcase.js";
import { showcaseForRequest } from "./showcase-access.js";
import { problemRefs, solvedByShowcaseNote } from "./showcase-cards.js";

/**
 * Lineage: once a showcase that addresses problems is published, the reviewer is asked whether
 * those problems are now solved. Confirming closes each still-open one as solved through the
 * problems' own status change (card edits, one DM per follower keyed by the event), with the
 * showcase named and linked in the event's note; voters who do not follow are told too, under
 * the same per-event key, so nobody hears twice. A second press finds them closed and says so.
 */

/** The showcase's problems that are still open and visible, as they are now. */
export async function openProblemsOf(ctx: RequestContext, showcase: Showcase): Promise<Problem[]> {
  const found = await Promise.all(showcase.problems.map((p) => ctx.deps.problems.byId(p.id)));
  return found.filter(
    (p): p is Problem => p !== null && p.communityId === ctx.community.id && !p.hidden && isOpen(p.status),
  );
}

function voterDm(ctx: RequestContext, showcase: Showcase, problem: Problem, locale: string) {
  const t = translator(locale);
  const text = t("showcases:dm.problemSolved", {
    ref: `#${problem.number}`,
    title: problem.title,
    name: ctx.actor.displayName,
  });
  return {
    fallbackText: text,
    accent: "success" as const,
    blocks: [
      { type: "section" as const, text: [text] },
      { type: "section" as const, text: [{ text: solvedByShowcaseNote(t, showcase), href: showcase.link }] },
    ],
  };
}

export async function solveShowcaseProblems(ctx: RequestContext, showcaseId: string): Promise<Reply> {
  requireRole(ctx.actor, ["champion"]);
  const showcase = await showcaseForRequest(ctx, showcaseId);
  if (showcase.status !== "published")
    return { kind: "update", card: noticeCard(ctx.t("showcases:solve.notPublished")) };
  const open = await openProblemsOf(ctx, showcase);
  if (open.length === 0) {
    return {
      kind: "update",
      card: noticeCard(ctx.t("showcases:solve.nothingOpen", { refs: problemRefs(showcase.problems) })),
    };
  }
  const config = await ctx.deps.directory.config(ctx.community.id);
  // Recorded on each problem's history, in the community's language: it is shown to everyone.
  const note = solvedByShowcaseNote(translator(ctx.community.locale), showcase);
  const solved: ShowcaseProblemRef[] = [];
  let told = 0;
  for (const problem of open) {
    const result = await changeProblemStatus(
      ctx,
      problem,
      { to: "solved", note },
      config,
      async (tx, changed): Promise<OutboundMessage[]> => {
        const followers = new Set(await tx.problems.followerIds(problem.id));
        const voters = (await tx.showcases.problemVoterIds(problem.id)).filter(
          (id) => !followers.has(id) && id !== ctx.actor.personId,
        );
        return directMessages(tx.directory, voters, {
          key: `problem:${problem.id}:event:${changed.event.id}`,
          communityId: ctx.community.id,
          communityLocale: ctx.community.locale,
          card: (locale) => voterDm(ctx, showcase, changed.problem, locale),
        });
      },
    );
    if (!result) continue;
    solved.push({ id: problem.id, number: problem.number, title: problem.title });
    told += result.notified;
  }
  if (solved.length === 0) {
    return {
      kind: "update",
      card: noticeCard(ctx.t("showcases:solve.nothingOpen", { refs: problemRefs(showcase.problems) })),
    };
  }
  return {
    kind: "update",
    card: noticeCard(ctx.t("showcases:solve.done", { refs: problemRefs(solved), count: told }), "success"),
  };
}
