import type { CatalogKind } from "../catalog/dataset.js";
import type { CatalogRecord, KnownRecords } from "./catalog-source.js";

/** Which catalog a sync writes to; the source is created on first import. */
export interface CatalogSyncTarget {
  communityId: string;
  name: string;
  kind: CatalogKind;
  location: string;
  /**
   * The source's own resync interval. Null keeps what the source has (the community default
   * for a new one); 0 means "on demand only".
   */
  syncIntervalMinutes: number | null;
}

/** A record the sync could not use, as the operator needs to find it in the source. */
export interface SkippedRecordReport {
  /** 1-based ordinal of the record in the source. */
  position: number;
  key: string | null;
  problem: string;
}

export interface CatalogSyncSummary {
  sourceId: string;
  runId: string;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  skipped: number;
  /** The first skipped records (the store may cap the list; `skipped` has the full count). */
  skippedReport: SkippedRecordReport[];
}

export interface SyncRunSummary {
  status: "running" | "succeeded" | "failed";
  startedAt: Date;
  finishedAt: Date | null;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  skipped: number;
  error: string | null;
}

export interface CatalogSourceSummary {
  id: string;
  communityId: string;
  name: string;
  kind: CatalogKind;
  location: string;
  syncIntervalMinutes: number | null;
  lastSyncedAt: Date | null;
  /** Datasets currently in the catalog (removed ones not counted). */
  datasetCount: number;
  /** The most recent sync attempt, successful or not. */
  lastRun: SyncRunSummary | null;
}

/**
 * Where imported catalogs live. It exists so import, resync and listing can be written (and
 * tested with an in-memory fake) without SQL. `syncCatalog` writes a whole sync atomically:
 * if reading the records fails part-way it rejects and the previous catalog stays exactly as it
 * was; the rejection keeps the reader's error as its `cause`.
 */
export interface CatalogStore {
  syncCatalog(
    target: CatalogSyncTarget,
    records: AsyncIterable<CatalogRecord>,
    now: Date,
  ): Promise<CatalogSyncSummary>;
  /** What the store holds of a source, for the reader to skip records read from the same bytes (optional). */
  knownRecords?(source: { communityId: string; name: string }): KnownRecords;
  /** Sources of one community, or of every community when `communityId` is omitted. */
  listSources(filter?: { communityId?: string }): Promise<CatalogSourceSummary[]>;
  findSource(communityId: string, name: string): Promise<CatalogSourceSummary | null>;
}
