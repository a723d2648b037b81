// Issue 7's done-when: two schedulers and a crash, one digest per channel per week. The schedulers
// share one database (PGlite here; on Postgres, each has its own connection pool, so their
// transactions really overlap); the crash fails a run after it claimed the week but before its
// outbox message was written, inside the same transaction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultAccessSlaSettings } from "../../src/core/access/access-sla-settings.js";
import type { CoreDeps } from "../../src/core/bot/core-deps.js";
import { type DigestDeliveryDeps, runDigests } from "../../src/core/digest/digest-delivery.js";
import type { Clock } from "../../src/core/ports/clock.js";
import { silentLogger } from "../../src/core/ports/logger.js";
import type { TransactionStores, UnitOfWork } from "../../src/core/ports/unit-of-work.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { PrismaPeopleRepository } from "../../src/store/prisma-people-repository.js";
import { ScriptedDigestSource } from "../fakes/core/scripted-digest-source.js";
import { coreDepsFor } from "../support/catalog-cli.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

// Mondays at 09:00 in Chicago (CST, UTC−6), each the due time of the previous week's digest.
const MONDAYS = ["2026-11-23T15:00:00Z", "2026-11-30T15:00:00Z", "2026-12-07T15:00:00Z"];
const WEEKS = ["2026-W47", "2026-W48", "2026-W49"];
// digest + triage channel on Slack, digest channel on Discord, one opted-in person's DM.
const TARGETS_PER_WEEK = 4;

/** Fails the first `crashes` enqueues inside the unit, as a process dying before its commit. */
class CrashingUnitOfWork implements UnitOfWork {
  constructor(
    private readonly inner: UnitOfWork,
    public crashes: number,
  ) {}

  run<T>(fn: (tx: TransactionStores) => Promise<T>): Promise<T> {
    return this.inner.run((tx) =>
      fn({
        ...tx,
        outbox: {
          enqueue: async (messages) => {
            if (this.crashes > 0) {
              this.crashes--;
              throw new Error("the process died between claiming the digest and enqueuing it");
            }
            await tx.outbox.enqueue(messages);
          },
        },
      }),
    );
  }
}

describe(`weekly digests exactly once (${testDriver})`, { timeout: 60_000 }, () => {
  let db: TestDatabase;
  const extra: Database[] = [];
  let communityId: string;
  const source = new ScriptedDigestSource();
  const clock: Clock & { at: Date } = { at: new Date(MONDAYS[0] ?? ""), now: () => new Date(clock.at) };

  /** One scheduler's dependencies; on Postgres each gets its own pool. */
  async function scheduler(unitOfWork?: (inner: UnitOfWork) => UnitOfWork): Promise<DigestDeliveryDeps> {
    let database: Database = db;
    if (db.url) {
      database = await openDatabase({ kind: "postgres", url: db.url }, { migrate: false });
      extra.push(database);
    }
    const deps: CoreDeps = coreDepsFor(database, clock);
    return {
      ...deps,
      ...(unitOfWork ? { unitOfWork: unitOfWork(deps.unitOfWork) } : {}),
      logger: silentLogger,
      digestSource: source,
      accessSla: defaultAccessSlaSettings,
    };
  }

  async function digestRows() {
    return db.sql.query<{ dedupeKey: string }>(
      `SELECT "dedupeKey" FROM "OutboxMessage" WHERE "dedupeKey" LIKE 'digest:%' ORDER BY "dedupeKey"`,
    );
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    const deps = coreDepsFor(db, clock);
    const [community] = await db.sql.query<{ id: string }>(
      `SELECT "id" FROM "Community" WHERE "slug" = 'default'`,
    );
    communityId = community?.id ?? "";
    await deps.directory.setTimezone(communityId, "America/Chicago");
    await deps.directory.setChannel(communityId, "slack", "T1", "digest", "C-DIGEST");
    await deps.directory.setChannel(communityId, "slack", "T1", "triage", "C-TRIAGE");
    await deps.directory.setChannel(communityId, "discord", "G1", "digest", "D-DIGEST");
    const people = new PrismaPeopleRepository(db.prisma, clock);
    const summary = await people.communityForWorkspace("slack", "T1");
    const ana = await people.findOrCreateActor(
      { platform: "slack", workspaceId: "T1", userId: "U-ANA" },
      summary,
      ["member"],
    );
    await deps.digestSubscriptions.save(
      { personId: ana.personId, communityId, enabled: true, sections: ["newProblems", "mostVoted"] },
      clock.now(),
    );
    // Something happens every week, so every digest is worth sending.
    for (const day of ["2026-11-18", "2026-11-25", "2026-12-02"])
      source.file(`Problem of ${day}`, `${day}T18:00:00Z`);
  });

  afterAll(async () => {
    for (const database of extra) await database.close();
    await db?.drop();
  });

  it("two schedulers racing send one digest per target per week", async () => {
    const a = await scheduler();
    const b = await scheduler();
    let sent = 0;
    let lostRaces = 0;
    for (const monday of MONDAYS.slice(0, 2)) {
      clock.at = new Date(monday);
      // Both race every tick of the hour after the digest became due.
      for (let minute = 0; minute < 3; minute++) {
        const runs = await Promise.all([runDigests(a, clock.now()), runDigests(b, clock.now())]);
        for (const run of runs) {
          expect(run.failed).toBe(0);
          sent += run.sent;
          lostRaces += run.alreadyDone;
        }
        clock.at = new Date(clock.at.getTime() + 5 * 60_000);
      }
    }
    // Each digest was enqueued by exactly one of them; the other built it too, then found the
    // week claimed (so the race did happen, at least on the first tick of each week).
    expect(sent).toBe(2 * TARGETS_PER_WEEK);
    expect(lostRaces).toBeGreaterThan(0);
    const keys = (await digestRows()).map((row) => row.dedupeKey);
    expect(keys).toHaveLength(2 * TARGETS_PER_WEEK);
    for (const week of WEEKS.slice(0, 2))
      expect(keys.filter((key) => key.endsWith(`:${week}`))).toHaveLength(4);
    const runs = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "DigestRun" GROUP BY "communityId", "target", "isoWeek" HAVING count(*) > 1`,
    );
    expect(runs).toEqual([]);
  });

  it("a crash between building and sending sends nothing; the next run sends each digest once", async () => {
    const crashing = await scheduler((inner) => new CrashingUnitOfWork(inner, 2));
    const other = await scheduler();
    clock.at = new Date(MONDAYS[2] ?? "");
    const first = await runDigests(crashing, clock.now());
    expect(first).toMatchObject({ failed: 2, sent: TARGETS_PER_WEEK - 2 });
    // Rolled back: neither the claim nor the message of the two crashed targets exists.
    const claimed = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "DigestRun" WHERE "isoWeek" = $1`,
      [WEEKS[2]],
    );
    expect(claimed[0]?.n).toBe(TARGETS_PER_WEEK - 2);
    clock.at = new Date(clock.at.getTime() + 5 * 60_000);
    const [again, racing] = await Promise.all([
      runDigests(crashing, clock.now()),
      runDigests(other, clock.now()),
    ]);
    expect((again?.sent ?? 0) + (racing?.sent ?? 0)).toBe(2);
    const keys = (await digestRows())
      .map((row) => row.dedupeKey)
      .filter((key) => key.endsWith(`:${WEEKS[2]}`));
    expect(keys).toHaveLength(TARGETS_PER_WEEK);
    expect(keys).toEqual(
      expect.arrayContaining([
        `digest:${communityId}:champions:slack:T1:${WEEKS[2]}`,
        `digest:${communityId}:channel:discord:G1:${WEEKS[2]}`,
        `digest:${communityId}:channel:slack:T1:${WEEKS[2]}`,
      ]),
    );
    expect(keys.filter((key) => key.includes(":person:"))).toHaveLength(1);
  });
});
