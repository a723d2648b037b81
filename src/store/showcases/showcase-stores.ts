import type { SqlExecutor } from "../sql-executor.js";
import { SqlShowcaseStore } from "./sql-showcase-store.js";

/** The showcase ports of CoreDeps over one database, for main.ts, the CLI and tests. */
export function createShowcaseStores(sql: SqlExecutor) {
  return { showcases: new SqlShowcaseStore(sql) };
}
