import type { SqlExecutor } from "../sql-executor.js";
import { SqlAccountLinks } from "./sql-account-links.js";

/** The identity ports of CoreDeps beyond PeopleRepository (linked accounts) over one database. */
export function createPeopleStores(sql: SqlExecutor) {
  return { accountLinks: new SqlAccountLinks(sql) };
}
