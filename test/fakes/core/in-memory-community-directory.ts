import type { Role } from "../../../src/core/people/roles.js";
import {
  type ChannelPurpose,
  type CommunityChannels,
  type CommunityConfig,
  type CommunityDirectory,
  type CommunityMember,
  type DigestSchedule,
  defaultDigestSchedule,
  defaultIntakeLimits,
  defaultTriageSettings,
  type IntakeLimits,
  type OncallRotation,
  type PersonContact,
  type TriageSettings,
} from "../../../src/core/ports/community-directory.js";
import type { Platform } from "../../../src/core/shared/platform.js";
import type { InMemoryPeopleRepository } from "./in-memory-people-repository.js";

/**
 * A stateful in-memory CommunityDirectory over the people fake's communities, workspace links,
 * memberships and accounts (the SQL directory reads the same tables the people repository writes).
 */
export class InMemoryCommunityDirectory implements CommunityDirectory {
  readonly topics = new Map<string, string[]>();
  readonly intake = new Map<string, IntakeLimits>();
  readonly triage = new Map<string, TriageSettings>();
  readonly oncall = new Map<string, OncallRotation>();
  /** `platform:workspaceId` → channel ids. */
  readonly channels = new Map<string, Record<ChannelPurpose, string | null>>();
  readonly digest = new Map<string, DigestSchedule>();

  constructor(private readonly people: InMemoryPeopleRepository) {}

  async config(communityId: string): Promise<CommunityConfig> {
    const community = this.people.communities.get(communityId);
    if (!community) throw new Error(`no community ${communityId}`);
    const channels: CommunityChannels[] = [];
    for (const [key, linkedTo] of this.people.workspaceLinks) {
      if (linkedTo !== communityId) continue;
      const [platform, ...rest] = key.split(":");
      const set = this.channels.get(key);
      channels.push({
        platform: platform as Platform,
        workspaceId: rest.join(":"),
        problemChannelId: set?.problems ?? null,
        triageChannelId: set?.triage ?? null,
        showcaseChannelId: set?.showcases ?? null,
        digestChannelId: set?.digest ?? null,
      });
    }
    channels.sort((a, b) => `${a.platform}:${a.workspaceId}`.localeCompare(`${b.platform}:${b.workspaceId}`));
    const oncall = this.oncall.get(communityId);
    return {
      communityId,
      name: community.name,
      timezone: community.timezone,
      locale: community.locale,
      topics: [...(this.topics.get(communityId) ?? [])],
      intake: { ...(this.intake.get(communityId) ?? defaultIntakeLimits) },
      triage: { ...(this.triage.get(communityId) ?? defaultTriageSettings) },
      oncall: oncall ? { personIds: [...oncall.personIds], startsOn: oncall.startsOn } : null,
      channels,
      digest: { ...(this.digest.get(communityId) ?? defaultDigestSchedule) },
    };
  }

  async setChannel(
    communityId: string,
    platform: Platform,
    workspaceId: string,
    purpose: ChannelPurpose,
    channelId: string,
  ): Promise<void> {
    const key = `${platform}:${workspaceId}`;
    const linkedTo = this.people.workspaceLinks.get(key);
    if (linkedTo !== undefined && linkedTo !== communityId) {
      throw new Error(`${key} belongs to another community`);
    }
    this.people.workspaceLinks.set(key, communityId);
    const current = this.channels.get(key) ?? { problems: null, triage: null, showcases: null, digest: null };
    current[purpose] = channelId;
    this.channels.set(key, current);
  }

  async setTimezone(communityId: string, timezone: string): Promise<void> {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
    this.updateCommunity(communityId, { timezone });
  }

  async setLocale(communityId: string, locale: string): Promise<void> {
    if (locale !== "en" && locale !== "es") throw new Error(`unsupported locale ${locale}`);
    this.updateCommunity(communityId, { locale });
  }

  async setDigestSchedule(communityId: string, schedule: DigestSchedule): Promise<void> {
    this.digest.set(communityId, { ...schedule });
  }

  private updateCommunity(communityId: string, change: { timezone?: string; locale?: string }): void {
    const community = this.people.communities.get(communityId);
    if (!community) throw new Error(`no community ${communityId}`);
    // In place: the people fake hands out this same object as the default community.
    Object.assign(community, change);
  }

  async setTopics(communityId: string, topics: readonly string[]): Promise<void> {
    this.topics.set(communityId, [...topics]);
  }

  async setTriageSettings(communityId: string, triage: TriageSettings): Promise<void> {
    this.triage.set(communityId, { ...triage });
  }

  async setIntakeLimits(communityId: string, limits: IntakeLimits): Promise<void> {
    this.intake.set(communityId, { ...limits });
  }

  async setOncall(communityId: string, rotation: OncallRotation | null): Promise<void> {
    if (rotation)
      this.oncall.set(communityId, { personIds: [...rotation.personIds], startsOn: rotation.startsOn });
    else this.oncall.delete(communityId);
  }

  async membersWithRole(
    communityId: string,
    roles: readonly Role[],
    topic?: string,
  ): Promise<CommunityMember[]> {
    const members: CommunityMember[] = [];
    for (const [key, held] of this.people.memberships) {
      const [community, personId] = key.split(":") as [string, string];
      if (community !== communityId || !held.some((role) => roles.includes(role))) continue;
      const topics = this.people.membershipTopics.get(key) ?? [];
      if (topic !== undefined && !topics.includes(topic)) continue;
      members.push({
        personId,
        displayName: this.people.displayNameOf(personId),
        roles: [...held],
        topics: [...topics],
      });
    }
    return members.sort(
      (a, b) => a.displayName.localeCompare(b.displayName) || a.personId.localeCompare(b.personId),
    );
  }

  async contacts(personIds: readonly string[]): Promise<PersonContact[]> {
    return personIds.flatMap((personId) => {
      const person = this.people.people.get(personId);
      if (!person) return [];
      const accounts = [...this.people.accounts.values()]
        .filter((account) => account.personId === personId)
        .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime() || b.seenSeq - a.seenSeq)
        .map(({ platform, workspaceId, userId, locale }) => ({ platform, workspaceId, userId, locale }));
      return [{ personId, displayName: person.displayName, locale: person.locale, accounts }];
    });
  }
}
