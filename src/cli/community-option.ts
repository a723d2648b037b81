import type { SqlExecutor } from "../store/sql-executor.js";
import { CatalogCliError } from "./catalog/catalog-cli-context.js";

/**
 * `--community NAME`: a community by its slug or its name (any case); the default community
 * when not given. Operators know communities by name; scripts use slugs.
 */
export async function communityIdByNameOrSlug(
  sql: Pick<SqlExecutor, "query">,
  defaultCommunityId: string,
  reference: string | undefined,
): Promise<{ communityId: string; slug: string }> {
  if (reference === undefined) {
    const [row] = await sql.query<{ slug: string }>(`SELECT "slug" FROM "Community" WHERE "id" = $1::uuid`, [
      defaultCommunityId,
    ]);
    return { communityId: defaultCommunityId, slug: row?.slug ?? "default" };
  }
  const rows = await sql.query<{ id: string; slug: string }>(
    `SELECT "id", "slug" FROM "Community" WHERE "slug" = $1 OR lower("name") = lower($1)
      ORDER BY ("slug" = $1) DESC LIMIT 2`,
    [reference.trim()],
  );
  const [first, second] = rows;
  if (!first) throw new CatalogCliError(`There is no community called "${reference}".`);
  if (second && first.slug !== reference.trim())
    throw new CatalogCliError(`Several communities are called "${reference}": use the slug.`);
  return { communityId: first.id, slug: first.slug };
}
