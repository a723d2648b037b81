import type { RequestContext } from "../bot/request-context.js";
import { DomainError } from "../shared/domain-error.js";
import type { Problem } from "./problem.js";

/**
 * The problem a button or form refers to, if it belongs to the asker's community. Ids come back
 * from platforms, so anything unknown or foreign is simply "not found".
 */
export async function problemForRequest(ctx: RequestContext, problemId: string): Promise<Problem> {
  const problem = /^[0-9a-f-]{36}$/i.test(problemId) ? await ctx.deps.problems.byId(problemId) : null;
  if (!problem || problem.communityId !== ctx.community.id) {
    throw new DomainError("not_found", "problems:errors.notFound");
  }
  return problem;
}

/** "#12", "12" → 12; null for anything else. */
export function parseProblemNumber(text: string): number | null {
  const match = /^\s*#?\s*(\d{1,9})\s*$/.exec(text);
  return match ? Number(match[1]) : null;
}
