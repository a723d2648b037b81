import { accountScope } from "../../core/people/account-scope.js";
import type { Role } from "../../core/people/roles.js";
import type { Clock } from "../../core/ports/clock.js";
import type { CommunitySummary, PeopleRepository } from "../../core/ports/people-repository.js";
import type { PlatformIdentity } from "../../core/shared/platform.js";
import { accountNeedsRefresh } from "../prisma-people-repository.js";
import type { SqlExecutor } from "../sql-executor.js";

/**
 * Every request starts by asking who is talking and in which community. Almost always both are
 * known and nothing needs writing, so this answers that case with one plain SQL query each and
 * leaves first contact, refreshes and races to the Prisma repository it wraps. Measured in
 * bench/slack-load.ts: the Prisma client's per-query work was the largest share of a slash
 * command's time on the event loop that also acknowledges Slack.
 */
export class SqlKnownPeople implements PeopleRepository {
  constructor(
    private readonly sql: Pick<SqlExecutor, "query">,
    private readonly fallback: PeopleRepository,
    private readonly clock: Clock,
  ) {}

  async communityForWorkspace(
    platform: PlatformIdentity["platform"],
    workspaceId: string,
  ): Promise<CommunitySummary> {
    const [known] = await this.sql.query<CommunitySummary & Record<string, unknown>>(
      `SELECT c."id", c."slug", c."name", c."timezone", c."locale"
         FROM "CommunityPlatform" cp JOIN "Community" c ON c."id" = cp."communityId"
        WHERE cp."platform" = $1::"Platform" AND cp."workspaceId" = $2`,
      [platform, workspaceId],
    );
    if (!known) return this.fallback.communityForWorkspace(platform, workspaceId);
    const { id, slug, name, timezone, locale } = known;
    return { id, slug, name, timezone, locale };
  }

  async findOrCreateActor(
    identity: PlatformIdentity,
    community: CommunitySummary,
    initialRoles: readonly Role[],
  ) {
    const [known] = await this.sql.query<{
      personId: string;
      displayName: string | null;
      locale: string | null;
      email: string | null;
      lastSeenAt: Date | string;
      personName: string;
      personLocale: string | null;
      roles: Role[];
    }>(
      `SELECT a."personId", a."displayName", a."locale", a."email", a."lastSeenAt",
              p."displayName" AS "personName", p."locale" AS "personLocale", m."roles"::text[] AS "roles"
         FROM "PlatformAccount" a
         JOIN "Person" p ON p."id" = a."personId"
         JOIN "Membership" m ON m."personId" = a."personId" AND m."communityId" = $4::uuid
        WHERE a."platform" = $1::"Platform" AND a."workspaceId" = $2 AND a."userId" = $3`,
      [identity.platform, accountScope(identity), identity.userId, community.id],
    );
    const account = known && { ...known, lastSeenAt: new Date(known.lastSeenAt) };
    if (!account || accountNeedsRefresh(identity, account, this.clock.now())) {
      return this.fallback.findOrCreateActor(identity, community, initialRoles);
    }
    return {
      personId: account.personId,
      displayName: identity.displayName ?? account.personName,
      roles: account.roles,
      personLocale: account.personLocale,
      accountLocale: identity.locale ?? account.locale,
    };
  }
}
