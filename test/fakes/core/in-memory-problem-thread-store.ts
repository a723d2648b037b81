import { randomUUID } from "node:crypto";
import type { PostedRef } from "../../../src/core/ports/platform-delivery.js";
import type {
  CommentMirror,
  NewComment,
  ProblemComment,
  ProblemThread,
  ProblemThreadStore,
} from "../../../src/core/ports/problem-thread-store.js";
import type { Platform } from "../../../src/core/shared/platform.js";

/**
 * Problem threads and comments in memory, with the SQL store's rules: one comment per platform
 * message, an edit only when the text changes, a delete once.
 */
export class InMemoryProblemThreadStore implements ProblemThreadStore {
  readonly threads: ProblemThread[] = [];
  readonly comments = new Map<string, ProblemComment>();
  readonly mirrors: CommentMirror[] = [];

  constructor(private readonly displayName: (personId: string) => string = () => "Someone") {}

  /** What the outbox worker records once a card is out (tests call it to stand for delivery). */
  recordThread(problemId: string, platform: Platform, ref: PostedRef, threadId: string): ProblemThread {
    const known = this.threads.find(
      (t) => t.platform === platform && t.channelId === ref.channelId && t.threadId === threadId,
    );
    if (known) return known;
    const thread = {
      id: randomUUID(),
      problemId,
      platform,
      channelId: ref.channelId,
      messageId: ref.messageId,
      threadId,
    };
    this.threads.push(thread);
    return thread;
  }

  async threadAt(platform: Platform, place: { channelId?: string | undefined; threadId: string }) {
    return (
      this.threads.find(
        (t) =>
          t.platform === platform &&
          t.threadId === place.threadId &&
          (place.channelId === undefined || t.channelId === place.channelId),
      ) ?? null
    );
  }

  async threadsOf(problemId: string) {
    return this.threads.filter((t) => t.problemId === problemId);
  }

  async addComment(comment: NewComment) {
    if (await this.commentAt(comment.platform, comment.channelId, comment.platformMessageId)) return null;
    const stored: ProblemComment = {
      id: randomUUID(),
      problemId: comment.problemId,
      authorPersonId: comment.authorPersonId,
      authorName: this.displayName(comment.authorPersonId),
      platform: comment.platform,
      channelId: comment.channelId,
      platformMessageId: comment.platformMessageId,
      body: comment.body,
      version: 0,
      createdAt: comment.at,
      editedAt: null,
      deletedAt: null,
    };
    this.comments.set(stored.id, stored);
    return { ...stored };
  }

  async commentAt(platform: Platform, channelId: string, platformMessageId: string) {
    const found = [...this.comments.values()].find(
      (c) =>
        c.platform === platform && c.channelId === channelId && c.platformMessageId === platformMessageId,
    );
    return found ? { ...found } : null;
  }

  async editComment(commentId: string, body: string, at: Date) {
    const comment = this.comments.get(commentId);
    if (!comment || comment.deletedAt || comment.body === body) return null;
    Object.assign(comment, { body, version: comment.version + 1, editedAt: at });
    return { ...comment };
  }

  async deleteComment(commentId: string, at: Date) {
    const comment = this.comments.get(commentId);
    if (!comment || comment.deletedAt) return null;
    comment.deletedAt = at;
    return { ...comment };
  }

  async recordMirrors(mirrors: readonly CommentMirror[]) {
    for (const mirror of mirrors)
      if (!this.mirrors.some((m) => m.anchorKey === mirror.anchorKey)) this.mirrors.push({ ...mirror });
  }

  async mirrorsOf(commentId: string) {
    return this.mirrors.filter((m) => m.commentId === commentId);
  }

  async commentsOf(problemId: string) {
    return [...this.comments.values()]
      .filter((c) => c.problemId === problemId && !c.deletedAt)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }
}
