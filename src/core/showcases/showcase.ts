/**
 * A showcase: a finished community project built on open data (an app, a map, a story), shown
 * to everyone once a champion has reviewed it. "pending_review" waits for a champion;
 * "changes_requested" waits for the submitter to edit and resubmit; "published" is on every
 * connected platform's showcase channel; "rejected" and "withdrawn" are closed.
 */
export const showcaseKinds = ["app", "visualisation", "story", "research", "event"] as const;
export type ShowcaseKind = (typeof showcaseKinds)[number];

export const showcaseStatuses = [
  "pending_review",
  "changes_requested",
  "rejected",
  "published",
  "withdrawn",
] as const;
export type ShowcaseStatus = (typeof showcaseStatuses)[number];

/**
 * Which status may follow which. A published showcase stays published (a correction is a
 * new submission); a rejection is final, so the submitter's next attempt is reviewed afresh.
 */
const allowedTransitions: Record<ShowcaseStatus, readonly ShowcaseStatus[]> = {
  pending_review: ["published", "changes_requested", "rejected", "withdrawn"],
  changes_requested: ["pending_review", "withdrawn"],
  rejected: [],
  published: [],
  withdrawn: [],
};

export function canTransitionShowcase(from: ShowcaseStatus, to: ShowcaseStatus): boolean {
  return allowedTransitions[from].includes(to);
}

export interface ShowcaseDatasetRef {
  id: string;
  title: string;
  landingPage: string | null;
}

export interface ShowcaseProblemRef {
  id: string;
  number: number;
  title: string;
}

/** What the submitter writes (both form steps), resolved against the catalog and the problems. */
export interface ShowcaseContent {
  title: string;
  summary: string;
  link: string;
  imageUrl: string | null;
  team: string;
  kind: ShowcaseKind;
  datasets: ShowcaseDatasetRef[];
  problems: ShowcaseProblemRef[];
}

export interface Showcase extends ShowcaseContent {
  id: string;
  communityId: string;
  /** Per-community number people use ("S3"). */
  number: number;
  status: ShowcaseStatus;
  submitterId: string;
  submitterName: string;
  reviewerId: string | null;
  /** The reviewer's words: what to change, or why it was rejected. */
  reviewNote: string | null;
  /** Increases with each resubmission, so each round gets its own review card. */
  revision: number;
  submittedAt: Date;
  publishedAt: Date | null;
  updatedAt: Date;
}

/** "S3": distinct from problem numbers ("#12") so the two are never confused in chat. */
export function showcaseRef(showcase: Pick<Showcase, "number">): string {
  return `S${showcase.number}`;
}
