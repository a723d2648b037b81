import { z } from "zod";
import { type ChampionLevel, championLevels, type Role, roles } from "../../core/people/roles.js";
import type {
  CommunityTransactionStores,
  CommunityUnitOfWork,
  MemberProfile,
  MembershipStore,
  ProfileChange,
} from "../../core/ports/membership-store.js";
import type { Platform } from "../../core/shared/platform.js";
import { SqlAuditLog } from "../access/sql-audit-log.js";
import type { SqlExecutor } from "../sql-executor.js";
import { isUuid, timeOrderedId } from "../time-ordered-id.js";
import { SqlAdminClaimStore } from "./sql-admin-claims.js";
import { SqlCommunityDirectory } from "./sql-community-directory.js";

const PROFILE_COLUMNS = `m."personId", p."displayName", m."roles"::text[] AS "roles",
  m."championLevel"::text AS "championLevel", m."topics", m."bio", m."contactNote"`;

const profileRowSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  championLevel: z.enum(championLevels).nullable(),
  topics: z.array(z.string()).nullable(),
  bio: z.string().nullable(),
  contactNote: z.string().nullable(),
});

function toProfile(row: unknown): MemberProfile {
  const parsed = profileRowSchema.parse(row);
  return { ...parsed, topics: parsed.topics ?? [] };
}

/** Keeps the first occurrence of each element, in order (roles and topics are small arrays). */
const MERGE = (column: string, added: string) =>
  `ARRAY(SELECT x FROM unnest(${column} || ${added}) WITH ORDINALITY AS u(x, i) GROUP BY x ORDER BY min(i))`;

/** Memberships over Membership, Person and PlatformAccount. */
export class SqlMembershipStore implements MembershipStore {
  constructor(private readonly sql: Pick<SqlExecutor, "query">) {}

  private async one(communityId: string, personId: string): Promise<MemberProfile | null> {
    if (!isUuid(communityId) || !isUuid(personId)) return null;
    const [row] = await this.sql.query(
      `SELECT ${PROFILE_COLUMNS} FROM "Membership" m JOIN "Person" p ON p."id" = m."personId"
        WHERE m."communityId" = $1::uuid AND m."personId" = $2::uuid`,
      [communityId, personId],
    );
    return row ? toProfile(row) : null;
  }

  profile(communityId: string, personId: string): Promise<MemberProfile | null> {
    return this.one(communityId, personId);
  }

  async champions(communityId: string, topic?: string): Promise<MemberProfile[]> {
    if (!isUuid(communityId)) return [];
    const rows = await this.sql.query(
      `SELECT ${PROFILE_COLUMNS} FROM "Membership" m JOIN "Person" p ON p."id" = m."personId"
        WHERE m."communityId" = $1::uuid AND 'champion'::"Role" = ANY(m."roles")
          AND ($2::text IS NULL OR lower($2::text) = ANY(SELECT lower(t) FROM unnest(m."topics") AS t))
        ORDER BY p."displayName", m."personId"`,
      [communityId, topic ?? null],
    );
    return rows.map(toProfile);
  }

  async countWithRole(communityId: string, role: Role): Promise<number> {
    if (!isUuid(communityId)) return 0;
    const [row] = await this.sql.query<{ count: string }>(
      `SELECT count(*)::text AS "count" FROM "Membership"
        WHERE "communityId" = $1::uuid AND $2::text::"Role" = ANY("roles")`,
      [communityId, role],
    );
    return Number(row?.count ?? 0);
  }

  async personByAccount(
    platform: Platform,
    accountScope: string,
    userId: string,
  ): Promise<{ personId: string; displayName: string } | null> {
    const [row] = await this.sql.query<{ personId: string; displayName: string }>(
      `SELECT a."personId", p."displayName" FROM "PlatformAccount" a JOIN "Person" p ON p."id" = a."personId"
        WHERE a."platform" = $1::"Platform" AND a."workspaceId" = $2 AND a."userId" = $3`,
      [platform, accountScope, userId],
    );
    return row ?? null;
  }

  async peopleNamed(
    platform: Platform,
    accountScope: string,
    name: string,
  ): Promise<{ personId: string; displayName: string }[]> {
    return this.sql.query<{ personId: string; displayName: string }>(
      `SELECT DISTINCT a."personId", p."displayName" FROM "PlatformAccount" a JOIN "Person" p ON p."id" = a."personId"
        WHERE a."platform" = $1::"Platform" AND a."workspaceId" = $2
          AND (lower(a."displayName") = lower($3) OR lower(p."displayName") = lower($3))
        ORDER BY p."displayName", a."personId" LIMIT 10`,
      [platform, accountScope, name],
    );
  }

  async updateProfile(
    communityId: string,
    personId: string,
    change: ProfileChange,
  ): Promise<MemberProfile | null> {
    if (!isUuid(communityId) || !isUuid(personId)) return null;
    const [row] = await this.sql.query<{ personId: string }>(
      `UPDATE "Membership" SET "topics" = $3::text[], "bio" = $4, "contactNote" = $5
        WHERE "communityId" = $1::uuid AND "personId" = $2::uuid RETURNING "personId"`,
      [communityId, personId, change.topics, change.bio, change.contactNote],
    );
    return row ? this.one(communityId, personId) : null;
  }

  async grantRole(
    communityId: string,
    personId: string,
    role: Role,
    options: { level?: ChampionLevel; topics?: readonly string[] },
  ): Promise<MemberProfile> {
    await this.sql.query(
      `INSERT INTO "Membership" ("id", "communityId", "personId", "roles", "topics", "championLevel")
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::text[]::"Role"[], $5::text[], $6::text::"ChampionLevel")
       ON CONFLICT ("communityId", "personId") DO UPDATE SET
         "roles" = ${MERGE(`"Membership"."roles"`, `EXCLUDED."roles"`)},
         "topics" = ${MERGE(`"Membership"."topics"`, `EXCLUDED."topics"`)},
         "championLevel" = COALESCE(EXCLUDED."championLevel", "Membership"."championLevel")`,
      [
        timeOrderedId(),
        communityId,
        personId,
        role === "member" ? ["member"] : ["member", role],
        [...(options.topics ?? [])],
        options.level ?? null,
      ],
    );
    const profile = await this.one(communityId, personId);
    if (!profile) throw new Error("the membership was not stored");
    return profile;
  }

  async revokeRole(communityId: string, personId: string, role: Role): Promise<MemberProfile | null> {
    if (!isUuid(communityId) || !isUuid(personId)) return null;
    const [row] = await this.sql.query<{ personId: string }>(
      `UPDATE "Membership" SET "roles" = array_remove("roles", $3::text::"Role")
        WHERE "communityId" = $1::uuid AND "personId" = $2::uuid RETURNING "personId"`,
      [communityId, personId, role],
    );
    return row ? this.one(communityId, personId) : null;
  }
}

/** One transaction per unit: the membership, directory and audit stores bound to it. */
export class SqlCommunityUnitOfWork implements CommunityUnitOfWork {
  constructor(private readonly sql: Pick<SqlExecutor, "transaction">) {}

  run<T>(fn: (tx: CommunityTransactionStores) => Promise<T>): Promise<T> {
    return this.sql.transaction((tx) =>
      fn({
        memberships: new SqlMembershipStore(tx),
        directory: new SqlCommunityDirectory(tx),
        audit: new SqlAuditLog(tx),
        adminClaims: new SqlAdminClaimStore(tx),
      }),
    );
  }
}
