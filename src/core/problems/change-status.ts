import type { RequestContext } from "../bot/request-context.js";
import type { Translate } from "../i18n/translator.js";
import { translator } from "../i18n/translator.js";
import type { CommunityConfig } from "../ports/community-directory.js";
import type { OutboundMessage } from "../ports/outbox.js";
import type { StatusChange } from "../ports/problem-store.js";
import type { TransactionStores } from "../ports/unit-of-work.js";
import type { Card, CardBlock } from "../shared/card.js";
import type { Problem, ProblemEvent, ProblemStatus } from "./problem.js";
import { problemRef, statusLabel } from "./problem-cards.js";
import { directMessages, problemCardUpdates } from "./problem-messages.js";
import { statusMovePosts } from "./problem-thread-messages.js";

export interface StatusChangeResult {
  problem: Problem;
  event: ProblemEvent;
  /** How many people were told by DM. */
  notified: number;
}

/** The DM a follower gets when a problem they follow changes status. */
function statusDm(
  t: Translate,
  after: Problem,
  event: ProblemEvent,
  actorName: string,
  forSubmitter: boolean,
): Card {
  const ref = problemRef(after);
  const status = statusLabel(t, after.status);
  const blocks: CardBlock[] = [
    { type: "header", text: `${ref} · ${after.title}` },
    { type: "section", text: [t("problems:dm.statusChanged", { ref, status, name: actorName })] },
  ];
  if (after.status === "needs_info" && forSubmitter && event.note) {
    blocks.push({
      type: "section",
      text: [{ text: t("problems:dm.question"), style: "bold" }, " ", event.note],
    });
    blocks.push({
      type: "actions",
      actions: [
        {
          kind: "button",
          actionId: "problem.answer",
          label: t("problems:buttons.answer"),
          value: after.id,
          style: "primary",
        },
      ],
    });
  } else if (after.status === "declined" && after.decline) {
    const reason = t(`problems:declineReasons.${after.decline.reason}`);
    blocks.push({
      type: "section",
      text: [reason, ...(after.decline.detail ? [" — ", after.decline.detail] : [])],
    });
  } else if (after.status === "duplicate" && after.duplicateOf) {
    blocks.push({
      type: "section",
      text: [t("problems:dm.duplicate", { ref: problemRef(after.duplicateOf) })],
    });
  } else if (event.note) {
    blocks.push({ type: "section", text: [event.note] });
  }
  if (!(after.status === "needs_info" && forSubmitter)) {
    blocks.push({
      type: "actions",
      actions: [
        {
          kind: "button",
          actionId: "problem.unfollow",
          label: t("problems:buttons.unfollow"),
          value: after.id,
        },
      ],
    });
  }
  return { fallbackText: t("problems:dm.statusChanged", { ref, status, name: actorName }), blocks };
}

/**
 * Moves a problem to a new status and, in the same transaction, queues the card edits and one
 * DM per follower (the person acting excepted). Returns null when the problem is no longer in
 * the status the champion saw (a second click, another champion first): nothing is written.
 * Followers are read before the change, since a duplicate hands them to the original.
 */
export async function changeProblemStatus(
  ctx: RequestContext,
  problem: Problem,
  change: Omit<StatusChange, "from" | "actorId" | "at"> & { to: ProblemStatus },
  config: CommunityConfig,
  extra?: (
    tx: TransactionStores,
    result: { problem: Problem; event: ProblemEvent },
  ) => Promise<OutboundMessage[]>,
): Promise<StatusChangeResult | null> {
  const { deps, actor } = ctx;
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (tx) => {
    const followers = (await tx.problems.followerIds(problem.id)).filter((id) => id !== actor.personId);
    const result = await tx.problems.changeStatus(problem.id, {
      ...change,
      from: problem.status,
      actorId: actor.personId,
      at: now,
    });
    if (!result) return null;
    const messages = [
      ...problemCardUpdates(result.problem, config, ctx.community.locale),
      // The move is told in the problem's conversation too, on every platform.
      ...statusMovePosts(
        translator(ctx.community.locale),
        result.problem,
        result.event,
        actor.displayName,
        await tx.threads.threadsOf(problem.id),
      ),
    ];
    if (
      change.to === "needs_info" &&
      !followers.includes(result.problem.submitterId) &&
      result.problem.submitterId !== actor.personId
    ) {
      followers.push(result.problem.submitterId);
    }
    messages.push(
      ...(await directMessages(tx.directory, followers, {
        key: `problem:${problem.id}:event:${result.event.id}`,
        communityId: ctx.community.id,
        communityLocale: ctx.community.locale,
        // Per recipient, in their language; the submitter of a needs-info gets the question.
        card: (locale, personId) =>
          statusDm(
            translator(locale),
            result.problem,
            result.event,
            actor.displayName,
            personId === result.problem.submitterId,
          ),
      })),
    );
    if (extra) messages.push(...(await extra(tx, result)));
    await tx.outbox.enqueue(messages);
    return { ...result, notified: messages.filter((m) => m.target.kind === "user").length };
  });
}
