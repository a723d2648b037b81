import type { AccessRequestStore } from "./access-request-store.js";
import type { AuditLog } from "./audit-log.js";
import type { CommunityDirectory } from "./community-directory.js";
import type { FormDraftStore } from "./form-drafts.js";
import type { Outbox } from "./outbox.js";

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
