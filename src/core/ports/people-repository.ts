import type { Role } from "../people/roles.js";
import type { PlatformIdentity } from "../shared/platform.js";

export interface CommunitySummary {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  locale: string;
}

/**
 * Where people, their platform accounts and memberships live. It exists so the core can
 * recognise someone on first contact and check roles without knowing about Prisma.
 */
export interface PeopleRepository {
  /**
   * The community a Slack workspace / Discord guild belongs to. An unknown workspace is linked
   * to the default community (single-community deployments need no setup step).
   */
  communityForWorkspace(
    platform: PlatformIdentity["platform"],
    workspaceId: string,
  ): Promise<CommunitySummary>;
  /**
   * Finds the person behind a platform account, creating person, account and membership on
   * first contact (with `initialRoles`); refreshes the display name and platform locale.
   */
  findOrCreateActor(
    identity: PlatformIdentity,
    community: CommunitySummary,
    initialRoles: readonly Role[],
  ): Promise<{
    personId: string;
    displayName: string;
    roles: Role[];
    personLocale: string | null;
    accountLocale: string | null;
  }>;
}
