import { randomUUID } from "node:crypto";
import { accountScope } from "../../../src/core/people/account-scope.js";
import type { Role } from "../../../src/core/people/roles.js";
import type { CommunitySummary, PeopleRepository } from "../../../src/core/ports/people-repository.js";
import type { PlatformIdentity } from "../../../src/core/shared/platform.js";

/** A stateful in-memory PeopleRepository: the fake core tests use instead of a database. */
export class InMemoryPeopleRepository implements PeopleRepository {
  readonly communities = new Map<string, CommunitySummary>();
  readonly workspaceLinks = new Map<string, string>();
  readonly people = new Map<string, { displayName: string; locale: string | null }>();
  readonly accounts = new Map<
    string,
    { personId: string; displayName: string | null; locale: string | null }
  >();
  readonly memberships = new Map<string, Role[]>();
  readonly defaultCommunity: CommunitySummary;

  constructor(defaults: Partial<CommunitySummary> = {}) {
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
    const key = `${identity.platform}:${accountScope(identity)}:${identity.userId}`;
    let account = this.accounts.get(key);
    if (!account) {
      const personId = randomUUID();
      this.people.set(personId, { displayName: identity.displayName ?? identity.userId, locale: null });
      account = { personId, displayName: identity.displayName ?? null, locale: identity.locale ?? null };
      this.accounts.set(key, account);
    }
    if (identity.displayName) account.displayName = identity.displayName;
    if (identity.locale) account.locale = identity.locale;
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

  /** Test helper: give a person a role in a community. */
  grant(personId: string, communityId: string, role: Role): void {
    const key = `${communityId}:${personId}`;
    const current = this.memberships.get(key) ?? ["member"];
    if (!current.includes(role)) current.push(role);
    this.memberships.set(key, current);
  }
}
