import { accountScope } from "../core/people/account-scope.js";
import type { Role } from "../core/people/roles.js";
import { type Clock, systemClock } from "../core/ports/clock.js";
import type { CommunitySummary, PeopleRepository } from "../core/ports/people-repository.js";
import type { PlatformIdentity } from "../core/shared/platform.js";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { DEFAULT_COMMUNITY_SLUG } from "./default-community.js";

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Retries once after a unique violation: two first contacts raced and the other one won. */
async function createOrFind<T>(find: () => Promise<T | null>, create: () => Promise<T>): Promise<T> {
  const existing = await find();
  if (existing) return existing;
  try {
    return await create();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await find();
    if (!winner) throw error;
    return winner;
  }
}

/** How stale PlatformAccount.lastSeenAt may get before a request refreshes it. */
const LAST_SEEN_PRECISION_MS = 60_000;

/** What an account row remembers of the platform's profile, and when the person was last seen. */
export interface StoredAccount {
  displayName: string | null;
  locale: string | null;
  email: string | null;
  lastSeenAt: Date;
}

/**
 * Whether a request must write the account: keep what the platform last told us, so
 * notifications use today's name and language, and when, so they reach the account the person
 * used last. The time only needs to be right to the minute: a burst of requests from one person
 * writes once, not once each.
 */
export function accountNeedsRefresh(identity: PlatformIdentity, account: StoredAccount, now: Date): boolean {
  return Boolean(
    (identity.displayName && identity.displayName !== account.displayName) ||
      (identity.locale && identity.locale !== account.locale) ||
      (identity.email && identity.email !== account.email) ||
      now.getTime() - account.lastSeenAt.getTime() >= LAST_SEEN_PRECISION_MS,
  );
}

export class PrismaPeopleRepository implements PeopleRepository {
  constructor(
    private readonly prisma: PrismaClient,
    /** Stamps PlatformAccount.lastSeenAt: notifications go to the account a person used last. */
    private readonly clock: Clock = systemClock,
  ) {}

  async communityForWorkspace(
    platform: PlatformIdentity["platform"],
    workspaceId: string,
  ): Promise<CommunitySummary> {
    // Every request asks this: one joined read when the workspace is known (Prisma's include
    // would read the link and the community apart); the create path only on first contact.
    const [known] = await this.prisma.$queryRaw<CommunitySummary[]>`
      SELECT c."id", c."slug", c."name", c."timezone", c."locale"
        FROM "CommunityPlatform" l JOIN "Community" c ON c."id" = l."communityId"
       WHERE l."platform" = ${platform}::"Platform" AND l."workspaceId" = ${workspaceId}`;
    if (known) return known;
    const link = await createOrFind(
      () =>
        this.prisma.communityPlatform.findUnique({
          where: { platform_workspaceId: { platform, workspaceId } },
          include: { community: true },
        }),
      async () => {
        const fallback = await this.prisma.community.findUniqueOrThrow({
          where: { slug: DEFAULT_COMMUNITY_SLUG },
        });
        return this.prisma.communityPlatform.create({
          data: { platform, workspaceId, communityId: fallback.id },
          include: { community: true },
        });
      },
    );
    const { id, slug, name, timezone, locale } = link.community;
    return { id, slug, name, timezone, locale };
  }

  async findOrCreateActor(
    identity: PlatformIdentity,
    community: CommunitySummary,
    initialRoles: readonly Role[],
  ) {
    const where = {
      platform_workspaceId_userId: {
        platform: identity.platform,
        workspaceId: accountScope(identity),
        userId: identity.userId,
      },
    };
    const known = await this.knownActor(identity, community);
    if (known) return known;
    const account = await createOrFind(
      () => this.prisma.platformAccount.findUnique({ where, include: { person: true } }),
      () =>
        this.prisma.platformAccount.create({
          data: {
            platform: identity.platform,
            workspaceId: accountScope(identity),
            userId: identity.userId,
            displayName: identity.displayName ?? null,
            locale: identity.locale ?? null,
            email: identity.email ?? null,
            lastSeenAt: this.clock.now(),
            person: { create: { displayName: identity.displayName ?? identity.userId } },
          },
          include: { person: true },
        }),
    );
    const now = this.clock.now();
    if (accountNeedsRefresh(identity, account, now)) {
      await this.prisma.platformAccount.update({
        where: { id: account.id },
        data: {
          displayName: identity.displayName ?? account.displayName,
          locale: identity.locale ?? account.locale,
          email: identity.email ?? account.email,
          lastSeenAt: now,
        },
      });
    }
    const membership = await createOrFind(
      () =>
        this.prisma.membership.findUnique({
          where: { communityId_personId: { communityId: community.id, personId: account.personId } },
        }),
      () =>
        this.prisma.membership.create({
          data: { communityId: community.id, personId: account.personId, roles: [...initialRoles] },
        }),
    );
    return {
      personId: account.personId,
      displayName: identity.displayName ?? account.person.displayName,
      roles: membership.roles as Role[],
      personLocale: account.person.locale,
      accountLocale: identity.locale ?? account.locale,
    };
  }

  /**
   * The common case in one read: an account we know, its person and a membership of this
   * community (the account's refresh still writes when due). Null sends the caller down the
   * create-or-find path, which makes what is missing.
   */
  private async knownActor(identity: PlatformIdentity, community: CommunitySummary) {
    const [row] = await this.prisma.$queryRaw<
      (StoredAccount & {
        id: string;
        personId: string;
        personDisplayName: string;
        personLocale: string | null;
        roles: Role[];
      })[]
    >`
      SELECT a."id", a."personId", a."displayName", a."locale", a."email", a."lastSeenAt",
             p."displayName" AS "personDisplayName", p."locale" AS "personLocale", m."roles"::text[] AS "roles"
        FROM "PlatformAccount" a
        JOIN "Person" p ON p."id" = a."personId"
        JOIN "Membership" m ON m."personId" = a."personId" AND m."communityId" = ${community.id}::uuid
       WHERE a."platform" = ${identity.platform}::"Platform" AND a."workspaceId" = ${accountScope(identity)}
         AND a."userId" = ${identity.userId}`;
    if (!row) return null;
    const now = this.clock.now();
    const account = { ...row, lastSeenAt: new Date(row.lastSeenAt) };
    if (accountNeedsRefresh(identity, account, now))
      await this.prisma.platformAccount.update({
        where: { id: row.id },
        data: {
          displayName: identity.displayName ?? row.displayName,
          locale: identity.locale ?? row.locale,
          email: identity.email ?? row.email,
          lastSeenAt: now,
        },
      });
    return {
      personId: row.personId,
      displayName: identity.displayName ?? row.personDisplayName,
      roles: row.roles,
      personLocale: row.personLocale,
      accountLocale: identity.locale ?? row.locale,
    };
  }
}
