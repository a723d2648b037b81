import type { AuditLog } from "../ports/audit-log.js";
import type { CommunityDirectory } from "../ports/community-directory.js";
import type { CatalogDataset } from "../ports/dataset-search.js";
import type { FormDraftStore } from "../ports/form-drafts.js";
import type { Outbox } from "../ports/outbox.js";
import type { Platform } from "../shared/platform.js";
import type {
  AccessDecision,
  AccessDetails,
  AccessMessage,
  AccessRequest,
  AccessStatus,
  RouteLevel,
  RouteStep,
} from "./access-request.js";

export interface NewAccessRequest {
  communityId: string;
  dataset: AccessRequest["dataset"];
  requesterId: string;
  platform: Platform;
  communityLocale: string;
  details: AccessDetails;
  /** The first routing step. */
  route: RouteStep;
}

export interface AccessStatusChange {
  /** The status the actor saw; if it changed meanwhile nothing is written (returns null). */
  from: AccessStatus;
  to: AccessStatus;
  /** Null for the system (expiry, auto-resolve). */
  actorId: string | null;
  at: Date;
  /** Set with approved/denied. */
  decision?: AccessDecision;
  /** Set with approved. */
  grantExpiresAt?: Date;
  /** A steward's question (to needs_info) or the requester's answer (back to pending). */
  message?: Omit<AccessMessage, "at">;
  /** Back to pending after an answer: the SLA clock starts again (waitingSince = at, slaRound + 1). */
  restartClock?: boolean;
}

export interface AccessListQuery {
  communityId: string;
  requesterId?: string;
  statuses?: readonly AccessStatus[];
  /** Newest first, at most this many. */
  limit: number;
}

/**
 * Where access requests live. It exists so the core's routing, decision and SLA rules are
 * written once and run against Postgres, PGlite or an in-memory fake. Every write that others
 * must hear about runs inside `AccessUnitOfWork`, next to its outbox messages and audit entry.
 * Each write bumps `cardVersion` and `updatedAt`.
 */
export interface AccessRequestStore {
  /** Stores a request with the next number in its community: pending, waiting since `at`, round 0. */
  create(request: NewAccessRequest, at: Date): Promise<AccessRequest>;
  byId(id: string): Promise<AccessRequest | null>;
  /** The requester's open (pending/needs_info) request for this dataset, if any: one at a time. */
  openFor(communityId: string, requesterId: string, datasetId: string): Promise<AccessRequest | null>;
  list(query: AccessListQuery): Promise<AccessRequest[]>;
  /**
   * Changes status if it is still `change.from` (else null: someone else acted first, a retried
   * click), recording the decision, grant end, message or clock restart given with it.
   */
  changeStatus(id: string, change: AccessStatusChange): Promise<AccessRequest | null>;
  /**
   * Escalation: appends `route` if the request is still pending at `fromLevel` (else null), and
   * restarts the SLA clock (waitingSince = at, slaRound + 1).
   */
  reroute(
    id: string,
    change: { fromLevel: RouteLevel; route: RouteStep; at: Date },
  ): Promise<AccessRequest | null>;
  /**
   * Records that a once-only event (a round's reminder, a grant's expiry notice) happened:
   * true the first time for this request and key, false ever after (a unique row).
   */
  markOnce(id: string, key: string, at: Date): Promise<boolean>;
  /** Pending requests of every community waiting since `before` or earlier, oldest first (the SLA job). */
  waitingSince(before: Date): Promise<AccessRequest[]>;
  /** Approved grants of every community ending at `before` or earlier (the expiry job). */
  grantsEndingBy(before: Date): Promise<AccessRequest[]>;
  /** Open requests of a community for any of these datasets (auto-resolve after a catalog sync). */
  openForDatasets(communityId: string, datasetIds: readonly string[]): Promise<AccessRequest[]>;
  /**
   * Closed requests of every community whose personal data is still kept and whose last change
   * (the close) and grant end, if any, are at `closedBy` or earlier: oldest first, at most `limit`
   * (the retention job).
   */
  closedUnpurged(closedBy: Date, limit: number): Promise<AccessRequest[]>;
  /**
   * Retention: erases the request's personal data, if it is closed and not yet purged (else false:
   * another run got there first). Gone: the free text of its details (purpose, intended use,
   * organisation, retention plan), its questions and answers, its decision's conditions and
   * reason, its once-only marks, the messages queued about it, and the requester's access-form
   * drafts from before it closed. Kept: ids, number, dataset, status, routing, dates, who decided.
   * Sets purgedAt; does not bump cardVersion or updatedAt (no card changes).
   */
  purgePersonalData(id: string, at: Date): Promise<boolean>;
}

/** The stores whose writes commit together for an access request. */
export interface AccessTransactionStores {
  requests: AccessRequestStore;
  audit: AuditLog;
  outbox: Outbox;
  drafts: FormDraftStore;
  /** Who to tell, read through the same transaction: on PGlite (one connection) any other store deadlocks. */
  directory: CommunityDirectory;
}

/**
 * Runs `fn` in one transaction: a request's change, its audit entry and the messages it causes
 * commit together or not at all. A unit of work of its own (rather than store methods taking
 * messages) because three things must be atomic, not two: a decision without its audit entry is
 * as wrong as a decision nobody hears about, and the form draft is taken in the same transaction
 * so a double submit files once. The SQL implementation is SqlUnitOfWork's twin: the same
 * `sql.transaction`, with these four stores bound to it.
 */
export interface AccessUnitOfWork {
  run<T>(fn: (tx: AccessTransactionStores) => Promise<T>): Promise<T>;
}

/**
 * Who answers for a dataset. It exists so access requests can be routed to a person before
 * falling back to topic champions: stewards a community names in datadesk for a dataset, and the
 * person whose email is the catalog's contact. Kept apart from CommunityDirectory, which knows
 * roles and topics but nothing about datasets or emails.
 */
export interface StewardDirectory {
  /** People named as stewards of this dataset in this community, in the order they were named. */
  stewardsOf(communityId: string, datasetId: string): Promise<string[]>;
  /**
   * The member of the community whose (verified) email is `email`, compared case-insensitively,
   * or null. Emails come from the platforms' profiles; they are never shown to anyone.
   */
  personIdByEmail(communityId: string, email: string): Promise<string | null>;
}

/**
 * A current dataset by its datadesk id. Buttons carry ids (the answer card's "Request access"),
 * and requests keep them; DatasetSearch only finds datasets by the catalog's own key. It could
 * become a `findById` on DatasetSearch; it is a port of its own so access requests need no change
 * to the search port.
 */
export interface DatasetLookup {
  /** The dataset if it belongs to the community and is not removed, else null. */
  byId(communityId: string, datasetId: string): Promise<CatalogDataset | null>;
}
