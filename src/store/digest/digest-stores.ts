import type { SqlExecutor } from "../sql-executor.js";
import { SqlDigestRunStore } from "./sql-digest-runs.js";
import { SqlDigestSource } from "./sql-digest-source.js";
import { SqlDigestSubscriptionStore } from "./sql-digest-subscriptions.js";

/** The digest ports of CoreDeps over one database, for main.ts, the CLI and tests. */
export function createDigestStores(sql: SqlExecutor) {
  return {
    digestRuns: new SqlDigestRunStore(sql),
    digestSubscriptions: new SqlDigestSubscriptionStore(sql),
    digestSource: new SqlDigestSource(sql),
  };
}
