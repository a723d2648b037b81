import type { RequestContext } from "../bot/request-context.js";
import { translator } from "../i18n/translator.js";
import { requireRole } from "../people/roles.js";
import type { CommunityConfig } from "../ports/community-directory.js";
import type { Reply } from "../shared/card.js";
import { noticeCard } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import { changeProblemStatus } from "./change-status.js";
import { canTransition, type Problem, type ProblemStatus } from "./problem.js";
import { problemForRequest } from "./problem-access.js";
import { problemRef, statusLabel, triageProblemCard } from "./problem-cards.js";
import { problemCardUpdates } from "./problem-messages.js";

/** Champions and admins triage; anyone else is told so and nothing changes. */
export const TRIAGE_ROLES = ["champion"] as const;

export async function problemForTriage(ctx: RequestContext, problemId: string): Promise<Problem> {
  requireRole(ctx.actor, TRIAGE_ROLES);
  return problemForRequest(ctx, problemId);
}

/** Refuses a move the status does not allow, naming both statuses. */
export function assertTransition(ctx: RequestContext, problem: Problem, to: ProblemStatus): void {
  if (!canTransition(problem.status, to)) {
    throw new DomainError("conflict", "problems:errors.illegalTransition", {
      ref: problemRef(problem),
      from: statusLabel(ctx.t, problem.status),
      to: statusLabel(ctx.t, to),
    });
  }
}

function triageUpdate(ctx: RequestContext, config: CommunityConfig, problem: Problem, text: string): Reply {
  const card = triageProblemCard(problem, { t: translator(ctx.community.locale), timezone: config.timezone });
  return { kind: "update", card, notice: noticeCard(text) };
}

/** "Triage" on a public card: the champion's own view with every allowed move. */
export async function showTriage(ctx: RequestContext, problemId: string): Promise<Reply> {
  const problem = await problemForTriage(ctx, problemId);
  const config = await ctx.deps.directory.config(ctx.community.id);
  return {
    kind: "card",
    visibility: "ephemeral",
    card: triageProblemCard(problem, { t: ctx.t, timezone: config.timezone }),
  };
}

/**
 * Accept, in progress, solved, reopen: moves that need no words. Pressing the same button again
 * (a double click, a retry) finds the problem already there and changes nothing.
 */
export async function moveProblem(ctx: RequestContext, problemId: string, to: ProblemStatus): Promise<Reply> {
  const problem = await problemForTriage(ctx, problemId);
  const config = await ctx.deps.directory.config(ctx.community.id);
  if (problem.status === to) {
    return triageUpdate(
      ctx,
      config,
      problem,
      ctx.t("problems:triage.alreadyThere", { ref: problemRef(problem), status: statusLabel(ctx.t, to) }),
    );
  }
  assertTransition(ctx, problem, to);
  const result = await changeProblemStatus(ctx, problem, { to, note: null }, config);
  if (!result) {
    const fresh = await problemForRequest(ctx, problemId);
    return triageUpdate(
      ctx,
      config,
      fresh,
      ctx.t("problems:triage.changedMeanwhile", { ref: problemRef(fresh) }),
    );
  }
  return triageUpdate(
    ctx,
    config,
    result.problem,
    ctx.t("problems:triage.moved", {
      ref: problemRef(result.problem),
      status: statusLabel(ctx.t, to),
      count: result.notified,
    }),
  );
}

/** Hide (spam, personal data posted by mistake) or show again: champions only, recorded. */
export async function setProblemHidden(
  ctx: RequestContext,
  problemId: string,
  hidden: boolean,
): Promise<Reply> {
  const problem = await problemForTriage(ctx, problemId);
  const config = await ctx.deps.directory.config(ctx.community.id);
  if (problem.hidden === hidden)
    return triageUpdate(
      ctx,
      config,
      problem,
      ctx.t(hidden ? "problems:triage.hidden" : "problems:triage.unhidden", { ref: problemRef(problem) }),
    );
  const now = ctx.deps.clock.now();
  const updated = await ctx.deps.unitOfWork.run(async (tx) => {
    const changed = await tx.problems.setHidden(problem.id, hidden);
    await tx.problems.recordEvent(problem.id, {
      kind: hidden ? "hidden" : "unhidden",
      actorId: ctx.actor.personId,
      note: null,
      at: now,
    });
    await tx.outbox.enqueue(problemCardUpdates(changed, config, ctx.community.locale));
    return changed;
  });
  return triageUpdate(
    ctx,
    config,
    updated,
    ctx.t(hidden ? "problems:triage.hidden" : "problems:triage.unhidden", { ref: problemRef(updated) }),
  );
}
