import { randomUUID } from "node:crypto";
import { accountScope } from "../../../src/core/people/account-scope.js";
import type { Role } from "../../../src/core/people/roles.js";
import type { Clock } from "../../../src/core/ports/clock.js";
import type { CommunitySummary, PeopleRepository } from "../../../src/core/ports/people-repository.js";
import type { Platform, PlatformIdentity } from "../../../src/core/shared/platform.js";

export interface InMemoryAccount {
  personId: string;
  platform: Platform;
  /** The account scope (Slack team, "global" for Discord, "local" for the console). */
  workspaceId: string;
  userId: string;
  displayName: string | null;
  locale: string | null;
  lastSeenAt: Date;
  /** Breaks ties between contacts in the same millisecond, as "later call wins". */
  seenSeq: number;
}

/**
 * A stateful in-memory PeopleRepository: the fake core tests use instead of a database. The
 * community directory and account-link fakes read and change the same maps, the way their SQL
 * implementations share tables.
 */
export class InMemoryPeopleRepository implements PeopleRepository {
  readonly communities = new Map<string, CommunitySummary>();
  /** `platform:workspaceId` → community id. */
  readonly workspaceLinks = new Map<string, string>();
  readonly people = new Map<string, { displayName: string; locale: string | null }>();
  /** `platform:scope:userId` → account. */
  readonly accounts = new Map<string, InMemoryAccount>();
  /** `communityId:personId` → roles. */
  readonly memberships = new Map<string, Role[]>();
  /** `communityId:personId` → topics the member champions or stewards. */
  readonly membershipTopics = new Map<string, string[]>();
  readonly defaultCommunity: CommunitySummary;
  private seq = 0;

  constructor(
    defaults: Partial<CommunitySummary> = {},
    private readonly clock: Clock = { now: () => new Date() },
  ) {
    this.defaultCommunity = {
      id: randomUUID(),
      slug: "default",
      name: "Test Community",
      timezone: "UTC",
      locale: "en",
      ...defaults,
    };
    this.communities.set(this.defaultCommunity.id, this.defaultCommunity);
  }

  async communityForWorkspace(platform: PlatformIdentity["platform"], workspaceId: string) {
    const key = `${platform}:${workspaceId}`;
    if (!this.workspaceLinks.has(key)) this.workspaceLinks.set(key, this.defaultCommunity.id);
    const community = this.communities.get(this.workspaceLinks.get(key) ?? "");
    if (!community) throw new Error(`community missing for ${key}`);
    return { ...community };
  }

  async findOrCreateActor(
    identity: PlatformIdentity,
    community: CommunitySummary,
    initialRoles: readonly Role[],
  ) {
    const scope = accountScope(identity);
    const key = `${identity.platform}:${scope}:${identity.userId}`;
    let account = this.accounts.get(key);
    if (!account) {
      const personId = randomUUID();
      this.people.set(personId, { displayName: identity.displayName ?? identity.userId, locale: null });
      account = {
        personId,
        platform: identity.platform,
        workspaceId: scope,
        userId: identity.userId,
        displayName: identity.displayName ?? null,
        locale: identity.locale ?? null,
        lastSeenAt: this.clock.now(),
        seenSeq: 0,
      };
      this.accounts.set(key, account);
    }
    if (identity.displayName) account.displayName = identity.displayName;
    if (identity.locale) account.locale = identity.locale;
    account.lastSeenAt = this.clock.now();
    account.seenSeq = ++this.seq;
    const membershipKey = `${community.id}:${account.personId}`;
    if (!this.memberships.has(membershipKey)) this.memberships.set(membershipKey, [...initialRoles]);
    const person = this.people.get(account.personId);
    return {
      personId: account.personId,
      displayName: account.displayName ?? person?.displayName ?? identity.userId,
      roles: [...(this.memberships.get(membershipKey) ?? [])],
      personLocale: person?.locale ?? null,
      accountLocale: account.locale,
    };
  }

  /** Test helper: give a person a role in a community (optionally for some topics). */
  grant(personId: string, communityId: string, role: Role, topics: readonly string[] = []): void {
    const key = `${communityId}:${personId}`;
    const current = this.memberships.get(key) ?? ["member"];
    if (!current.includes(role)) current.push(role);
    this.memberships.set(key, current);
    if (topics.length > 0) {
      const known = this.membershipTopics.get(key) ?? [];
      this.membershipTopics.set(key, [...new Set([...known, ...topics])]);
    }
  }

  /** Test helper: a person with one account, as first contact would create them. */
  async addPerson(
    identity: PlatformIdentity,
    roles: readonly Role[] = ["member"],
    community: CommunitySummary = this.defaultCommunity,
  ): Promise<string> {
    const actor = await this.findOrCreateActor(identity, community, roles);
    return actor.personId;
  }

  displayNameOf(personId: string): string {
    return this.people.get(personId)?.displayName ?? personId;
  }
}
