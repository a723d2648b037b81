import type { RequestContext } from "../bot/request-context.js";
import type { Reply } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { CommandArgs } from "../shared/handlers.js";
import { checkIntakeLimits } from "./intake-limits.js";
import { type ProblemInput, problemForm, problemLimits } from "./problem-form.js";

/**
 * Opens the problem form: from `/datadesk problem` (`/problem` on Discord, with topic and
 * anonymity as options), under an answer ("Not what I need"), or from a message turned into
 * a problem (its text prefills the form).
 */
export async function startProblem(
  ctx: RequestContext,
  initial: Partial<Record<keyof ProblemInput, string>> = {},
  options: { topic?: string; anonymous?: boolean } = {},
): Promise<Reply> {
  const config = await ctx.deps.directory.config(ctx.community.id);
  await checkIntakeLimits(ctx, ctx.deps.problems, config);
  let topicIndex: number | null = null;
  if (options.topic && options.topic.trim() !== "") {
    const wanted = options.topic.trim().toLowerCase();
    topicIndex = config.topics.findIndex((topic) => topic.toLowerCase() === wanted);
    if (topicIndex === -1) {
      throw new DomainError("invalid_input", "problems:errors.unknownTopicNamed", {
        topic: options.topic.trim(),
        topics: config.topics.join(", ") || "—",
      });
    }
  }
  const form = problemForm(ctx.t, {
    platform: ctx.identity.platform,
    topics: config.topics,
    preset: { topicIndex, anonymous: options.anonymous === true },
    initial,
  });
  return { kind: "form", form };
}

export function problemCommand(ctx: RequestContext, args: CommandArgs): Promise<Reply> {
  const topic = typeof args.topic === "string" ? args.topic : undefined;
  const anonymous = args.anonymous === true || args.anonymous === "true";
  return startProblem(ctx, {}, { ...(topic ? { topic } : {}), anonymous });
}

/** "Turn into problem" on a message: the first line proposes a title, the text the description. */
export function problemFromMessage(ctx: RequestContext, text: string): Promise<Reply> {
  const clean = text.trim();
  const firstLine = clean.split("\n", 1)[0]?.trim() ?? "";
  const title =
    firstLine.length <= problemLimits.title.max
      ? firstLine
      : `${firstLine.slice(0, problemLimits.title.max - 1)}…`;
  return startProblem(ctx, { title, description: clean.slice(0, problemLimits.description.max) });
}
