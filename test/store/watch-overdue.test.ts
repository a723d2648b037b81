// Watchers are told once per overdue spell when a watched dataset lapses past its own update
// frequency: the real Chicago snapshot (2020 dates; Socrata's data.json states no frequency, so
// one dataset is given a monthly one, as a CKAN or Socrata source would), the trigger-kept
// Dataset.overdueFrom, the real stores and one unit of work.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/core/ports/clock.js";
import { tellOverdueWatchers } from "../../src/core/watches/tell-overdue.js";
import { SqlUnitOfWork } from "../../src/store/sql-unit-of-work.js";
import { SqlWatchStore } from "../../src/store/watches/sql-watch-store.js";
import { syncSharedCatalog } from "../support/real-catalogs.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

describe(`overdue watched datasets (${testDriver})`, () => {
  let db: TestDatabase;
  let communityId: string;
  let watches: SqlWatchStore;
  let ana: string;
  let overdue: { id: string; title: string; overdueFrom: string };
  let now = new Date("2026-12-07T12:00:00Z");
  const clock: Clock = { now: () => now };

  const outbox = () =>
    db.sql.query<{ dedupeKey: string; payload: unknown }>(
      `SELECT "dedupeKey", "payload" FROM "OutboxMessage" ORDER BY "createdAt", "id"`,
    );
  const tell = () => tellOverdueWatchers({ unitOfWork: new SqlUnitOfWork(db.sql, clock), clock });

  beforeAll(async () => {
    db = await openTestDatabase();
    communityId = (await db.prisma.community.findFirstOrThrow()).id;
    watches = new SqlWatchStore(db.sql);
    await syncSharedCatalog(
      db.sql,
      { communityId, name: "chicago" },
      "chicago-il-data-2020-07-22.json",
      "2020-07-23T00:00:00Z",
    );
    const [row] = await db.sql.query<{ id: string; title: string; overdueFrom: string }>(
      `UPDATE "Dataset" SET "accrualPeriodicity" = 'R/P1M'
        WHERE "id" = (SELECT "id" FROM "Dataset" WHERE "modified" IS NOT NULL ORDER BY "title" LIMIT 1)
        RETURNING "id", "title", to_char("overdueFrom", 'YYYY-MM-DD') AS "overdueFrom"`,
    );
    if (!row?.overdueFrom) throw new Error("a monthly dataset last modified in 2020 should be overdue");
    overdue = row;
    const [never] = await db.sql.query<{ id: string }>(
      `SELECT "id" FROM "Dataset" WHERE "overdueFrom" IS NULL LIMIT 1`,
    );
    ana = (
      await db.prisma.person.create({
        data: {
          displayName: "Ana",
          accounts: { create: { platform: "slack", workspaceId: "T1", userId: "U1" } },
        },
      })
    ).id;
    for (const id of [overdue.id, never?.id ?? ""])
      await watches.add({ communityId, personId: ana, kind: "dataset", target: id, datasetId: id }, now);
  });
  afterAll(async () => db.drop());

  it("tells a watcher once that a watched dataset is overdue, and only that one", async () => {
    expect(await tell()).toBe(1);
    const [message] = await outbox();
    const text = JSON.stringify(message?.payload);
    expect(text).toContain(overdue.title);
    expect(text).toContain(`overdue: its own update schedule expected new data by ${overdue.overdueFrom}`);
    expect(text).toContain("A change in the data you watch");
    // The next look, an hour later, tells nobody: the spell was told.
    now = new Date("2026-12-07T13:00:00Z");
    expect(await tell()).toBe(0);
    expect(await outbox()).toHaveLength(1);
  });

  it("tells again after an update ends the spell and a later lapse starts another", async () => {
    // Updated today: no longer overdue, nothing to tell.
    await db.sql.query(`UPDATE "Dataset" SET "modified" = $2::timestamptz WHERE "id" = $1::uuid`, [
      overdue.id,
      now.toISOString(),
    ]);
    expect(await tell()).toBe(0);
    // The retention look forgets the first spell's row now that it is over.
    expect(await watches.purgeNoticesBefore(new Date("2026-12-08T00:00:00Z"))).toBe(1);
    // Two years on without an update, it is overdue again: a new spell, told once.
    now = new Date("2028-12-07T12:00:00Z");
    expect(await tell()).toBe(1);
    expect(await tell()).toBe(0);
    // The new spell's row stays while the dataset is still overdue.
    expect(await watches.purgeNoticesBefore(new Date("2029-01-01T00:00:00Z"))).toBe(0);
    expect(await outbox()).toHaveLength(2);
  });
});
