import type { RequestContext } from "../bot/request-context.js";
import { translator } from "../i18n/translator.js";
import type { Card, Reply } from "../shared/card.js";
import { noticeCard } from "../shared/card.js";
import { isOpen } from "./problem.js";
import { problemForRequest } from "./problem-access.js";
import { type CardContext, problemRef, publicProblemCard } from "./problem-cards.js";
import { problemCardUpdates } from "./problem-messages.js";

/**
 * One vote per person, counted once across Slack and Discord for linked accounts (a vote
 * belongs to the person, not the account). The pressed card updates at once; every other copy
 * of it (the other platform's channel, the triage channel) is edited through the outbox.
 */
export async function voteProblem(
  ctx: RequestContext,
  problemId: string,
  from: "card" | "deflection" = "card",
): Promise<Reply> {
  const { deps, t } = ctx;
  const found = await problemForRequest(ctx, problemId);
  const config = await deps.directory.config(ctx.community.id);
  const channelCtx: CardContext = { t: translator(ctx.community.locale), timezone: config.timezone };
  if (found.hidden || !isOpen(found.status)) {
    const text = t("problems:vote.closed", { ref: problemRef(found) });
    return from === "card"
      ? { kind: "update", card: publicProblemCard(found, channelCtx), notice: noticeCard(text) }
      : { kind: "card", visibility: "ephemeral", card: noticeCard(text) };
  }
  const now = deps.clock.now();
  const { counted, problem, following } = await deps.unitOfWork.run(async (tx) => {
    const result = await tx.problems.vote(found.id, ctx.actor.personId, now);
    // Voting from the "similar problems" list means "this is my problem too": follow it as well.
    if (from === "deflection") await tx.problems.follow(found.id, ctx.actor.personId, now);
    if (result.counted)
      await tx.outbox.enqueue(problemCardUpdates(result.problem, config, ctx.community.locale));
    return { ...result, following: await tx.problems.isFollowing(found.id, ctx.actor.personId) };
  });
  const text = counted
    ? t("problems:vote.counted", { ref: problemRef(problem), count: problem.voteCount })
    : t("problems:vote.already", { ref: problemRef(problem) });
  const feedback: Card = noticeCard(text, counted ? "success" : undefined);
  if (!following) {
    feedback.blocks.push({
      type: "actions",
      actions: [
        {
          kind: "button",
          actionId: "problem.follow",
          label: t("problems:buttons.follow"),
          value: problem.id,
        },
      ],
    });
  } else {
    feedback.blocks.push({ type: "context", text: [t("problems:vote.following")] });
  }
  if (from === "deflection") return { kind: "update", card: feedback };
  return { kind: "update", card: publicProblemCard(problem, channelCtx), notice: feedback };
}

/** Follow: a DM on every status change. Pressing it again offers to stop. */
export async function followProblem(ctx: RequestContext, problemId: string): Promise<Reply> {
  const problem = await problemForRequest(ctx, problemId);
  const added = await ctx.deps.problems.follow(problem.id, ctx.actor.personId, ctx.deps.clock.now());
  const card = noticeCard(
    ctx.t(added ? "problems:follow.added" : "problems:follow.already", { ref: problemRef(problem) }),
    added ? "success" : undefined,
  );
  if (!added) {
    card.blocks.push({
      type: "actions",
      actions: [
        {
          kind: "button",
          actionId: "problem.unfollow",
          label: ctx.t("problems:buttons.unfollow"),
          value: problem.id,
        },
      ],
    });
  }
  return { kind: "card", visibility: "ephemeral", card };
}

export async function unfollowProblem(ctx: RequestContext, problemId: string): Promise<Reply> {
  const problem = await problemForRequest(ctx, problemId);
  await ctx.deps.problems.unfollow(problem.id, ctx.actor.personId);
  return { kind: "update", card: noticeCard(ctx.t("problems:follow.removed", { ref: problemRef(problem) })) };
}
