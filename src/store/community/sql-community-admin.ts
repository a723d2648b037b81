import type { Role } from "../../core/people/roles.js";
import type { Platform } from "../../core/shared/platform.js";
import type { SqlExecutor } from "../sql-executor.js";
import { timeOrderedId } from "../time-ordered-id.js";

export interface AccountMatch {
  personId: string;
  displayName: string;
  platform: Platform;
  workspaceId: string;
  userId: string;
}

export interface MembershipView {
  roles: Role[];
  topics: string[];
}

/**
 * What an operator at the terminal changes about a community's people (`datadesk role …`,
 * `datadesk community oncall …`): finding a person by a platform account, granting and revoking
 * roles and topics. Not a core port: chat never grants roles, only the operator does.
 */
export class SqlCommunityAdmin {
  constructor(private readonly sql: Pick<SqlExecutor, "query">) {}

  async communityIdBySlug(slug: string): Promise<string | null> {
    const [row] = await this.sql.query<{ id: string }>(`SELECT "id" FROM "Community" WHERE "slug" = $1`, [
      slug,
    ]);
    return row?.id ?? null;
  }

  /** Accounts matching a user id on a platform (one Slack user id may exist in several teams). */
  async findAccounts(platform: Platform, userId: string, workspaceId?: string): Promise<AccountMatch[]> {
    return this.sql.query<AccountMatch & Record<string, unknown>>(
      `SELECT a."personId", p."displayName", a."platform"::text AS "platform", a."workspaceId", a."userId"
         FROM "PlatformAccount" a JOIN "Person" p ON p."id" = a."personId"
        WHERE a."platform" = $1::"Platform" AND a."userId" = $2 AND ($3::text IS NULL OR a."workspaceId" = $3)
        ORDER BY a."workspaceId"`,
      [platform, userId, workspaceId ?? null],
    );
  }

  async displayNames(personIds: readonly string[]): Promise<Map<string, string>> {
    if (personIds.length === 0) return new Map();
    const rows = await this.sql.query<{ id: string; displayName: string }>(
      `SELECT "id", "displayName" FROM "Person" WHERE "id" = ANY($1::uuid[])`,
      [[...personIds]],
    );
    return new Map(rows.map((row) => [row.id, row.displayName]));
  }

  /** Adds the role and topics (a person not yet a member becomes one); returns the membership. */
  async grant(
    communityId: string,
    personId: string,
    role: Role,
    topics: readonly string[],
  ): Promise<MembershipView> {
    const [row] = await this.sql.query<MembershipView & Record<string, unknown>>(
      `INSERT INTO "Membership" ("id", "communityId", "personId", "roles", "topics")
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::text[]::"Role"[], $5::text[])
       ON CONFLICT ("communityId", "personId") DO UPDATE SET
         "roles" = ARRAY(SELECT r FROM unnest("Membership"."roles" || EXCLUDED."roles") WITH ORDINALITY AS u(r, i)
                         GROUP BY r ORDER BY min(i)),
         "topics" = ARRAY(SELECT t FROM unnest("Membership"."topics" || EXCLUDED."topics") WITH ORDINALITY AS u(t, i)
                          GROUP BY t ORDER BY min(i))
       RETURNING "roles"::text[] AS "roles", "topics"`,
      [
        timeOrderedId(),
        communityId,
        personId,
        role === "member" ? ["member"] : ["member", role],
        [...topics],
      ],
    );
    if (!row) throw new Error("the membership was not stored");
    return { roles: row.roles, topics: row.topics ?? [] };
  }

  /**
   * Without topics: takes the role away. With topics: takes only those topics away (the role
   * stays). Returns the membership, or null when the person is not a member.
   */
  async revoke(
    communityId: string,
    personId: string,
    role: Role,
    topics: readonly string[],
  ): Promise<MembershipView | null> {
    const [row] = await this.sql.query<MembershipView & Record<string, unknown>>(
      topics.length === 0
        ? `UPDATE "Membership" SET "roles" = array_remove("roles", $3::text::"Role")
            WHERE "communityId" = $1::uuid AND "personId" = $2::uuid RETURNING "roles"::text[] AS "roles", "topics"`
        : `UPDATE "Membership" SET "topics" = ARRAY(SELECT t FROM unnest("topics") AS t WHERE t <> ALL($4::text[]))
            WHERE "communityId" = $1::uuid AND "personId" = $2::uuid AND $3::text IS NOT NULL
            RETURNING "roles"::text[] AS "roles", "topics"`,
      topics.length === 0 ? [communityId, personId, role] : [communityId, personId, role, [...topics]],
    );
    return row ? { roles: row.roles, topics: row.topics ?? [] } : null;
  }
}
