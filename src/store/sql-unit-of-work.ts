import type { Clock } from "../core/ports/clock.js";
import type { TransactionStores, UnitOfWork } from "../core/ports/unit-of-work.js";
import { SqlCommunityDirectory } from "./community/sql-community-directory.js";
import { SqlDigestRunStore } from "./digest/sql-digest-runs.js";
import { SqlFormDraftStore } from "./forms/sql-form-draft-store.js";
import { SqlOutbox } from "./outbox/sql-outbox.js";
import { SqlProblemStore } from "./problems/sql-problem-store.js";
import { SqlProblemThreadStore } from "./problems/sql-problem-thread-store.js";
import { SqlShowcaseStore } from "./showcases/sql-showcase-store.js";
import type { SqlExecutor } from "./sql-executor.js";
import { SqlDataMatchStore } from "./watches/sql-data-match-store.js";
import { SqlWatchStore } from "./watches/sql-watch-store.js";

/**
 * One database transaction per unit: the stores handed to `fn` are bound to it, so a change and
 * the outbox messages it causes commit together, and a throw rolls both back.
 */
export class SqlUnitOfWork implements UnitOfWork {
  constructor(
    private readonly sql: Pick<SqlExecutor, "transaction">,
    private readonly clock: Clock,
  ) {}

  run<T>(fn: (tx: TransactionStores) => Promise<T>): Promise<T> {
    return this.sql.transaction((tx) =>
      fn({
        problems: new SqlProblemStore(tx),
        outbox: new SqlOutbox(tx, this.clock),
        drafts: new SqlFormDraftStore(tx),
        showcases: new SqlShowcaseStore(tx),
        directory: new SqlCommunityDirectory(tx),
        digestRuns: new SqlDigestRunStore(tx),
        dataMatches: new SqlDataMatchStore(tx),
        threads: new SqlProblemThreadStore(tx),
        watches: new SqlWatchStore(tx),
      }),
    );
  }
}
