import type { Clock } from "../../core/ports/clock.js";
import type { DatasetSearch } from "../../core/ports/dataset-search.js";
import type { SqlExecutor } from "../sql-executor.js";
import { SqlAccessRequestStore } from "./sql-access-request-store.js";
import { SqlAccessUnitOfWork } from "./sql-access-unit-of-work.js";
import { SqlAuditLog } from "./sql-audit-log.js";
import { SqlDatasetLookup } from "./sql-dataset-lookup.js";
import { SqlStewardDirectory } from "./sql-steward-directory.js";

/** The access-request ports of CoreDeps over one database, for main.ts, the CLI and tests. */
export function createAccessStores(sql: SqlExecutor, clock: Clock, search: Pick<DatasetSearch, "findByKey">) {
  return {
    accessRequests: new SqlAccessRequestStore(sql),
    auditLog: new SqlAuditLog(sql),
    stewards: new SqlStewardDirectory(sql),
    datasetLookup: new SqlDatasetLookup(sql, search),
    accessUnitOfWork: new SqlAccessUnitOfWork(sql, clock),
  };
}
