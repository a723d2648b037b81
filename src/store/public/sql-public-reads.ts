import type { PublicReads } from "../../core/ports/public-reads.js";
import type { SqlExecutor } from "../sql-executor.js";
import { publicCommunity } from "./public-community.js";
import { publishedShowcases } from "./public-showcases.js";

/** PublicReads over one database: the public page's and export's reads, public columns only. */
export function createPublicReads(sql: Pick<SqlExecutor, "query">): PublicReads {
  return {
    community: (slug) => publicCommunity(sql, slug),
    publishedShowcases: (communityId) => publishedShowcases(sql, communityId),
  };
}
