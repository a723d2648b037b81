import type { SqlExecutor } from "../sql-executor.js";

type Query = Pick<SqlExecutor, "query">;

/**
 * Every foreign key to "Person", and what a merge does with it: "moved" to the kept person, or
 * "dropped" with the merged one (a spent link code). test/store/merge-person-references.test.ts
 * holds this list to the database's foreign keys, so a new table that points at people cannot be
 * forgotten here: a forgotten RESTRICT key would make linking fail for everyone who has such a
 * row, a forgotten CASCADE key would silently lose their rows.
 */
export const personReferences: Readonly<Record<string, "moved" | "dropped">> = {
  "PlatformAccount.personId": "moved",
  "ProblemVote.personId": "moved",
  "ProblemFollower.personId": "moved",
  "Problem.submitterId": "moved",
  "Problem.assigneeId": "moved",
  "ProblemEvent.actorId": "moved",
  "FormDraft.personId": "moved",
  "Membership.personId": "moved",
  "AccessRequest.requesterId": "moved",
  "DatasetSteward.personId": "moved",
  "DigestSubscription.personId": "moved",
  "Showcase.submitterId": "moved",
  "Showcase.reviewerId": "moved",
  "Watch.personId": "moved",
  "DataMatch.decidedById": "moved",
  "ProblemComment.authorPersonId": "moved",
  "AccountLinkCode.personId": "dropped",
};

/**
 * Moves everything of person `from` to person `into`, then deletes `from`. Run inside one
 * transaction (account linking): a half-merged person would count votes twice or lose them.
 *
 * Votes and follows move unless `into` already has the same one (then `from`'s is dropped, so
 * a person who voted on both platforms counts once); the vote counts of every problem `from`
 * had voted on are recounted from the rows, and their cards' versions bumped so the shown
 * count is edited. Memberships in the same community are joined (roles and topics unioned).
 */
export async function mergePerson(tx: Query, from: string, into: string): Promise<void> {
  const params = [from, into];
  await tx.query(`UPDATE "PlatformAccount" SET "personId" = $2::uuid WHERE "personId" = $1::uuid`, params);

  const voted = await tx.query<{ problemId: string }>(
    `SELECT "problemId" FROM "ProblemVote" WHERE "personId" = $1::uuid`,
    [from],
  );
  for (const table of [`"ProblemVote"`, `"ProblemFollower"`]) {
    await tx.query(
      `UPDATE ${table} t SET "personId" = $2::uuid WHERE t."personId" = $1::uuid
          AND NOT EXISTS (SELECT 1 FROM ${table} k WHERE k."problemId" = t."problemId" AND k."personId" = $2::uuid)`,
      params,
    );
    await tx.query(`DELETE FROM ${table} WHERE "personId" = $1::uuid`, [from]);
  }
  if (voted.length > 0) {
    await tx.query(
      `UPDATE "Problem" p SET "voteCount" = (SELECT count(*)::int FROM "ProblemVote" v WHERE v."problemId" = p."id"),
              "cardVersion" = p."cardVersion" + 1
        WHERE p."id" = ANY($1::uuid[])`,
      [voted.map((row) => row.problemId)],
    );
  }

  await tx.query(`UPDATE "Problem" SET "submitterId" = $2::uuid WHERE "submitterId" = $1::uuid`, params);
  await tx.query(`UPDATE "Problem" SET "assigneeId" = $2::uuid WHERE "assigneeId" = $1::uuid`, params);
  await tx.query(`UPDATE "ProblemEvent" SET "actorId" = $2::uuid WHERE "actorId" = $1::uuid`, params);
  await tx.query(`UPDATE "FormDraft" SET "personId" = $2::uuid WHERE "personId" = $1::uuid`, params);
  // No foreign key (a note outlives its author), but the note should still be theirs.
  await tx.query(
    `UPDATE "DatasetUsageNote" SET "authorPersonId" = $2::uuid WHERE "authorPersonId" = $1::uuid`,
    params,
  );
  await tx.query(`UPDATE "Showcase" SET "submitterId" = $2::uuid WHERE "submitterId" = $1::uuid`, params);
  await tx.query(`UPDATE "Showcase" SET "reviewerId" = $2::uuid WHERE "reviewerId" = $1::uuid`, params);
  // Requests keep their history; routes, decisions and message refs name people inside JSON, so
  // a steward who links accounts can still decide what was routed to either of them.
  await tx.query(
    `UPDATE "AccessRequest" SET "requesterId" = CASE WHEN "requesterId" = $1::uuid THEN $2::uuid ELSE "requesterId" END,
            "routes" = replace("routes"::text, $1::text, $2::text)::jsonb,
            "decision" = replace("decision"::text, $1::text, $2::text)::jsonb,
            "messages" = replace("messages"::text, $1::text, $2::text)::jsonb
      WHERE "requesterId" = $1::uuid OR "routes"::text LIKE '%' || $1::text || '%'
         OR "decision"::text LIKE '%' || $1::text || '%' OR "messages"::text LIKE '%' || $1::text || '%'`,
    params,
  );
  await tx.query(
    `UPDATE "Community" SET "settings" = replace("settings"::text, $1::text, $2::text)::jsonb
      WHERE "settings"::text LIKE '%' || $1::text || '%'`,
    params,
  );
  // Rows unique per person and something else (one steward row per dataset, one digest
  // subscription per community, one watch per target, one notice per run and per overdue
  // spell): where both people have one, the kept person's wins; the rest move.
  await moveUniquePerPerson(tx, params, "DatasetSteward", ["datasetId"]);
  await moveUniquePerPerson(tx, params, "DigestSubscription", ["communityId"]);
  await moveUniquePerPerson(tx, params, "Watch", ["communityId", "kind", "target"]);
  await moveUniquePerPerson(tx, params, "WatchRunNotice", ["runId"]);
  await moveUniquePerPerson(tx, params, "WatchOverdueNotice", ["datasetId", "overdueFrom"]);
  await tx.query(`UPDATE "DataMatch" SET "decidedById" = $2::uuid WHERE "decidedById" = $1::uuid`, params);
  await tx.query(
    `UPDATE "ProblemComment" SET "authorPersonId" = $2::uuid WHERE "authorPersonId" = $1::uuid`,
    params,
  );

  // Same community: one membership with both people's roles and topics (the kept person's first).
  await tx.query(
    `UPDATE "Membership" k SET
        "roles" = ARRAY(SELECT r FROM unnest(k."roles" || f."roles") WITH ORDINALITY AS u(r, i) GROUP BY r ORDER BY min(i)),
        "topics" = ARRAY(SELECT t FROM unnest(k."topics" || f."topics") WITH ORDINALITY AS u(t, i) GROUP BY t ORDER BY min(i)),
        "championLevel" = coalesce(k."championLevel", f."championLevel")
       FROM "Membership" f
      WHERE k."personId" = $2::uuid AND f."personId" = $1::uuid AND f."communityId" = k."communityId"`,
    params,
  );
  await tx.query(
    `DELETE FROM "Membership" f WHERE f."personId" = $1::uuid
        AND EXISTS (SELECT 1 FROM "Membership" k WHERE k."personId" = $2::uuid AND k."communityId" = f."communityId")`,
    params,
  );
  await tx.query(`UPDATE "Membership" SET "personId" = $2::uuid WHERE "personId" = $1::uuid`, params);

  await tx.query(
    `UPDATE "Person" k SET "locale" = coalesce(k."locale", f."locale") FROM "Person" f
      WHERE k."id" = $2::uuid AND f."id" = $1::uuid`,
    params,
  );
  await tx.query(`DELETE FROM "Person" WHERE "id" = $1::uuid`, [from]);
}

/**
 * Moves a table's rows of the merged person ($1) to the kept one ($2) where `personId` is unique
 * together with `sameAs`: the merged person's row is dropped where the kept one has its twin.
 * Table and column names are this file's constants, never input.
 */
async function moveUniquePerPerson(
  tx: Query,
  params: readonly string[],
  table: string,
  sameAs: readonly string[],
): Promise<void> {
  const twin = sameAs.map((column) => `k."${column}" = f."${column}"`).join(" AND ");
  await tx.query(
    `DELETE FROM "${table}" f WHERE f."personId" = $1::uuid
        AND EXISTS (SELECT 1 FROM "${table}" k WHERE k."personId" = $2::uuid AND ${twin})`,
    [...params],
  );
  await tx.query(`UPDATE "${table}" SET "personId" = $2::uuid WHERE "personId" = $1::uuid`, [...params]);
}
