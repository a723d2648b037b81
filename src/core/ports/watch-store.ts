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

/**
 * What changed for one watch: by a sync ("new" is an added dataset matching a topic or words),
 * or by time ("overdue": a watched dataset lapsed past its own update frequency).
 */
export type WatchChange = "updated" | "removed" | "new" | "overdue";
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
  /** For "overdue": the day (YYYY-MM-DD, UTC) an update was due by. */
  dueOn?: string;
}

/** What one sync (or one look at overdue data) tells one person of one community. */
export interface RunNoticeBatch {
  personId: string;
  communityId: string;
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
   * Records, once per overdue spell, that watched datasets overdue by their own update frequency
   * at `now` are told to their watchers, and returns what to tell those not told of that spell
   * before: per person and community, the first `limit` by title and how many in all. Run it in
   * the unit of work that enqueues the messages.
   */
  recordOverdueNotices(now: Date, limit: number): Promise<RunNoticeBatch[]>;
  /**
   * Retention: forgets the notices recorded before `before` (who was told of which sync, or of
   * which overdue spell), returning how many. A run is told right after it syncs, never again;
   * an overdue spell's row is kept while the spell lasts, or it would be told again.
   */
  purgeNoticesBefore(before: Date): Promise<number>;
}
