import type { CommunityDirectory } from "./community-directory.js";
import type { DataMatchStore } from "./data-match-store.js";
import type { DigestRunStore } from "./digest-runs.js";
import type { FormDraftStore } from "./form-drafts.js";
import type { Outbox } from "./outbox.js";
import type { ProblemStore } from "./problem-store.js";
import type { ProblemThreadStore } from "./problem-thread-store.js";
import type { ShowcaseStore } from "./showcase-store.js";
import type { WatchStore } from "./watch-store.js";

/** The stores whose writes commit together. */
export interface TransactionStores {
  problems: ProblemStore;
  outbox: Outbox;
  drafts: FormDraftStore;
  /** A showcase's review and the messages it causes (review cards, publishing, DMs) commit together. */
  showcases: ShowcaseStore;
  /** Reads inside the transaction (who to DM) must use its connection: PGlite has only one. */
  directory: CommunityDirectory;
  /** Claims a weekly digest; the claim and the digest's outbox message commit together. */
  digestRuns: DigestRunStore;
  /** A data match's decision commits with the dataset link and the messages it causes. */
  dataMatches: DataMatchStore;
  /** A comment in a problem's thread commits with its mirrored copies' outbox posts. */
  threads: ProblemThreadStore;
  /** Who was told of a sync commits with the messages that tell them. */
  watches: WatchStore;
}

/**
 * Runs `fn` in one transaction: a change and the messages it causes (a status change and the
 * follower DMs) commit together or not at all. It exists so the core states what must be atomic
 * while the store decides how. Inside `fn`, use only the stores it is given: on the embedded
 * database a query through any other store waits for the transaction to end, which never comes.
 */
export interface UnitOfWork {
  run<T>(fn: (tx: TransactionStores) => Promise<T>): Promise<T>;
}
