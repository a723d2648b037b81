import type { Role } from "../people/roles.js";
import type { Platform } from "../shared/platform.js";

/** Where a community wants things posted on one connected workspace/guild. */
export interface CommunityChannels {
  platform: Platform;
  workspaceId: string;
  /** New problems are posted here, with Vote and Follow buttons. */
  problemChannelId: string | null;
  /** Champions' private channel: new problems ping them here; the champions' digest goes here. */
  triageChannelId: string | null;
  /** Published showcases are posted here. */
  showcaseChannelId: string | null;
  /** The community's weekly public digest is posted here. */
  digestChannelId: string | null;
}

/** What a channel on a workspace/guild is for; each purpose has at most one channel there. */
export const channelPurposes = ["problems", "triage", "showcases", "digest"] as const;
export type ChannelPurpose = (typeof channelPurposes)[number];

/** When the weekly digest goes out, in the community's timezone. */
export interface DigestSchedule {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local hour, 0–23. */
  hour: number;
  /** Send a digest even when nothing happened that week (off by default: silence is kinder). */
  sendWhenQuiet: boolean;
}

export const defaultDigestSchedule: DigestSchedule = { weekday: 1, hour: 9, sendWhenQuiet: false };

export interface IntakeLimits {
  /** Minutes a member waits between two problems. */
  cooldownMinutes: number;
  /** Problems a member may file per day (rolling 24 hours). */
  dailyCap: number;
}

/** When a problem nobody triaged is raised to the on-call champion (business days, community time). */
export interface TriageSettings {
  staleBusinessDays: number;
}

export const defaultTriageSettings: TriageSettings = { staleBusinessDays: 5 };

/** The weekly on-call champion: people take turns, one week each, from `startsOn` (a Monday, ISO date). */
export interface OncallRotation {
  personIds: string[];
  startsOn: string;
}

export interface CommunityConfig {
  communityId: string;
  name: string;
  /** IANA timezone ("America/Chicago"): schedules and dates people read use it. */
  timezone: string;
  /** The community's language ("en" | "es") for public posts and people with no preference. */
  locale: string;
  /** The community's topics, as people see them ("Transport", "Housing"); problems pick one. */
  topics: string[];
  intake: IntakeLimits;
  triage: TriageSettings;
  oncall: OncallRotation | null;
  channels: CommunityChannels[];
  digest: DigestSchedule;
}

export const defaultIntakeLimits: IntakeLimits = { cooldownMinutes: 2, dailyCap: 5 };

/** A person and how to reach them on each platform, most recently active account first. */
export interface PersonContact {
  personId: string;
  displayName: string;
  /** The language they chose, else null (then their account's platform locale, else the community's). */
  locale: string | null;
  accounts: { platform: Platform; workspaceId: string; userId: string; locale: string | null }[];
}

export interface CommunityMember {
  personId: string;
  displayName: string;
  roles: Role[];
  topics: string[];
}

/**
 * A community's settings and people, as the core needs them to route and notify. It exists so
 * use cases can ask "who champions transport?" or "where do problems go on Discord?" without
 * knowing how settings are stored.
 */
export interface CommunityDirectory {
  config(communityId: string): Promise<CommunityConfig>;
  setChannel(
    communityId: string,
    platform: Platform,
    workspaceId: string,
    purpose: ChannelPurpose,
    channelId: string,
  ): Promise<void>;
  /** Callers validate the zone (Intl); stores refuse what they cannot parse. */
  setTimezone(communityId: string, timezone: string): Promise<void>;
  setLocale(communityId: string, locale: string): Promise<void>;
  setDigestSchedule(communityId: string, schedule: DigestSchedule): Promise<void>;
  setTopics(communityId: string, topics: readonly string[]): Promise<void>;
  setIntakeLimits(communityId: string, limits: IntakeLimits): Promise<void>;
  setTriageSettings(communityId: string, triage: TriageSettings): Promise<void>;
  setOncall(communityId: string, rotation: OncallRotation | null): Promise<void>;
  /** Members holding any of `roles` (admins included only when asked for), optionally for one topic. */
  membersWithRole(communityId: string, roles: readonly Role[], topic?: string): Promise<CommunityMember[]>;
  /** Contacts in the order asked; unknown ids are left out. */
  contacts(personIds: readonly string[]): Promise<PersonContact[]>;
}
