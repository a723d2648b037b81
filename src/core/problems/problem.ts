import type { Platform } from "../shared/platform.js";

/**
 * The life of a problem. "new" waits for triage; "needs_info" waits for the submitter;
 * "accepted"/"in_progress" are being worked on; the last three are closed.
 */
export const problemStatuses = [
  "new",
  "needs_info",
  "accepted",
  "in_progress",
  "solved",
  "declined",
  "duplicate",
] as const;
export type ProblemStatus = (typeof problemStatuses)[number];

export const openStatuses: readonly ProblemStatus[] = ["new", "needs_info", "accepted", "in_progress"];

export function isOpen(status: ProblemStatus): boolean {
  return openStatuses.includes(status);
}

/** Why a champion declines: each reason asks for its own detail (a dataset, a date, a link). */
export const declineReasons = [
  "already_exists",
  "planned_release",
  "available_elsewhere",
  "out_of_scope",
  "withdrawn",
] as const;
export type DeclineReason = (typeof declineReasons)[number];

export interface Decline {
  reason: DeclineReason;
  /** Dataset title/key (already_exists), ISO date (planned_release), URL (available_elsewhere), free text otherwise. */
  detail: string | null;
}

export interface LinkedDataset {
  id: string;
  title: string;
  landingPage: string | null;
}

export interface Problem {
  id: string;
  communityId: string;
  /** Per-community number people use ("#12"). */
  number: number;
  title: string;
  description: string;
  affected: string;
  place: string | null;
  topic: string | null;
  anonymous: boolean;
  submitterId: string;
  /** The submitter's display name; shown only when not anonymous (and never exported). */
  submitterName: string;
  /** Where it was submitted from. */
  platform: Platform;
  status: ProblemStatus;
  decline: Decline | null;
  duplicateOf: { id: string; number: number } | null;
  assignee: { personId: string; displayName: string } | null;
  hidden: boolean;
  voteCount: number;
  followerCount: number;
  /** Increases with every change shown on the problem's card, so older card edits never win. */
  cardVersion: number;
  linkedDatasets: LinkedDataset[];
  createdAt: Date;
  updatedAt: Date;
}

/** Everything that happens to a problem, kept forever: who, when, what and why. */
export const problemEventKinds = [
  "submitted",
  "status_changed",
  "info_requested",
  "info_provided",
  "dataset_linked",
  "assigned",
  "hidden",
  "unhidden",
  "merged_into",
  "merged_from",
] as const;
export type ProblemEventKind = (typeof problemEventKinds)[number];

export interface ProblemEvent {
  id: string;
  problemId: string;
  kind: ProblemEventKind;
  actorId: string | null;
  fromStatus: ProblemStatus | null;
  toStatus: ProblemStatus | null;
  /** The why: a decline detail, the question asked, the answer given. */
  note: string | null;
  createdAt: Date;
}

/**
 * Which status may follow which. Closed problems stay closed, except that a declined or solved
 * problem can be reopened (accepted) by a champion who finds it was closed too early.
 */
const allowedTransitions: Record<ProblemStatus, readonly ProblemStatus[]> = {
  new: ["accepted", "needs_info", "in_progress", "declined", "duplicate"],
  needs_info: ["new", "accepted", "in_progress", "declined", "duplicate"],
  accepted: ["in_progress", "solved", "needs_info", "declined", "duplicate"],
  in_progress: ["accepted", "solved", "declined", "duplicate"],
  solved: ["accepted"],
  declined: ["accepted"],
  duplicate: [],
};

export function canTransition(from: ProblemStatus, to: ProblemStatus): boolean {
  return allowedTransitions[from].includes(to);
}

/** What the public may know about a problem (export, public page): no people, no personal data. */
/**
 * A reply in the problem's conversation as the public sees it: the words and when, never who
 * (no person has chosen to be named publicly for a comment; names stay in the chat).
 */
export interface PublicComment {
  body: string;
  writtenAt: Date;
  edited: boolean;
}

export interface PublicProblem {
  number: number;
  title: string;
  description: string;
  status: ProblemStatus;
  topic: string | null;
  place: string | null;
  votes: number;
  declineReason: DeclineReason | null;
  duplicateOf: number | null;
  linkedDatasets: string[];
  /** Live comments, oldest first. */
  comments: PublicComment[];
  createdAt: Date;
  updatedAt: Date;
}
