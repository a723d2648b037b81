import type { RequestContext } from "../bot/request-context.js";
import { hasRole } from "../people/roles.js";
import type { CommunityConfig } from "../ports/community-directory.js";
import type { ProblemStore } from "../ports/problem-store.js";
import { DomainError } from "../shared/domain-error.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Anti-spam: a member waits `cooldownMinutes` between problems and files at most `dailyCap`
 * in 24 hours. Champions and admins are exempt (they file on behalf of others at meetings).
 * Checked when the form opens, so nobody types a problem for nothing, and again when filing.
 */
export async function checkIntakeLimits(
  ctx: RequestContext,
  problems: Pick<ProblemStore, "submissionsSince">,
  config: CommunityConfig,
): Promise<void> {
  if (hasRole(ctx.actor, "champion")) return;
  const now = ctx.deps.clock.now();
  const { count, latestAt } = await problems.submissionsSince(
    ctx.community.id,
    ctx.actor.personId,
    new Date(now.getTime() - DAY_MS),
  );
  if (count >= config.intake.dailyCap) {
    throw new DomainError("rate_limited", "problems:errors.dailyCap", { cap: config.intake.dailyCap });
  }
  if (latestAt && config.intake.cooldownMinutes > 0) {
    const waitMs = latestAt.getTime() + config.intake.cooldownMinutes * 60_000 - now.getTime();
    if (waitMs > 0) {
      throw new DomainError("rate_limited", "problems:errors.cooldown", {
        minutes: Math.ceil(waitMs / 60_000),
      });
    }
  }
}
