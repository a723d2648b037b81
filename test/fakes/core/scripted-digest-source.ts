import type {
  DigestAccessRow,
  DigestProblemRow,
  DigestSource,
  DigestWindow,
  ImpactCounts,
  Listed,
} from "../../../src/core/ports/digest-source.js";

const none = <Row>(): Listed<Row> => ({ rows: [], total: 0 });

/**
 * A DigestSource with nothing in it but the problems a test files (each at an instant), for
 * tests about when and to whom digests go rather than what they say. `failNext` makes the next
 * question throw once, like a database that went away for a moment.
 */
export class ScriptedDigestSource implements DigestSource {
  readonly filed: { row: DigestProblemRow; at: Date }[] = [];
  /** Access requests waiting, whatever the week (a standing list). */
  readonly waiting: DigestAccessRow[] = [];
  private failures = 0;
  /** Questions asked, to check that a recorded digest is not rebuilt. */
  questions = 0;

  file(title: string, at: Date | string): void {
    this.filed.push({
      row: { number: this.filed.length + 1, title, topic: null, votes: 0 },
      at: new Date(at),
    });
  }

  failNext(times = 1): void {
    this.failures = times;
  }

  private ask(): void {
    this.questions++;
    if (this.failures > 0) {
      this.failures--;
      throw new Error("digest source unavailable");
    }
  }

  async newProblems(window: DigestWindow, limit: number): Promise<Listed<DigestProblemRow>> {
    this.ask();
    const rows = this.filed
      .filter((p) => p.at >= window.start && p.at < window.end)
      .map((p) => p.row)
      .reverse();
    return { rows: rows.slice(0, limit), total: rows.length };
  }

  async mostVoted() {
    this.ask();
    return none<never>();
  }

  async statusChanges() {
    this.ask();
    return { ...none<never>(), counts: { accepted: 0, solved: 0, declined: 0 } };
  }

  async showcasesPublished() {
    this.ask();
    return none<never>();
  }

  async datasetChanges() {
    this.ask();
    return { ...none<never>(), added: 0, updated: 0 };
  }

  async overdueDatasets() {
    this.ask();
    return none<never>();
  }

  async metadataGaps() {
    this.ask();
    return none<never>();
  }

  async accessWaiting(): Promise<Listed<DigestAccessRow>> {
    this.ask();
    return { rows: [...this.waiting], total: this.waiting.length };
  }

  async impactCounts(): Promise<ImpactCounts> {
    this.ask();
    return {
      problemFirstResponses: 0,
      problemFirstResponseMedianSeconds: null,
      accessFirstResponses: 0,
      accessFirstResponseMedianSeconds: null,
      problemsSolved: 0,
      requestsDecided: 0,
      datasetsLinked: 0,
      problemsMatched: 0,
      firstMatches: 0,
      firstMatchMedianSeconds: null,
    };
  }

  async awaitingTriage() {
    this.ask();
    return none<never>();
  }

  async dataMatches() {
    this.ask();
    return { rows: [], total: 0, counts: { suggested: 0, linked: 0, rejected: 0 } };
  }
}
