import type {
  Decline,
  Problem,
  ProblemEvent,
  ProblemEventKind,
  ProblemStatus,
  PublicProblem,
} from "../problems/problem.js";
import type { Platform } from "../shared/platform.js";

export interface NewProblem {
  communityId: string;
  submitterId: string;
  platform: Platform;
  title: string;
  description: string;
  affected: string;
  place: string | null;
  topic: string | null;
  anonymous: boolean;
}

export interface ProblemListQuery {
  communityId: string;
  /** top: most votes first; new: newest first. */
  order: "top" | "new";
  submitterId?: string;
  topic?: string;
  /** Only open problems unless true (mine shows everything I filed). */
  includeClosed?: boolean;
  offset: number;
  limit: number;
}

export interface StatusChange {
  /** The status the champion saw; if it changed meanwhile nothing is written (returns null). */
  from: ProblemStatus;
  to: ProblemStatus;
  actorId: string;
  note: string | null;
  decline?: Decline | null;
  duplicateOfId?: string | null;
  at: Date;
}

/**
 * Where problems, their votes, followers and history live. It exists so the core's intake and
 * triage rules are written once and run against Postgres, PGlite or an in-memory fake.
 * Hidden problems are left out of `list`, `similarOpen` and `exportPublic`.
 */
export interface ProblemStore {
  /** Stores a new problem with the next number in its community and its "submitted" event; the submitter follows it. */
  create(problem: NewProblem, at: Date): Promise<Problem>;
  byNumber(communityId: string, number: number): Promise<Problem | null>;
  byId(id: string): Promise<Problem | null>;
  list(query: ProblemListQuery): Promise<{ items: Problem[]; total: number }>;
  /**
   * Problems nobody triaged: still "new", unassigned and not hidden, filed before `filedBefore`;
   * oldest first, with how many there are in all.
   */
  awaitingTriage(
    communityId: string,
    filedBefore: Date,
    limit: number,
    options?: { notRemindedOnly?: boolean },
  ): Promise<{ items: Problem[]; total: number }>;
  /** Marks the stale-triage reminder as sent; false when it already was (compare-and-set). */
  markStaleReminded(problemId: string, at: Date): Promise<boolean>;
  /** Open problems whose title and description read like `text` (trigram similarity), best first. */
  similarOpen(
    communityId: string,
    text: string,
    limit: number,
  ): Promise<{ problem: Problem; score: number }[]>;
  /** How many problems this person filed in the community since `since`, and the latest time. */
  submissionsSince(
    communityId: string,
    submitterId: string,
    since: Date,
  ): Promise<{ count: number; latestAt: Date | null }>;
  /** One vote per person: false when they had already voted. Bumps cardVersion when counted. */
  vote(problemId: string, personId: string, at: Date): Promise<{ counted: boolean; problem: Problem }>;
  /** false when nothing changed (already following / not following). */
  follow(problemId: string, personId: string, at: Date): Promise<boolean>;
  unfollow(problemId: string, personId: string): Promise<boolean>;
  /** Person ids to tell about a change: followers (the submitter follows from the start). */
  followerIds(problemId: string): Promise<string[]>;
  isFollowing(problemId: string, personId: string): Promise<boolean>;
  /**
   * Changes status if it is still `change.from` (else null: someone else acted first, a retried
   * click), records the event, bumps cardVersion. Duplicate: also moves votes and followers to
   * the original (each person counted once) and bumps the original's cardVersion.
   */
  changeStatus(
    problemId: string,
    change: StatusChange,
  ): Promise<{ problem: Problem; event: ProblemEvent } | null>;
  /** Records a non-status event (info_requested, info_provided, hidden…). */
  recordEvent(
    problemId: string,
    event: { kind: ProblemEventKind; actorId: string | null; note: string | null; at: Date },
  ): Promise<ProblemEvent>;
  /** false when already linked. Bumps cardVersion when linked. */
  linkDataset(problemId: string, datasetId: string): Promise<boolean>;
  assign(problemId: string, assigneeId: string | null): Promise<Problem>;
  setHidden(problemId: string, hidden: boolean): Promise<Problem>;
  events(problemId: string): Promise<ProblemEvent[]>;
  /** Every visible problem of the community, oldest first, as the public may see it. */
  exportPublic(communityId: string): Promise<PublicProblem[]>;
}
