import type { Translate } from "../i18n/translator.js";
import type { OutboundMessage } from "../ports/outbox.js";
import type { CommentMirror, ProblemComment, ProblemThread } from "../ports/problem-thread-store.js";
import type { Card } from "../shared/card.js";
import type { Problem, ProblemEvent } from "./problem.js";
import { problemRef, statusLabel } from "./problem-cards.js";

/**
 * The outbox messages of a problem's conversation: a reply's copies in the problem's other
 * threads, their edits and removals, and triage moves told in every thread. Keys are stable, so
 * a redelivered event enqueues nothing new.
 */

/**
 * The version a removal carries: above any edit's, so the worker deletes a copy after every edit
 * and skips an edit that arrives after the removal. Postgres int4's maximum.
 */
export const REMOVED_VERSION = 2_147_483_647;

/** The thread's name on platforms that name threads (Discord). */
export function threadName(t: Translate, problem: Pick<Problem, "number" | "title">): string {
  return t("problemThreads:threadName", { ref: problemRef(problem), title: problem.title }).slice(0, 100);
}

/** "Ana on Discord: …": the whole comment is user text (a plain segment), escaped by every renderer. */
export function mirroredCommentCard(t: Translate, comment: ProblemComment): Card {
  const who = t("problemThreads:mirrored", {
    name: comment.authorName,
    platform: t(`problemThreads:platform.${comment.platform}`),
  });
  const edited = comment.version > 0 ? t("problemThreads:edited") : null;
  return {
    fallbackText: `${who} ${comment.body}`,
    blocks: [
      {
        type: "section",
        text: [
          { text: who, style: "bold" },
          " ",
          comment.body,
          ...(edited ? [" ", { text: edited, style: "italic" as const }] : []),
        ],
      },
    ],
  };
}

/** Every thread of the problem but the one the comment was written in. */
export function otherThreads(threads: readonly ProblemThread[], comment: ProblemComment): ProblemThread[] {
  return threads.filter(
    (thread) =>
      !(
        thread.platform === comment.platform &&
        (thread.platform === "slack"
          ? thread.channelId === comment.channelId
          : thread.threadId === comment.channelId)
      ),
  );
}

const mirrorKey = (commentId: string, thread: ProblemThread) =>
  `comment:${commentId}:${thread.platform}:${thread.id}`;

/** The copies of a new comment, and the mirror rows that remember them. */
export function commentCopies(
  t: Translate,
  communityId: string,
  comment: ProblemComment,
  threads: readonly ProblemThread[],
): { messages: OutboundMessage[]; mirrors: CommentMirror[] } {
  const card = mirroredCommentCard(t, comment);
  const messages: OutboundMessage[] = [];
  const mirrors: CommentMirror[] = [];
  for (const thread of otherThreads(threads, comment)) {
    const key = mirrorKey(comment.id, thread);
    mirrors.push({ commentId: comment.id, threadId: thread.id, platform: thread.platform, anchorKey: key });
    messages.push({
      dedupeKey: `${key}:post`,
      communityId,
      platform: thread.platform,
      target: { kind: "thread", channelId: thread.channelId, threadId: thread.threadId },
      card,
      anchor: { key, version: comment.version },
    });
  }
  return { messages, mirrors };
}

/** Edits of every copy to the comment's new text (its version orders them). */
export function commentCopyEdits(
  t: Translate,
  communityId: string,
  comment: ProblemComment,
  mirrors: readonly CommentMirror[],
): OutboundMessage[] {
  const card = mirroredCommentCard(t, comment);
  return mirrors.map((mirror) => ({
    dedupeKey: `${mirror.anchorKey}:v${comment.version}`,
    communityId,
    platform: mirror.platform,
    target: { kind: "anchor", key: mirror.anchorKey },
    card,
    anchor: { key: mirror.anchorKey, version: comment.version },
  }));
}

/** Removals of every copy of a deleted comment. */
export function commentCopyRemovals(
  communityId: string,
  mirrors: readonly CommentMirror[],
): OutboundMessage[] {
  return mirrors.map((mirror) => ({
    dedupeKey: `${mirror.anchorKey}:removed`,
    communityId,
    platform: mirror.platform,
    target: { kind: "removal", key: mirror.anchorKey },
    card: { fallbackText: "", blocks: [] },
    anchor: { key: mirror.anchorKey, version: REMOVED_VERSION },
  }));
}

/** A champion's triage move, told in each of the problem's threads. */
export function statusMovePosts(
  t: Translate,
  problem: Problem,
  event: ProblemEvent,
  actorName: string,
  threads: readonly ProblemThread[],
): OutboundMessage[] {
  const moved = t("problemThreads:statusMoved", {
    name: actorName,
    ref: problemRef(problem),
    status: statusLabel(t, problem.status),
  });
  const card: Card = {
    fallbackText: moved,
    blocks: [
      { type: "section", text: [moved] },
      ...(event.note
        ? [{ type: "context" as const, text: [t("problemThreads:statusNote", { note: event.note })] }]
        : []),
    ],
  };
  return threads.map((thread) => ({
    dedupeKey: `problem:${problem.id}:event:${event.id}:thread:${thread.id}`,
    communityId: problem.communityId,
    platform: thread.platform,
    target: { kind: "thread", channelId: thread.channelId, threadId: thread.threadId },
    card,
  }));
}
