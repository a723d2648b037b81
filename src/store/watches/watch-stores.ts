import type { SqlExecutor } from "../sql-executor.js";
import { SqlDataMatchStore } from "./sql-data-match-store.js";
import { SqlWatchStore } from "./sql-watch-store.js";

/** The watch and data-match ports of CoreDeps over one database, for main.ts, the CLI and tests. */
export function createWatchStores(sql: SqlExecutor) {
  return { watches: new SqlWatchStore(sql), dataMatches: new SqlDataMatchStore(sql) };
}
