import type { SqlExecutor } from "../sql-executor.js";

/**
 * Deletes one catalog and everything that hangs off it (datasets, usage notes, sync runs, links
 * from problems and showcases: all ON DELETE CASCADE). Resolves to how many datasets it held, or
 * null when the community has no catalog of that name. One statement, so nothing half-removed.
 */
export async function removeCatalogSource(
  sql: Pick<SqlExecutor, "query">,
  communityId: string,
  name: string,
): Promise<number | null> {
  const rows = await sql.query<{ datasets: number }>(
    `WITH removed AS (
       DELETE FROM "CatalogSource" WHERE "communityId" = $1::uuid AND "name" = $2 RETURNING "id"
     )
     SELECT (SELECT count(*)::int FROM "Dataset" d JOIN removed r ON d."sourceId" = r."id") AS datasets
     FROM removed`,
    [communityId, name],
  );
  return rows[0]?.datasets ?? null;
}
