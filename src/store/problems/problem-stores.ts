import type { Clock } from "../../core/ports/clock.js";
import type { SqlExecutor } from "../sql-executor.js";
import { SqlUnitOfWork } from "../sql-unit-of-work.js";
import { SqlProblemStore } from "./sql-problem-store.js";
import { SqlProblemThreadStore } from "./sql-problem-thread-store.js";

/** The problem-inventory ports of CoreDeps over one database, for main.ts, the CLI and tests. */
export function createProblemStores(sql: SqlExecutor, clock: Clock) {
  return {
    problems: new SqlProblemStore(sql),
    problemThreads: new SqlProblemThreadStore(sql),
    unitOfWork: new SqlUnitOfWork(sql, clock),
  };
}
