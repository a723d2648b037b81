import type { PublicCommunity } from "../../core/ports/public-reads.js";
import { DEFAULT_COMMUNITY_SLUG } from "../default-community.js";
import type { SqlExecutor } from "../sql-executor.js";

/** The community a public page shows: the one `slug` names, or the default one; null when none. */
export async function publicCommunity(
  sql: Pick<SqlExecutor, "query">,
  slug: string | null,
): Promise<PublicCommunity | null> {
  const [row] = await sql.query<{ id: string; slug: string; name: string; locale: string; timezone: string }>(
    `SELECT "id"::text AS "id", "slug", "name", "locale", "timezone" FROM "Community" WHERE "slug" = $1`,
    [slug ?? DEFAULT_COMMUNITY_SLUG],
  );
  return row ?? null;
}
