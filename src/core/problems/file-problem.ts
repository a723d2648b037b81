import type { RequestContext } from "../bot/request-context.js";
import { invocationOf } from "../commands/invocation.js";
import { translator } from "../i18n/translator.js";
import type { CommunityConfig } from "../ports/community-directory.js";
import type { Card, Reply } from "../shared/card.js";
import { problemRef, publicProblemCard } from "./problem-cards.js";
import type { ProblemInput } from "./problem-form.js";
import { newProblemPosts } from "./problem-messages.js";
import { triagePings } from "./triage-routing.js";

/**
 * Files a problem: stores it (the submitter follows it), and in the same transaction queues its
 * card for every connected problems channel and the triage ping for champions. A crash after
 * the commit loses nothing; a crash before leaves nothing half-written.
 *
 * `as` says how to answer: a new ephemeral card (after the form) or an update of the
 * deflection card whose "File it anyway" was pressed (`draftId` is then taken once).
 */
export async function fileProblem(
  ctx: RequestContext,
  input: ProblemInput,
  config: CommunityConfig,
  as: "card" | "update",
  draftId?: string,
): Promise<Reply> {
  const { deps, actor, t } = ctx;
  const now = deps.clock.now();
  // The ping is for champions: written in the community's language, not the submitter's.
  const communityT = translator(ctx.community.locale);
  const pings = await triagePings(deps.directory, config, input.topic, now, () =>
    communityT(input.topic ? "problems:triage.pingTopic" : "problems:triage.ping", {
      topic: input.topic ?? "",
    }),
  );
  const problem = await deps.unitOfWork.run(async (tx) => {
    if (draftId && !(await tx.drafts.take(draftId, actor.personId))) return null;
    const created = await tx.problems.create(
      {
        communityId: ctx.community.id,
        submitterId: actor.personId,
        platform: ctx.identity.platform,
        ...input,
      },
      now,
    );
    await tx.outbox.enqueue(newProblemPosts(created, config, ctx.community.locale, pings));
    return created;
  });
  if (!problem) return { kind: "update", card: textCard(t("problems:deflect.alreadyDone")) };

  const posted = config.channels.some((c) => c.problemChannelId);
  const thanks = t(posted ? "problems:filed.thanksPosted" : "problems:filed.thanks", {
    ref: problemRef(problem),
  });
  const card: Card = {
    fallbackText: thanks,
    accent: "success",
    blocks: [
      { type: "section", text: [thanks] },
      ...publicProblemCard(problem, { t, timezone: config.timezone }).blocks.filter(
        (b) => b.type !== "actions",
      ),
      {
        type: "context",
        text: [
          t("problems:filed.followHint", { mine: invocationOf(ctx.identity.platform, "problems mine") }),
        ],
      },
    ],
  };
  return as === "update" ? { kind: "update", card } : { kind: "card", visibility: "ephemeral", card };
}

function textCard(text: string): Card {
  return { fallbackText: text, blocks: [{ type: "section", text: [text] }] };
}
