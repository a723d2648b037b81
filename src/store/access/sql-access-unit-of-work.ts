import type { AccessTransactionStores, AccessUnitOfWork } from "../../core/access/ports.js";
import type { Clock } from "../../core/ports/clock.js";
import { SqlCommunityDirectory } from "../community/sql-community-directory.js";
import { SqlFormDraftStore } from "../forms/sql-form-draft-store.js";
import { SqlOutbox } from "../outbox/sql-outbox.js";
import type { SqlExecutor } from "../sql-executor.js";
import { SqlAccessRequestStore } from "./sql-access-request-store.js";
import { SqlAuditLog } from "./sql-audit-log.js";

/**
 * SqlUnitOfWork's twin for access requests: one transaction per unit, with the request store, the
 * audit log, the outbox and the drafts all bound to it, so a decision, its audit entry and its
 * messages commit together. Nothing in `fn` may use a store built on the pool: on PGlite (one
 * connection) that query would wait for this transaction forever, which is why the directory is
 * one of the unit's stores.
 */
export class SqlAccessUnitOfWork implements AccessUnitOfWork {
  constructor(
    private readonly sql: Pick<SqlExecutor, "transaction">,
    private readonly clock: Clock,
  ) {}

  run<T>(fn: (tx: AccessTransactionStores) => Promise<T>): Promise<T> {
    return this.sql.transaction((tx) =>
      fn({
        requests: new SqlAccessRequestStore(tx),
        audit: new SqlAuditLog(tx),
        outbox: new SqlOutbox(tx, this.clock),
        drafts: new SqlFormDraftStore(tx),
        directory: new SqlCommunityDirectory(tx),
      }),
    );
  }
}
