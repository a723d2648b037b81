import type { Role } from "../../core/people/roles.js";
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
} from "../../core/ports/community-directory.js";
import type { Platform } from "../../core/shared/platform.js";
import type { SqlExecutor } from "../sql-executor.js";
import { isUuid, timeOrderedId } from "../time-ordered-id.js";
import { communitySettingsSchema, readCommunitySettings } from "./community-settings.js";

const CHANNEL_COLUMN: Record<ChannelPurpose, string> = {
  problems: `"problemChannelId"`,
  triage: `"triageChannelId"`,
  showcases: `"showcaseChannelId"`,
  digest: `"digestChannelId"`,
};
const LOCALES = new Set(["en", "es"]);

/**
 * Community settings and people from Community, CommunityPlatform, Membership, Person and
 * PlatformAccount. Lists are small (a community's workspaces, its champions), so they are
 * sorted here, the same way the in-memory fake sorts them.
 */
export class SqlCommunityDirectory implements CommunityDirectory {
  constructor(private readonly sql: Pick<SqlExecutor, "query">) {}

  async config(communityId: string): Promise<CommunityConfig> {
    const [community] = await this.sql.query<{
      name: string;
      timezone: string;
      locale: string;
      topics: string[] | null;
      settings: unknown;
    }>(`SELECT "name", "timezone", "locale", "topics", "settings" FROM "Community" WHERE "id" = $1::uuid`, [
      communityId,
    ]);
    if (!community) throw new Error(`no community ${communityId}`);
    const channels = await this.sql.query<CommunityChannels & Record<string, unknown>>(
      `SELECT "platform"::text AS "platform", "workspaceId", "problemChannelId", "triageChannelId",
              "showcaseChannelId", "digestChannelId"
         FROM "CommunityPlatform" WHERE "communityId" = $1::uuid`,
      [communityId],
    );
    const settings = readCommunitySettings(community.settings);
    return {
      communityId,
      name: community.name,
      timezone: community.timezone,
      locale: community.locale,
      topics: community.topics ?? [],
      intake: settings.intake ?? { ...defaultIntakeLimits },
      triage: settings.triage ?? { ...defaultTriageSettings },
      oncall: settings.oncall ?? null,
      channels: channels
        .map(
          ({
            platform,
            workspaceId,
            problemChannelId,
            triageChannelId,
            showcaseChannelId,
            digestChannelId,
          }) => ({
            platform,
            workspaceId,
            problemChannelId,
            triageChannelId,
            showcaseChannelId,
            digestChannelId,
          }),
        )
        .sort((a, b) => `${a.platform}:${a.workspaceId}`.localeCompare(`${b.platform}:${b.workspaceId}`)),
      digest: settings.digest ?? { ...defaultDigestSchedule },
    };
  }

  async setChannel(
    communityId: string,
    platform: Platform,
    workspaceId: string,
    purpose: ChannelPurpose,
    channelId: string,
  ): Promise<void> {
    const column = CHANNEL_COLUMN[purpose];
    // A workspace not yet linked is linked here; one that belongs to another community is refused.
    const rows = await this.sql.query(
      `INSERT INTO "CommunityPlatform" ("id", "communityId", "platform", "workspaceId", ${column})
       VALUES ($1::uuid, $2::uuid, $3::"Platform", $4, $5)
       ON CONFLICT ("platform", "workspaceId") DO UPDATE SET ${column} = EXCLUDED.${column}
        WHERE "CommunityPlatform"."communityId" = EXCLUDED."communityId"
       RETURNING "id"`,
      [timeOrderedId(), communityId, platform, workspaceId, channelId],
    );
    if (rows.length === 0) throw new Error(`${platform}:${workspaceId} belongs to another community`);
  }

  async setTimezone(communityId: string, timezone: string): Promise<void> {
    // The last line of defence: a zone Intl cannot load would break every schedule that reads it.
    new Intl.DateTimeFormat("en", { timeZone: timezone });
    await this.sql.query(`UPDATE "Community" SET "timezone" = $2 WHERE "id" = $1::uuid`, [
      communityId,
      timezone,
    ]);
  }

  async setLocale(communityId: string, locale: string): Promise<void> {
    if (!LOCALES.has(locale)) throw new Error(`unsupported locale ${locale}`);
    await this.sql.query(`UPDATE "Community" SET "locale" = $2 WHERE "id" = $1::uuid`, [communityId, locale]);
  }

  async setDigestSchedule(communityId: string, schedule: DigestSchedule): Promise<void> {
    const digest = communitySettingsSchema.shape.digest.parse(schedule);
    await this.sql.query(
      `UPDATE "Community" SET "settings" = "settings" || jsonb_build_object('digest', $2::jsonb) WHERE "id" = $1::uuid`,
      [communityId, JSON.stringify(digest)],
    );
  }

  async setTopics(communityId: string, topics: readonly string[]): Promise<void> {
    await this.sql.query(`UPDATE "Community" SET "topics" = $2::text[] WHERE "id" = $1::uuid`, [
      communityId,
      [...topics],
    ]);
  }

  async setTriageSettings(communityId: string, triage: TriageSettings): Promise<void> {
    const valid = communitySettingsSchema.shape.triage.parse(triage);
    await this.sql.query(
      `UPDATE "Community" SET "settings" = "settings" || jsonb_build_object('triage', $2::jsonb) WHERE "id" = $1::uuid`,
      [communityId, JSON.stringify(valid)],
    );
  }

  async setIntakeLimits(communityId: string, limits: IntakeLimits): Promise<void> {
    const intake = communitySettingsSchema.shape.intake.parse(limits);
    await this.sql.query(
      `UPDATE "Community" SET "settings" = "settings" || jsonb_build_object('intake', $2::jsonb) WHERE "id" = $1::uuid`,
      [communityId, JSON.stringify(intake)],
    );
  }

  async setOncall(communityId: string, rotation: OncallRotation | null): Promise<void> {
    if (!rotation) {
      await this.sql.query(
        `UPDATE "Community" SET "settings" = "settings" - 'oncall' WHERE "id" = $1::uuid`,
        [communityId],
      );
      return;
    }
    const oncall = communitySettingsSchema.shape.oncall.parse(rotation);
    await this.sql.query(
      `UPDATE "Community" SET "settings" = "settings" || jsonb_build_object('oncall', $2::jsonb) WHERE "id" = $1::uuid`,
      [communityId, JSON.stringify(oncall)],
    );
  }

  async membersWithRole(
    communityId: string,
    roles: readonly Role[],
    topic?: string,
  ): Promise<CommunityMember[]> {
    if (roles.length === 0) return [];
    const rows = await this.sql.query<{
      personId: string;
      displayName: string;
      roles: Role[];
      topics: string[] | null;
    }>(
      `SELECT m."personId", p."displayName", m."roles"::text[] AS "roles", m."topics"
         FROM "Membership" m JOIN "Person" p ON p."id" = m."personId"
        WHERE m."communityId" = $1::uuid AND m."roles" && $2::text[]::"Role"[]
          AND ($3::text IS NULL OR $3 = ANY(m."topics"))`,
      [communityId, [...roles], topic ?? null],
    );
    return rows
      .map((row) => ({
        personId: row.personId,
        displayName: row.displayName,
        roles: row.roles,
        topics: row.topics ?? [],
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.personId.localeCompare(b.personId));
  }

  async contacts(personIds: readonly string[]): Promise<PersonContact[]> {
    const ids = [...new Set(personIds.filter(isUuid))];
    if (ids.length === 0) return [];
    const people = await this.sql.query<{ id: string; displayName: string; locale: string | null }>(
      `SELECT "id", "displayName", "locale" FROM "Person" WHERE "id" = ANY($1::uuid[])`,
      [ids],
    );
    const accounts = await this.sql.query<{
      personId: string;
      platform: Platform;
      workspaceId: string;
      userId: string;
      locale: string | null;
    }>(
      `SELECT "personId", "platform"::text AS "platform", "workspaceId", "userId", "locale"
         FROM "PlatformAccount" WHERE "personId" = ANY($1::uuid[]) ORDER BY "lastSeenAt" DESC, "id"`,
      [ids],
    );
    const byId = new Map(people.map((person) => [person.id, person]));
    return personIds.flatMap((personId) => {
      const person = byId.get(personId);
      if (!person) return [];
      return [
        {
          personId,
          displayName: person.displayName,
          locale: person.locale,
          accounts: accounts
            .filter((account) => account.personId === personId)
            .map(({ platform, workspaceId, userId, locale }) => ({ platform, workspaceId, userId, locale })),
        },
      ];
    });
  }
}
