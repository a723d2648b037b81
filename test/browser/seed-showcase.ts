import { randomUUID } from "node:crypto";
import type { SqlExecutor } from "../../src/store/sql-executor.js";

export interface SeededShowcase {
  communityId: string;
  submitterId: string;
  title: string;
  link: string;
  team: string;
  status: "pending_review" | "published";
  problemIds: string[];
  at: Date;
}

/**
 * A showcase row as the showcase capability stores it, written directly: the public page only
 * reads the table, and this keeps its test independent of the review flow's own API.
 */
export async function seedShowcase(sql: Pick<SqlExecutor, "query">, showcase: SeededShowcase): Promise<void> {
  const id = randomUUID();
  await sql.query(
    `INSERT INTO "Showcase" ("id", "communityId", "number", "title", "summary", "link", "team", "kind", "status",
                             "submitterId", "platform", "submittedAt", "publishedAt", "updatedAt")
     VALUES ($1::uuid, $2::uuid,
             (SELECT COALESCE(MAX("number"), 0) + 1 FROM "Showcase" WHERE "communityId" = $2::uuid),
             $3, $4, $5, $6, 'app', $7::"ShowcaseStatus", $8::uuid, 'slack', $9::timestamptz,
             CASE WHEN $7 = 'published' THEN $9::timestamptz END, $9::timestamptz)`,
    [
      id,
      showcase.communityId,
      showcase.title,
      `${showcase.title}, built with open data.`,
      showcase.link,
      showcase.team,
      showcase.status,
      showcase.submitterId,
      showcase.at,
    ],
  );
  for (const problemId of showcase.problemIds)
    await sql.query(
      `INSERT INTO "ShowcaseProblem" ("id", "showcaseId", "problemId") VALUES ($1::uuid, $2::uuid, $3::uuid)`,
      [randomUUID(), id, problemId],
    );
}
