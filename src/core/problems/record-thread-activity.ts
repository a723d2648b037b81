import type { CoreDeps } from "../bot/core-deps.js";
import type { RequestContext } from "../bot/request-context.js";
import { translator } from "../i18n/translator.js";
import type { ProblemThread } from "../ports/problem-thread-store.js";
import type { TransactionStores } from "../ports/unit-of-work.js";
import type { Platform } from "../shared/platform.js";
import { commentCopies, commentCopyEdits, commentCopyRemovals } from "./problem-thread-messages.js";
import type { ThreadActivity, threadActivitySchema } from "./thread-activity.js";

type Parsed<K extends ThreadActivity["kind"]> = Extract<
  ReturnType<typeof threadActivitySchema.parse>,
  { kind: K }
>;

/**
 * What happened in a problem's thread, and what it causes. One outcome per activity, so tests
 * (and logs) can tell a mirrored reply from a redelivery.
 *
 * - `mirrored`: stored (or changed), with this many copies queued for the other threads;
 * - `unchanged`: already stored as it is (a Slack retry, a gateway replay, an edit to the same text);
 * - `not-a-problem-thread`: a thread, but not one of a problem card we posted (or another community's).
 */
export type ThreadActivityOutcome =
  | { kind: "mirrored"; copies: number }
  | { kind: "unchanged" }
  | { kind: "not-a-problem-thread" };

/**
 * A reply in a problem card's thread becomes a comment on the problem, and a copy of it is
 * queued for each of the problem's other threads (the other platform's, other workspaces'), in
 * one unit of work with the mirror rows that let its edits and deletion follow. The comment is
 * unique per platform message, so whatever the platform redelivers is stored and copied once.
 */
export async function recordThreadReply(
  ctx: RequestContext,
  reply: Parsed<"reply">,
): Promise<ThreadActivityOutcome> {
  const { deps, actor, community } = ctx;
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (tx) => {
    const thread = await tx.threads.threadAt(reply.identity.platform, reply.place);
    if (!thread) return { kind: "not-a-problem-thread" };
    const problem = await tx.problems.byId(thread.problemId);
    if (!problem || problem.communityId !== community.id) return { kind: "not-a-problem-thread" };
    const comment = await tx.threads.addComment({
      problemId: problem.id,
      authorPersonId: actor.personId,
      platform: reply.identity.platform,
      channelId: messageChannel(thread, reply.place),
      platformMessageId: reply.messageId,
      body: reply.text,
      at: now,
    });
    if (!comment) return { kind: "unchanged" };
    const threads = await tx.threads.threadsOf(problem.id);
    const t = translator(community.locale);
    const { messages, mirrors } = commentCopies(t, community.id, comment, threads);
    await tx.threads.recordMirrors(mirrors, now);
    await tx.outbox.enqueue(messages);
    return { kind: "mirrored", copies: messages.length };
  });
}

/**
 * An edit or a deletion of a reply: the comment changes once (a compare-and-set on its text, or
 * on not being deleted yet) and its copies are edited or removed. Platforms send these without
 * a person to resolve (Discord's MESSAGE_DELETE names no author), and only for the message's own
 * author or a moderator, so the message id is all that is needed.
 */
export async function followThreadChange(
  deps: Pick<CoreDeps, "unitOfWork" | "clock">,
  change: Parsed<"edit"> | Parsed<"delete">,
): Promise<ThreadActivityOutcome> {
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (tx) => {
    const thread = await tx.threads.threadAt(change.platform, change.place);
    if (!thread) return { kind: "not-a-problem-thread" };
    const stored = await tx.threads.commentAt(
      change.platform,
      messageChannel(thread, change.place),
      change.messageId,
    );
    if (!stored) return { kind: "unchanged" };
    const comment =
      change.kind === "edit"
        ? await tx.threads.editComment(stored.id, change.text, now)
        : await tx.threads.deleteComment(stored.id, now);
    if (!comment) return { kind: "unchanged" };
    const mirrors = await tx.threads.mirrorsOf(comment.id);
    const communityId = await communityOf(tx, comment.problemId);
    if (!communityId) return { kind: "unchanged" };
    const messages =
      change.kind === "edit"
        ? commentCopyEdits(
            translator((await tx.directory.config(communityId)).locale),
            communityId,
            comment,
            mirrors,
          )
        : commentCopyRemovals(communityId, mirrors);
    await tx.outbox.enqueue(messages);
    return { kind: "mirrored", copies: messages.length };
  });
}

async function communityOf(tx: TransactionStores, problemId: string): Promise<string | null> {
  return (await tx.problems.byId(problemId))?.communityId ?? null;
}

/** The conversation a reply is in, as comments record it: Slack's channel, Discord's thread channel. */
function messageChannel(thread: ProblemThread, place: { channelId?: string | undefined; threadId: string }) {
  return platformKeepsRepliesInChannel(thread.platform)
    ? (place.channelId ?? thread.channelId)
    : place.threadId;
}

function platformKeepsRepliesInChannel(platform: Platform): boolean {
  return platform === "slack";
}
