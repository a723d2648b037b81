import type { Platform } from "../shared/platform.js";
import type { Showcase, ShowcaseContent, ShowcaseStatus } from "../showcases/showcase.js";

export interface NewShowcase extends ShowcaseContent {
  communityId: string;
  submitterId: string;
  platform: Platform;
}

export interface ShowcaseReview {
  /** The status the reviewer saw; if it changed meanwhile nothing is written (returns null). */
  from: ShowcaseStatus;
  to: ShowcaseStatus;
  reviewerId: string;
  note: string | null;
  at: Date;
}

/** A published showcase as a dataset answer links to it. */
export interface ShowcaseLink {
  number: number;
  title: string;
  link: string;
}

/**
 * Where showcases, the datasets they used and the problems they address live. It exists so the
 * review rules are written once and run against Postgres, PGlite or an in-memory fake. Status
 * changes are compare-and-set, so a double click or two champions at once change it once.
 */
export interface ShowcaseStore {
  /** Stores a new showcase (pending review) with the next number in its community. */
  create(showcase: NewShowcase, at: Date): Promise<Showcase>;
  byId(id: string): Promise<Showcase | null>;
  byNumber(communityId: string, number: number): Promise<Showcase | null>;
  /**
   * The submitter's edit after "ask for changes": replaces the content, goes back to review and
   * bumps the revision, only if it still waits for changes (else null).
   */
  resubmit(id: string, content: ShowcaseContent, at: Date): Promise<Showcase | null>;
  /** A reviewer's decision, if the showcase is still in `review.from` (else null). */
  review(id: string, review: ShowcaseReview): Promise<Showcase | null>;
  /**
   * The submitter takes it back, if it is still in `from` and that may end in "withdrawn" (else
   * null). The reviewer and their note stay, as the record of the last round.
   */
  withdraw(id: string, from: ShowcaseStatus, at: Date): Promise<Showcase | null>;
  /** Published showcases that used the dataset, newest first, at most `limit`, and how many in all. */
  publishedForDataset(
    communityId: string,
    datasetId: string,
    limit: number,
  ): Promise<{ total: number; items: ShowcaseLink[] }>;
  /**
   * People who voted for the problem: a showcase that solves it tells them too, not only its
   * followers. (Here rather than on ProblemStore, which another capability owns, and because
   * only this lineage step needs it.)
   */
  problemVoterIds(problemId: string): Promise<string[]>;
}
