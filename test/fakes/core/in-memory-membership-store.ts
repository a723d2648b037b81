import type { ChampionLevel, Role } from "../../../src/core/people/roles.js";
import type { AdminClaimStore } from "../../../src/core/ports/admin-claims.js";
import type {
  CommunityTransactionStores,
  CommunityUnitOfWork,
  MemberProfile,
  MembershipStore,
  ProfileChange,
} from "../../../src/core/ports/membership-store.js";
import type { Platform } from "../../../src/core/shared/platform.js";
import type { InMemoryPeopleRepository } from "./in-memory-people-repository.js";

/**
 * A stateful MembershipStore over the people fake's memberships and topics (the SQL store reads
 * the same Membership rows the people repository writes), plus levels, bios and contact notes.
 */
export class InMemoryMembershipStore implements MembershipStore {
  /** `communityId:personId` → level / bio / contact note. */
  readonly levels = new Map<string, ChampionLevel>();
  readonly bios = new Map<string, string>();
  readonly contactNotes = new Map<string, string>();

  constructor(private readonly people: InMemoryPeopleRepository) {}

  private view(communityId: string, personId: string): MemberProfile | null {
    const key = `${communityId}:${personId}`;
    const held = this.people.memberships.get(key);
    if (!held) return null;
    return {
      personId,
      displayName: this.people.displayNameOf(personId),
      roles: [...held],
      championLevel: this.levels.get(key) ?? null,
      topics: [...(this.people.membershipTopics.get(key) ?? [])],
      bio: this.bios.get(key) ?? null,
      contactNote: this.contactNotes.get(key) ?? null,
    };
  }

  async profile(communityId: string, personId: string): Promise<MemberProfile | null> {
    return this.view(communityId, personId);
  }

  async champions(communityId: string, topic?: string): Promise<MemberProfile[]> {
    const found: MemberProfile[] = [];
    for (const key of this.people.memberships.keys()) {
      const [community, personId] = key.split(":") as [string, string];
      if (community !== communityId) continue;
      const profile = this.view(communityId, personId);
      if (!profile?.roles.includes("champion")) continue;
      if (topic !== undefined && !profile.topics.some((t) => t.toLowerCase() === topic.toLowerCase()))
        continue;
      found.push(profile);
    }
    return found.sort(
      (a, b) => a.displayName.localeCompare(b.displayName) || a.personId.localeCompare(b.personId),
    );
  }

  async countWithRole(communityId: string, role: Role): Promise<number> {
    let count = 0;
    for (const [key, held] of this.people.memberships)
      if (key.startsWith(`${communityId}:`) && held.includes(role)) count++;
    return count;
  }

  async personByAccount(platform: Platform, accountScope: string, userId: string) {
    const account = this.people.accounts.get(`${platform}:${accountScope}:${userId}`);
    return account
      ? { personId: account.personId, displayName: this.people.displayNameOf(account.personId) }
      : null;
  }

  async peopleNamed(platform: Platform, accountScope: string, name: string) {
    const wanted = name.toLowerCase();
    const found = new Map<string, { personId: string; displayName: string }>();
    for (const account of this.people.accounts.values()) {
      if (account.platform !== platform || account.workspaceId !== accountScope) continue;
      const personName = this.people.displayNameOf(account.personId);
      if (account.displayName?.toLowerCase() === wanted || personName.toLowerCase() === wanted)
        found.set(account.personId, { personId: account.personId, displayName: personName });
    }
    return [...found.values()];
  }

  async updateProfile(communityId: string, personId: string, change: ProfileChange) {
    const key = `${communityId}:${personId}`;
    if (!this.people.memberships.has(key)) return null;
    this.people.membershipTopics.set(key, [...change.topics]);
    for (const [map, value] of [
      [this.bios, change.bio],
      [this.contactNotes, change.contactNote],
    ] as const) {
      if (value === null) map.delete(key);
      else map.set(key, value);
    }
    return this.view(communityId, personId);
  }

  async grantRole(
    communityId: string,
    personId: string,
    role: Role,
    options: { level?: ChampionLevel; topics?: readonly string[] },
  ): Promise<MemberProfile> {
    this.people.grant(personId, communityId, role, options.topics ?? []);
    if (options.level) this.levels.set(`${communityId}:${personId}`, options.level);
    const profile = this.view(communityId, personId);
    if (!profile) throw new Error("the membership was not stored");
    return profile;
  }

  async revokeRole(communityId: string, personId: string, role: Role): Promise<MemberProfile | null> {
    const key = `${communityId}:${personId}`;
    const held = this.people.memberships.get(key);
    if (!held) return null;
    this.people.memberships.set(
      key,
      held.filter((r) => r !== role),
    );
    return this.view(communityId, personId);
  }
}

/**
 * Runs `fn` straight against the fakes (no rollback, like InMemoryUnitOfWork); counts runs and
 * knows when it is active, so `guardOutsideUnits` catches a CoreDeps store used inside it.
 */
export class InMemoryCommunityUnitOfWork implements CommunityUnitOfWork {
  runs = 0;
  active = 0;

  constructor(private readonly stores: CommunityTransactionStores) {}

  async run<T>(fn: (tx: CommunityTransactionStores) => Promise<T>): Promise<T> {
    this.runs++;
    this.active++;
    try {
      return await fn(this.stores);
    } finally {
      this.active--;
    }
  }
}

/** First-admin claims by community, as the SQL store keeps them (one each, removed when taken). */
export class InMemoryAdminClaimStore implements AdminClaimStore {
  readonly claims = new Map<string, { codeHash: string; expiresAt: Date }>();

  async replace(communityId: string, codeHash: string, expiresAt: Date): Promise<void> {
    this.claims.set(communityId, { codeHash, expiresAt });
  }

  async take(communityId: string, codeHash: string): Promise<{ expiresAt: Date } | null> {
    const claim = this.claims.get(communityId);
    if (!claim || claim.codeHash !== codeHash) return null;
    this.claims.delete(communityId);
    return { expiresAt: claim.expiresAt };
  }
}
