import type { DataMatchState } from "../../../src/core/ports/data-match-store.js";
import type { DeclineReason, ProblemStatus } from "../../../src/core/problems/problem.js";

/**
 * The facts a digest is made of, as plain records: the in-memory source answers from them, and
 * test/support/digest-world.ts writes the same facts into a database, so one scenario checks the
 * fake and the SQL source against each other.
 */
export interface DigestFacts {
  problems: {
    id: string;
    communityId: string;
    number: number;
    title: string;
    topic: string | null;
    submitterId: string;
    status: ProblemStatus;
    declineReason: DeclineReason | null;
    declineDetail: string | null;
    /** Assigned problems are being triaged, whatever their status. */
    assigneeId: string | null;
    hidden: boolean;
    createdAt: Date;
  }[];
  votes: { problemId: string; personId: string; createdAt: Date }[];
  problemEvents: {
    problemId: string;
    kind: "submitted" | "status_changed" | "info_requested" | "dataset_linked" | "assigned" | "hidden";
    actorId: string | null;
    toStatus: ProblemStatus | null;
    createdAt: Date;
  }[];
  problemDatasets: { problemId: string; datasetId: string; createdAt: Date }[];
  /** Suggestions that new data may answer a problem; `decidedAt` set once linked or rejected. */
  dataMatches: {
    problemId: string;
    datasetId: string;
    state: DataMatchState;
    createdAt: Date;
    decidedAt: Date | null;
  }[];
  showcases: {
    id: string;
    communityId: string;
    number: number;
    title: string;
    team: string;
    link: string;
    published: boolean;
    publishedAt: Date | null;
    datasetIds: string[];
  }[];
  datasets: {
    id: string;
    communityId: string;
    sourceName: string;
    key: string;
    title: string;
    landingPage: string | null;
    modified: Date | null;
    accrualPeriodicity: string | null;
    removed: boolean;
  }[];
  /** Changes recorded by successful syncs, stamped with the run's finish. */
  syncChanges: { datasetId: string; change: "added" | "updated" | "removed"; finishedAt: Date }[];
  gaps: { datasetId: string; field: string; count: number; lastAskedAt: Date }[];
  accessRequests: {
    id: string;
    communityId: string;
    number: number;
    datasetTitle: string;
    requesterId: string;
    status: "pending" | "needs_info" | "approved" | "denied" | "withdrawn";
    createdAt: Date;
    waitingSince: Date;
  }[];
  audit: {
    communityId: string;
    subjectId: string;
    actorId: string | null;
    action: "submitted" | "approved" | "denied" | "info_requested" | "info_provided" | "reminded";
    at: Date;
  }[];
}

export function emptyDigestFacts(): DigestFacts {
  return {
    problems: [],
    votes: [],
    problemEvents: [],
    problemDatasets: [],
    dataMatches: [],
    showcases: [],
    datasets: [],
    syncChanges: [],
    gaps: [],
    accessRequests: [],
    audit: [],
  };
}
