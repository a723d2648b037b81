// Who was told of a sync and the DMs that tell them commit together (tellWatchers runs both in
// one unit of work): when enqueuing the DMs fails, nobody is recorded as told, so the retry
// after the failure still tells them; once it succeeds, telling the run again sends nothing.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/core/ports/clock.js";
import type { UnitOfWork } from "../../src/core/ports/unit-of-work.js";
import { tellWatchers } from "../../src/core/watches/tell-after-sync.js";
import { SqlUnitOfWork } from "../../src/store/sql-unit-of-work.js";
import { SqlWatchStore } from "../../src/store/watches/sql-watch-store.js";
import { syncSharedCatalog } from "../support/real-catalogs.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

describe(`telling watchers commits with their DMs (${testDriver})`, () => {
  let db: TestDatabase;
  let communityId: string;
  let runId: string;

  const sync = (file: string, when: string) =>
    syncSharedCatalog(db.sql, { communityId, name: "chicago" }, file, when);
  const count = async (table: string) =>
    (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`))[0]?.n ?? 0;

  beforeAll(async () => {
    db = await openTestDatabase();
    communityId = (await db.prisma.community.findFirstOrThrow()).id;
    const ana = await db.prisma.person.create({
      data: {
        displayName: "Ana",
        accounts: { create: { platform: "slack", workspaceId: "T1", userId: "U1" } },
      },
    });
    await sync("chicago-il-data-2020-04-14.json", "2020-04-15T00:00:00Z");
    const beach = await db.prisma.dataset.findFirstOrThrow({ where: { title: "Beach Lab Data" } });
    await new SqlWatchStore(db.sql).add(
      { communityId, personId: ana.id, kind: "dataset", target: beach.id, datasetId: beach.id },
      new Date(),
    );
    ({ runId } = await sync("chicago-il-data-2020-07-22.json", "2020-07-23T00:00:00Z"));
  });
  afterAll(async () => db.drop());

  const deps = (unitOfWork: UnitOfWork) => ({ unitOfWork, clock: systemClock });
  const run = () => ({ communityId, runId, communityLocale: "en" });

  it("records nobody as told when the DMs cannot be enqueued", async () => {
    const real = new SqlUnitOfWork(db.sql, systemClock);
    const failing: UnitOfWork = {
      run: (fn) =>
        real.run((tx) =>
          fn({
            ...tx,
            outbox: {
              ...tx.outbox,
              enqueue: async () => {
                throw new Error("outbox unavailable");
              },
            },
          }),
        ),
    };
    await expect(tellWatchers(deps(failing), run())).rejects.toThrow("outbox unavailable");
    expect(await count("WatchRunNotice")).toBe(0);
    expect(await count("OutboxMessage")).toBe(0);
  });

  it("tells them on the retry, once", async () => {
    const real = new SqlUnitOfWork(db.sql, systemClock);
    expect(await tellWatchers(deps(real), run())).toBe(1);
    expect(await count("WatchRunNotice")).toBe(1);
    expect(await count("OutboxMessage")).toBe(1);
    expect(await tellWatchers(deps(real), run())).toBe(0);
    expect(await count("OutboxMessage")).toBe(1);
  });
});
