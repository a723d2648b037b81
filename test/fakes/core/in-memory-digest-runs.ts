import type { DigestRunClaim, DigestRunStore } from "../../../src/core/ports/digest-runs.js";

/**
 * DigestRun rows in memory: one per community, target and week, as the SQL unique key keeps it.
 * `communityIds` lists the people fake's communities (the SQL store lists the Community table).
 */
export class InMemoryDigestRunStore implements DigestRunStore {
  readonly runs: DigestRunClaim[] = [];

  constructor(private readonly communities: () => Iterable<string>) {}

  async claim(run: DigestRunClaim): Promise<boolean> {
    const taken = this.runs.some(
      (known) =>
        known.communityId === run.communityId && known.target === run.target && known.isoWeek === run.isoWeek,
    );
    if (taken) return false;
    this.runs.push({ ...run });
    return true;
  }

  async doneTargets(communityId: string, isoWeek: string): Promise<string[]> {
    return this.runs
      .filter((run) => run.communityId === communityId && run.isoWeek === isoWeek)
      .map((run) => run.target);
  }

  async communityIds(): Promise<string[]> {
    return [...this.communities()];
  }
}
