import type { Clock } from "../core/ports/clock.js";
import { SqlCommunityDirectory } from "./community/sql-community-directory.js";
import { SqlFormDraftStore } from "./forms/sql-form-draft-store.js";
import { SqlAccountLinks } from "./people/sql-account-links.js";
import { SqlProblemStore } from "./problems/sql-problem-store.js";
import { SqlProblemThreadStore } from "./problems/sql-problem-thread-store.js";
import { SqlShowcaseStore } from "./showcases/sql-showcase-store.js";
import type { SqlExecutor } from "./sql-executor.js";
import { SqlUnitOfWork } from "./sql-unit-of-work.js";
import { SqlDataMatchStore } from "./watches/sql-data-match-store.js";
import { SqlWatchStore } from "./watches/sql-watch-store.js";

/** The problem-inventory ports of CoreDeps over one database, for main.ts, the CLI and tests. */
export function createProblemInventoryStores(sql: SqlExecutor, clock: Clock) {
  return {
    problems: new SqlProblemStore(sql),
    drafts: new SqlFormDraftStore(sql),
    directory: new SqlCommunityDirectory(sql),
    accountLinks: new SqlAccountLinks(sql),
    showcases: new SqlShowcaseStore(sql),
    unitOfWork: new SqlUnitOfWork(sql, clock),
    watches: new SqlWatchStore(sql),
    dataMatches: new SqlDataMatchStore(sql),
    problemThreads: new SqlProblemThreadStore(sql),
  };
}
