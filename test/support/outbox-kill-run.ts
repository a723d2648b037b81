import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { SqlOutbox } from "../../src/store/outbox/sql-outbox.js";
import { postgresExecutor } from "../../src/store/sql-executor.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord-server.js";
import { DATADESK_FROM_SOURCES } from "./datadesk-process.js";
import {
  type DigestKillOutcome,
  type DigestKillSeed,
  digestOutcome,
  seedDueDigest,
} from "./digest-kill-seed.js";

/**
 * The fault run of issue 8: two `datadesk start` processes share one Postgres and deliver one
 * outbox to the fake Discord; one of them is killed with SIGKILL while delivering. Every message
 * must arrive exactly once: the survivor picks up the dead one's claims when their lease ends,
 * and Discord's enforced nonce (derived from the dedupe key) drops a send the dead process had
 * already made but not yet recorded. Used by test/e2e/outbox-kill.test.ts and bench/outbox-kill.ts.
 */
export interface OutboxKillOptions {
  databaseUrl: string;
  messages: number;
  /** Claims of the killed process come back after this long. */
  leaseSeconds: number;
  /** Kill when this share of the messages has been delivered. */
  killAt: number;
  timeoutMs: number;
  log?: (line: string) => void;
  /**
   * Also a weekly digest due for the default community (a digest and a champions' channel on the
   * guild): both bots start at once and run the digest job on their first tick (every second).
   */
  digest?: boolean;
}

export interface OutboxKillResult {
  messages: number;
  delivered: number;
  lost: number;
  duplicated: number;
  dead: number;
  deliveredBeforeKill: number;
  secondsToKill: number;
  secondsToAllSent: number | null;
  /** Sends the fake answered with an existing message because the nonce was already used. */
  nonceReplays: number;
  /** With `digest`: what reached the digest channels (one message each, once). */
  digest: DigestKillOutcome | null;
}

const TOKEN = "outbox-kill-discord-token";

function startBot(env: Record<string, string>, name: string, log: (line: string) => void): ChildProcess {
  const child = spawn(process.execPath, [...DATADESK_FROM_SOURCES, "start"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n").filter(Boolean))
      log(`[${name}] ${line.slice(0, 300)}`);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n").filter(Boolean))
      log(`[${name}] ${line.slice(0, 300)}`);
  });
  return child;
}

async function until(
  probe: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function markersIn(fake: FakeDiscord, runId: string): string[] {
  const found: string[] = [];
  const pattern = new RegExp(`${runId}-(\\d+)`, "g");
  for (const message of fake.world.messages.values()) {
    for (const match of JSON.stringify(message.embeds ?? []).matchAll(pattern)) found.push(match[1] ?? "");
  }
  return found;
}

export async function runOutboxKill(options: OutboxKillOptions): Promise<OutboxKillResult> {
  const log = options.log ?? (() => {});
  const fake = await startFakeDiscord({ token: TOKEN });
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  const sql = postgresExecutor(pool);
  const bots: ChildProcess[] = [];
  const runId = `kill${randomUUID().slice(0, 8)}`;
  try {
    const env = {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_BASE: fake.apiBase,
      DATABASE_URL: options.databaseUrl,
      DATADESK_OUTBOX_LEASE_SECONDS: String(options.leaseSeconds),
      LOG_LEVEL: "warn",
      DATADESK_SCHEDULER_TICK_SECONDS: "1",
    };
    let digest: DigestKillSeed | null = null;
    if (options.digest) {
      // Migrated and seeded here, so both bots can start at once and race for the digest.
      digest = await seedDueDigest(options.databaseUrl, {
        guildId: fake.world.guildId,
        digestChannelId: fake.world.textChannelId,
        triageChannelId: fake.world.otherTextChannelId,
      });
      bots.push(startBot(env, "a", log), startBot(env, "b", log));
    } else {
      bots.push(startBot(env, "a", log));
      // The first migrates; starting the second after it avoids two first-time migrations racing.
      await until(() => fake.gateway.sessionCount() >= 1, 60_000, "the first bot to connect");
      bots.push(startBot(env, "b", log));
    }
    await until(() => fake.gateway.sessionCount() >= 2, 60_000, "the bots to connect");

    const channelId = fake.world.textChannelId;
    const clock = { now: () => new Date() };
    const batch = Array.from({ length: options.messages }, (_, i) => ({
      dedupeKey: `${runId}:${i}`,
      communityId: null,
      platform: "discord" as const,
      target: { kind: "channel" as const, channelId },
      card: {
        fallbackText: `${runId}-${i}`,
        blocks: [{ type: "section" as const, text: [`${runId}-${i}`] }],
      },
    }));
    const started = Date.now();
    await new SqlOutbox(sql, clock).enqueue(batch);

    const killAfter = Math.max(1, Math.floor(options.messages * options.killAt));
    await until(
      () => new Set(markersIn(fake, runId)).size >= killAfter,
      options.timeoutMs,
      "deliveries before the kill",
    );
    const victim = bots[0];
    victim?.kill("SIGKILL");
    const deliveredBeforeKill = new Set(markersIn(fake, runId)).size;
    const secondsToKill = (Date.now() - started) / 1000;
    log(`killed bot a after ${deliveredBeforeKill} deliveries`);

    let secondsToAllSent: number | null = null;
    // Messages still to deliver; with a digest, its messages count too, as one more until both
    // digests have been enqueued (a bot may not have reached its first tick yet).
    const pending = async () => {
      const [row] = await sql.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM "OutboxMessage"
          WHERE ("dedupeKey" LIKE $1 OR ($2 AND "dedupeKey" LIKE 'digest:%')) AND "status" = 'pending'`,
        [`${runId}:%`, digest !== null],
      );
      const digestsToEnqueue =
        digest && (await digestOutcome(sql, digest, [])).enqueued < digest.channelIds.length ? 1 : 0;
      return Number(row?.n ?? "0") + digestsToEnqueue;
    };
    try {
      await until(async () => (await pending()) === 0, options.timeoutMs, "every message to be sent");
      secondsToAllSent = (Date.now() - started) / 1000;
    } catch {
      secondsToAllSent = null;
    }
    const dead = Number(
      (
        await sql.query<{ n: string }>(
          `SELECT count(*)::text AS n FROM "OutboxMessage" WHERE "dedupeKey" LIKE $1 AND "status" = 'dead'`,
          [`${runId}:%`],
        )
      )[0]?.n ?? "0",
    );
    for (const row of await sql.query<{ lastError: string | null; attempts: number }>(
      `SELECT "lastError", "attempts" FROM "OutboxMessage" WHERE "dedupeKey" LIKE $1 AND "status" = 'dead' LIMIT 3`,
      [`${runId}:%`],
    )) {
      log(`dead after ${row.attempts} attempts: ${row.lastError}`);
    }
    const markers = markersIn(fake, runId);
    const unique = new Set(markers);
    // The same nonce sent twice: a process redelivered what another had already sent.
    const sends = new Map<string, number>();
    for (const call of fake.calls) {
      if (call.method !== "POST" || call.path !== `/channels/${channelId}/messages`) continue;
      const nonce = String((call.body as { nonce?: unknown } | undefined)?.nonce ?? "");
      if (nonce !== "") sends.set(nonce, (sends.get(nonce) ?? 0) + 1);
    }
    const nonceReplays = [...sends.values()].reduce((sum, n) => sum + n - 1, 0);
    return {
      messages: options.messages,
      delivered: unique.size,
      lost: options.messages - unique.size,
      duplicated: markers.length - unique.size,
      dead,
      deliveredBeforeKill,
      secondsToKill,
      secondsToAllSent,
      nonceReplays,
      digest: digest ? await digestOutcome(sql, digest, fake.world.messages.values()) : null,
    };
  } finally {
    for (const bot of bots) if (bot.exitCode === null && bot.signalCode === null) bot.kill("SIGTERM");
    await Promise.all(
      bots.map((bot) =>
        bot.exitCode !== null || bot.signalCode !== null
          ? undefined
          : new Promise((resolve) => {
              const timer = setTimeout(() => {
                bot.kill("SIGKILL");
                resolve(undefined);
              }, 10_000);
              bot.once("exit", () => {
                clearTimeout(timer);
                resolve(undefined);
              });
            }),
      ),
    );
    await pool.end();
    await fake.close();
  }
}
