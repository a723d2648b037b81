/**
 * Watches: a person asks to be told when a dataset changes, or when a dataset on a topic or
 * matching saved words appears. It exists so the core decides what a watcher is told while the
 * store finds, in one set-based query per sync, which changes reach which watches.
 */

export type WatchKind = "dataset" | "topic" | "words";

export interface Watch {
  id: string;
  kind: WatchKind;
  /** The dataset id, or the lower-cased topic or words. */
  target: string;
  datasetId: string | null;
  /** The watched dataset's title (kind "dataset"). */
  datasetTitle: string | null;
  createdAt: Date;
}

export interface NewWatch {
  communityId: string;
  personId: string;
  kind: WatchKind;
  target: string;
  datasetId: string | null;
}

/** What one sync changed for one watch: "new" is an added dataset matching a topic or words. */
export type WatchChange = "updated" | "removed" | "new";
/** The parts of an updated dataset a watcher is told about. */
export type ChangedField = "modified" | "formats" | "license" | "description";

export interface WatchNotice {
  personId: string;
  communityId: string;
  watchKind: WatchKind;
  watchTarget: string;
  datasetId: string;
  datasetTitle: string;
  landingPage: string | null;
  accessLevel: string;
  change: WatchChange;
  fields: ChangedField[];
}

/** What one sync tells one person. */
export interface RunNoticeBatch {
  personId: string;
  /** The first changes by title, each dataset once (however many of the person's watches it reached). */
  notices: WatchNotice[];
  /** Every dataset the sync changed for this person, listed or not. */
  total: number;
}

export interface WatchStore {
  /** Adds a watch; `created` false when the person already watched it (nothing changes). */
  add(watch: NewWatch, at: Date): Promise<{ watch: Watch; created: boolean }>;
  list(communityId: string, personId: string): Promise<Watch[]>;
  /** false when there was no such watch of that person. */
  remove(communityId: string, personId: string, watchId: string): Promise<boolean>;
  /**
   * Records that a finished sync run's changes are told to each person they reach, and returns
   * what to tell only those not told of that run before (one row per person and run), so telling
   * a run twice tells nobody twice. Each batch holds the first `limit` changes by title and how
   * many there are in all: one message lists a few and counts the rest. Run it in the unit of
   * work that enqueues the messages, so a crash between the two loses neither.
   */
  recordRunNotices(runId: string, at: Date, limit: number): Promise<RunNoticeBatch[]>;
  /**
   * Retention: forgets the notices recorded before `before` (who was told of which sync),
   * returning how many. Only runs told long ago lose theirs, and a run is told right after it syncs, never again.
   */
  purgeNoticesBefore(before: Date): Promise<number>;
}
