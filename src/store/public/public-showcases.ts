import { z } from "zod";
import type { PublicShowcase } from "../../core/ports/public-reads.js";
import type { SqlExecutor } from "../sql-executor.js";

/** The page shows the newest ones; the list would grow without end otherwise. */
export const PUBLIC_SHOWCASE_LIMIT = 50;

const showcaseRow = z.object({
  number: z.coerce.number().int(),
  title: z.string(),
  summary: z.string(),
  link: z.string(),
  team: z.string(),
  kind: z.enum(["app", "visualisation", "story", "research", "event"]),
  publishedAt: z.coerce.date().nullable(),
  problemNumbers: z.array(z.coerce.number().int()).nullable(),
});

/**
 * Published showcases for the public page, read straight from the table with an allow-list of
 * columns, so a person's id or a reviewer's note can never reach the page by accident.
 */
export async function publishedShowcases(
  sql: Pick<SqlExecutor, "query">,
  communityId: string,
): Promise<PublicShowcase[]> {
  const rows = await sql.query(
    `SELECT s."number", s."title", s."summary", s."link", s."team", s."kind"::text AS "kind", s."publishedAt",
            ARRAY(SELECT p."number" FROM "ShowcaseProblem" sp JOIN "Problem" p ON p."id" = sp."problemId"
                   WHERE sp."showcaseId" = s."id" AND p."hiddenAt" IS NULL ORDER BY p."number") AS "problemNumbers"
       FROM "Showcase" s
      WHERE s."communityId" = $1::uuid AND s."status" = 'published'
      ORDER BY s."publishedAt" DESC NULLS LAST, s."number" DESC
      LIMIT ${PUBLIC_SHOWCASE_LIMIT}`,
    [communityId],
  );
  return rows.map((row) => {
    const parsed = showcaseRow.parse(row);
    return { ...parsed, problemNumbers: parsed.problemNumbers ?? [] };
  });
}
