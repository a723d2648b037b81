import { SqlCommunityDirectory } from "../../src/store/community/sql-community-directory.js";
import { openDatabase } from "../../src/store/database.js";
import { DEFAULT_COMMUNITY_SLUG, ensureDefaultCommunity } from "../../src/store/default-community.js";
import type { SqlExecutor } from "../../src/store/sql-executor.js";

/**
 * The digest half of the kill run (issue 8): before the bots start, the database is migrated and
 * the default community gets a digest channel and a champions' (triage) channel on the fake
 * Discord guild, with last week's digest due since Monday 00:00 and sent even when quiet. Both
 * bots then run the digest job on their first scheduler tick, racing for the same claims.
 */
export interface DigestKillSeed {
  communityId: string;
  channelIds: string[];
}

export async function seedDueDigest(
  databaseUrl: string,
  discord: { guildId: string; digestChannelId: string; triageChannelId: string },
): Promise<DigestKillSeed> {
  const db = await openDatabase({ kind: "postgres", url: databaseUrl });
  try {
    await ensureDefaultCommunity(db.prisma, { name: "Kill Run Community" });
    const [community] = await db.sql.query<{ id: string }>(`SELECT "id" FROM "Community" WHERE "slug" = $1`, [
      DEFAULT_COMMUNITY_SLUG,
    ]);
    if (!community) throw new Error("no default community");
    const directory = new SqlCommunityDirectory(db.sql);
    await directory.setChannel(community.id, "discord", discord.guildId, "digest", discord.digestChannelId);
    await directory.setChannel(community.id, "discord", discord.guildId, "triage", discord.triageChannelId);
    await directory.setDigestSchedule(community.id, { weekday: 1, hour: 0, sendWhenQuiet: true });
    return { communityId: community.id, channelIds: [discord.digestChannelId, discord.triageChannelId] };
  } finally {
    await db.close();
  }
}

export interface DigestKillOutcome {
  /** Digest messages that reached each channel (exactly one each is the point). */
  messagesPerChannel: Record<string, number>;
  /** DigestRun rows, and how many (community, target, week) had more than one. */
  runs: number;
  duplicatedRuns: number;
  /** Digest outbox messages, and those not yet sent. */
  enqueued: number;
  unsent: number;
}

/** Digest messages are the ones whose embeds carry the digest's titles. */
const DIGEST_TITLES = ["Weekly digest", "Champions' digest"];

export async function digestOutcome(
  sql: Pick<SqlExecutor, "query">,
  seed: DigestKillSeed,
  messages: Iterable<{ channel_id: string; embeds?: unknown }>,
): Promise<DigestKillOutcome> {
  const messagesPerChannel: Record<string, number> = Object.fromEntries(seed.channelIds.map((id) => [id, 0]));
  for (const message of messages) {
    const text = JSON.stringify(message.embeds ?? []);
    if (message.channel_id in messagesPerChannel && DIGEST_TITLES.some((title) => text.includes(title)))
      messagesPerChannel[message.channel_id] = (messagesPerChannel[message.channel_id] ?? 0) + 1;
  }
  const [runs] = await sql.query<{ runs: number; duplicated: number }>(
    `SELECT count(*)::int AS "runs",
            (SELECT count(*)::int FROM (SELECT 1 FROM "DigestRun" GROUP BY "communityId", "target", "isoWeek"
                                        HAVING count(*) > 1) d) AS "duplicated"
       FROM "DigestRun" WHERE "communityId" = $1::uuid`,
    [seed.communityId],
  );
  const [outbox] = await sql.query<{ enqueued: number; unsent: number }>(
    `SELECT count(*)::int AS "enqueued", count(*) FILTER (WHERE "status" <> 'sent')::int AS "unsent"
       FROM "OutboxMessage" WHERE "dedupeKey" LIKE 'digest:%'`,
  );
  return {
    messagesPerChannel,
    runs: runs?.runs ?? 0,
    duplicatedRuns: runs?.duplicated ?? 0,
    enqueued: outbox?.enqueued ?? 0,
    unsent: outbox?.unsent ?? 0,
  };
}
