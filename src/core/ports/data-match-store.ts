/**
 * Suggestions that new data may answer an open problem, shown to champions once per
 * problem–dataset pair. It exists so "Not a match" is remembered: a rejected pair is never
 * suggested again, and a decision is a compare-and-set, so a double click decides once.
 */

export type DataMatchState = "suggested" | "linked" | "rejected";

export interface DataMatchCandidate {
  problemId: string;
  datasetId: string;
  runId: string | null;
  score: number;
}

export interface DataMatch {
  id: string;
  problemId: string;
  datasetId: string;
  state: DataMatchState;
  score: number;
  createdAt: Date;
}

export interface DataMatchStore {
  /** Stores the candidates whose pair is not known yet; returns only those (new suggestions). */
  suggest(candidates: readonly DataMatchCandidate[], at: Date): Promise<DataMatch[]>;
  byId(id: string): Promise<DataMatch | null>;
  /** Moves a suggestion to linked or rejected; false when it was already decided. */
  decide(id: string, to: "linked" | "rejected", actorId: string, at: Date): Promise<boolean>;
  /** Datasets a sync run added or updated (still in the catalog): what is matched against problems. */
  changedInRun(runId: string): Promise<string[]>;
}
