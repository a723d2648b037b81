import type { SqlExecutor } from "../sql-executor.js";
import { SqlCommunityDirectory } from "./sql-community-directory.js";
import { SqlCommunityUnitOfWork, SqlMembershipStore } from "./sql-membership-store.js";

/** The community ports of CoreDeps over one database (members, roles, champions), for main.ts, the CLI and tests. */
export function createCommunityStores(sql: SqlExecutor) {
  return {
    memberships: new SqlMembershipStore(sql),
    communityUnitOfWork: new SqlCommunityUnitOfWork(sql),
    directory: new SqlCommunityDirectory(sql),
  };
}
