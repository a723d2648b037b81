import type { Platform } from "../shared/platform.js";

/** Where one problem card's conversation lives on one platform. */
export interface ProblemThread {
  id: string;
  problemId: string;
  platform: Platform;
  /** The card's channel. */
  channelId: string;
  /** The card's message (Slack ts, Discord message id). */
  messageId: string;
  /** Slack: the card's ts, which replies name as thread_ts; Discord: the thread channel's id. */
  threadId: string;
}

export interface ProblemComment {
  id: string;
  problemId: string;
  authorPersonId: string;
  /** The author's name as the community knows it (for mirrored copies). */
  authorName: string;
  platform: Platform;
  channelId: string;
  platformMessageId: string;
  body: string;
  /** 0 as written, +1 per edit: the version of every mirrored copy's card. */
  version: number;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}

export interface NewComment {
  problemId: string;
  authorPersonId: string;
  platform: Platform;
  channelId: string;
  platformMessageId: string;
  body: string;
  at: Date;
}

/** A bot-posted copy of a comment in another thread (an outbox post under `anchorKey`). */
export interface CommentMirror {
  commentId: string;
  threadId: string;
  platform: Platform;
  anchorKey: string;
}

/**
 * Problem threads and the comments written in them. It exists so a reply on one platform can be
 * found again (which problem is this thread?), stored once whatever the platform redelivers, and
 * followed by its copies on the other platforms when it is edited or deleted. Writes that cause
 * messages go through the unit of work (`TransactionStores.threads`).
 */
export interface ProblemThreadStore {
  /**
   * The thread at this place. Slack gives the channel and thread_ts; Discord only the thread
   * channel (`channelId` undefined), whose id is unique on its own.
   */
  threadAt(
    platform: Platform,
    place: { channelId?: string | undefined; threadId: string },
  ): Promise<ProblemThread | null>;
  threadsOf(problemId: string): Promise<ProblemThread[]>;
  /** Stores a new comment; null when this platform message is already stored (a redelivery). */
  addComment(comment: NewComment): Promise<ProblemComment | null>;
  /**
   * The comment written as this platform message, or null. `channelId` as in `addComment`.
   */
  commentAt(platform: Platform, channelId: string, platformMessageId: string): Promise<ProblemComment | null>;
  /**
   * Replaces a comment's body and bumps its version; null when nothing changed (same text, a
   * replayed edit, a deleted or unknown comment), so an edit is followed at most once.
   */
  editComment(commentId: string, body: string, at: Date): Promise<ProblemComment | null>;
  /** Marks a comment deleted; null when it already was (a replayed delete). */
  deleteComment(commentId: string, at: Date): Promise<ProblemComment | null>;
  recordMirrors(mirrors: readonly CommentMirror[], at: Date): Promise<void>;
  mirrorsOf(commentId: string): Promise<CommentMirror[]>;
  /** Live comments of a problem, oldest first (public page, export). */
  commentsOf(problemId: string): Promise<ProblemComment[]>;
}
