/**
 * Who the weekly digest went to, one row per community, target and week. It exists so a digest
 * goes out exactly once however many schedulers run it (restarts, replicas sharing one Postgres):
 * claiming the row and enqueuing the digest's outbox message happen in one transaction, and only
 * the one transaction that inserts the row enqueues anything.
 */
export type DigestRunOutcome = "sent" | "skipped";

export interface DigestRunClaim {
  communityId: string;
  /** "channel:<platform>:<workspace>", "champions:<platform>:<workspace>" or "person:<personId>". */
  target: string;
  /** "2026-W47": the week the digest is about, in the community's calendar. */
  isoWeek: string;
  /** skipped: a quiet week or nobody to send it to; recorded so it is not rebuilt every run. */
  outcome: DigestRunOutcome;
  /** The outbox message's dedupe key, when one is enqueued. */
  dedupeKey: string | null;
  at: Date;
}

export interface DigestRunStore {
  /**
   * Records the run unless one exists for the same community, target and week. True when this
   * call recorded it (and so must enqueue the digest in the same transaction); false when another
   * run, on this machine or another, already had.
   */
  claim(run: DigestRunClaim): Promise<boolean>;
  /** Targets of the community whose digest for the week is already recorded (sent or skipped). */
  doneTargets(communityId: string, isoWeek: string): Promise<string[]>;
  /** Every community: the digest job's round. */
  communityIds(): Promise<string[]>;
}
