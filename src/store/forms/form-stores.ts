import type { SqlExecutor } from "../sql-executor.js";
import { SqlFormDraftStore } from "./sql-form-draft-store.js";

/** The form-draft port of CoreDeps (step one of two-step forms) over one database, for main.ts, the CLI and tests. */
export function createFormStores(sql: SqlExecutor) {
  return { drafts: new SqlFormDraftStore(sql) };
}
