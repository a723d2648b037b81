import type { ChampionLevel, Role } from "../people/roles.js";
import type { Platform } from "../shared/platform.js";
import type { AdminClaimStore } from "./admin-claims.js";
import type { AuditLog } from "./audit-log.js";
import type { CommunityDirectory } from "./community-directory.js";

/** A member as the champions directory and the role commands see them. */
export interface MemberProfile {
  personId: string;
  displayName: string;
  roles: Role[];
  /** Executive, internal or external-facing; null when nobody said. */
  championLevel: ChampionLevel | null;
  /** Topics they champion or steward. */
  topics: string[];
  /** Their own short words (≤ 280 characters), or null. */
  bio: string | null;
  /** How they like to be reached, free text (≤ 120 characters), or null. */
  contactNote: string | null;
}

export interface ProfileChange {
  topics: string[];
  bio: string | null;
  contactNote: string | null;
}

/**
 * Memberships: who holds which role, at which level, for which topics, and what champions say
 * about themselves. It exists so chat (and the terminal) can grant roles and champions can edit
 * their own profile without the core knowing how memberships are stored.
 */
export interface MembershipStore {
  /** The member, or null when the person is not a member of the community. */
  profile(communityId: string, personId: string): Promise<MemberProfile | null>;
  /** Members holding the champion role (optionally for one topic), sorted by name. */
  champions(communityId: string, topic?: string): Promise<MemberProfile[]>;
  /** How many members hold `role` (exactly; admins are not counted as champions here). */
  countWithRole(communityId: string, role: Role): Promise<number>;
  /** The person behind an account (Slack: in that team; Discord: globally), or null if never seen. */
  personByAccount(
    platform: Platform,
    accountScope: string,
    userId: string,
  ): Promise<{ personId: string; displayName: string } | null>;
  /**
   * People with an account in that scope whose name is `name` (case-insensitive; the account's
   * platform name or the person's). Slack hands commands "@name" for a mention, not the id.
   */
  peopleNamed(
    platform: Platform,
    accountScope: string,
    name: string,
  ): Promise<{ personId: string; displayName: string }[]>;
  /** Replaces topics, bio and contact note; null when not a member. */
  updateProfile(communityId: string, personId: string, change: ProfileChange): Promise<MemberProfile | null>;
  /**
   * Adds the role (making the person a member if needed); a champion's level is set when given.
   * Returns the membership after the change.
   */
  grantRole(
    communityId: string,
    personId: string,
    role: Role,
    options: { level?: ChampionLevel; topics?: readonly string[] },
  ): Promise<MemberProfile>;
  /** Takes the role away; null when the person is not a member. */
  revokeRole(communityId: string, personId: string, role: Role): Promise<MemberProfile | null>;
}

/** The stores whose writes commit together for a membership or setup change. */
export interface CommunityTransactionStores {
  memberships: MembershipStore;
  directory: CommunityDirectory;
  audit: AuditLog;
  /** The first-admin claim is taken in the same transaction as the admin role it grants. */
  adminClaims: AdminClaimStore;
}

/**
 * Runs `fn` in one transaction: a role change, a profile edit or a setup change commits together
 * with its audit entry, or neither does. As with the other units, use only the stores handed in.
 */
export interface CommunityUnitOfWork {
  run<T>(fn: (tx: CommunityTransactionStores) => Promise<T>): Promise<T>;
}
