// What a sync tells watchers, computed in SQL from the run's changes: the real Chicago snapshots
// (2020-04-14, then 2020-07-22: 19 added, 131 updated), a dataset watch, a topic watch and saved
// words. Each run's notices come back once; a second sync of the same file tells nobody.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqlWatchStore } from "../../src/store/watches/sql-watch-store.js";
import { syncSharedCatalog } from "../support/real-catalogs.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

describe(`watch notices of a sync (${testDriver})`, () => {
  let db: TestDatabase;
  let communityId: string;
  let watches: SqlWatchStore;
  let ana: string;
  let ben: string;
  const at = new Date("2020-07-23T00:00:00Z");

  const sync = (file: string, when: string) =>
    syncSharedCatalog(db.sql, { communityId, name: "chicago" }, file, when);
  /** Every change a run tells, whoever it is for (each person's list is long enough for all). */
  const told = async (runId: string, when: Date) =>
    (await watches.recordRunNotices(runId, when, 1000)).flatMap((batch) => batch.notices);
  const datasetId = async (title: string) =>
    (await db.prisma.dataset.findFirstOrThrow({ where: { title }, select: { id: true } })).id;

  beforeAll(async () => {
    db = await openTestDatabase();
    communityId = (await db.prisma.community.findFirstOrThrow()).id;
    watches = new SqlWatchStore(db.sql);
    ana = (await db.prisma.person.create({ data: { displayName: "Ana" } })).id;
    ben = (await db.prisma.person.create({ data: { displayName: "Ben" } })).id;
    await sync("chicago-il-data-2020-04-14.json", "2020-04-15T00:00:00Z");
    const beach = await datasetId("Beach Lab Data");
    const watch = (
      personId: string,
      kind: "dataset" | "topic" | "words",
      target: string,
      id: string | null,
    ) => watches.add({ communityId, personId, kind, target, datasetId: id }, at);
    await watch(ana, "dataset", beach, beach);
    await watch(ana, "topic", "transportation", null);
    await watch(ana, "words", "covid-19 testing", null);
    // Ben watches a dataset the July snapshot leaves as it was.
    const unchanged = await datasetId("Affordable Rental Housing Developments");
    await watch(ben, "dataset", unchanged, unchanged);
  });
  afterAll(async () => db.drop());

  it("adds a watch once", async () => {
    const again = await watches.add(
      { communityId, personId: ana, kind: "topic", target: "transportation", datasetId: null },
      at,
    );
    expect(again.created).toBe(false);
    expect((await watches.list(communityId, ana)).map((w) => w.kind)).toEqual(["dataset", "topic", "words"]);
  });

  it("tells exactly the watched changes of the July sync, once", async () => {
    const july = await sync("chicago-il-data-2020-07-22.json", "2020-07-23T00:00:00Z");
    expect(july).toMatchObject({ added: 19, updated: 131 });
    const notices = await told(july.runId, at);
    expect(notices.every((n) => n.personId === ana)).toBe(true);

    const updated = notices.filter((n) => n.change === "updated");
    expect(updated).toEqual([
      expect.objectContaining({ datasetTitle: "Beach Lab Data", watchKind: "dataset", fields: ["modified"] }),
    ]);

    // New datasets: exactly the added ones whose themes or keywords say "transportation", and
    // those whose text matches the saved words.
    const added = await db.sql.query<{ title: string; words: string[]; hit: boolean }>(
      `SELECT d."title", d."themes" || d."keywords" AS "words",
         d."search" @@ websearch_to_tsquery('english', 'covid-19 testing') AS "hit"
       FROM "SyncRunChange" c JOIN "Dataset" d ON d."id" = c."datasetId"
       WHERE c."runId" = $1::uuid AND c."change" = 'added'`,
      [july.runId],
    );
    const onTopic = added.filter((d) => d.words.some((w) => w.toLowerCase() === "transportation"));
    const forWords = added.filter((d) => d.hit);
    expect(onTopic.map((d) => d.title)).toContain("Electric Scooter Pilot Zone");
    expect(forWords.map((d) => d.title)).toContain("COVID-19 Daily Testing - By Test");
    expect(
      notices
        .filter((n) => n.change === "new" && n.watchKind === "topic")
        .map((n) => n.datasetTitle)
        .sort(),
    ).toEqual(onTopic.map((d) => d.title).sort());
    expect(
      notices
        .filter((n) => n.change === "new" && n.watchKind === "words")
        .map((n) => n.datasetTitle)
        .sort(),
    ).toEqual(forWords.map((d) => d.title).sort());

    // Telling the same run again tells nobody.
    expect(await told(july.runId, at)).toEqual([]);
  });

  it("tells nobody after a second sync of the same file", async () => {
    const again = await sync("chicago-il-data-2020-07-22.json", "2020-07-24T00:00:00Z");
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(await told(again.runId, at)).toEqual([]);
  });

  it("forgets notices recorded before the retention cut-off, and only those", async () => {
    const count = async () =>
      (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "WatchRunNotice"`))[0]?.n ?? 0;
    const recorded = await count();
    expect(recorded).toBeGreaterThan(0);
    // Every notice so far was recorded at `at`: a cut-off at that instant keeps them all.
    expect(await watches.purgeNoticesBefore(at)).toBe(0);
    expect(await count()).toBe(recorded);
    const { runId } = await sync("chicago-il-data-2020-04-14.json", "2020-07-24T12:00:00Z");
    const later = new Date(at.getTime() + 60_000);
    const fresh = await watches.recordRunNotices(runId, later, 1000);
    expect(fresh.length).toBeGreaterThan(0);
    expect(await watches.purgeNoticesBefore(later)).toBe(recorded);
    // One row per person told of the run, however many changes each was told of.
    expect(await count()).toBe(fresh.length);
    // The watches themselves stay.
    expect((await watches.list(communityId, ana)).length).toBe(3);
    // Back to July for the next test, which expects the catalog there.
    const july = await sync("chicago-il-data-2020-07-22.json", "2020-07-24T13:00:00Z");
    await told(july.runId, later);
  });

  it("tells a dataset's watcher it was removed", async () => {
    const { runId } = await sync("chicago-il-data-2020-04-14.json", "2020-07-25T00:00:00Z");
    // Back to April: the 19 July datasets are removed (and the 131 updated back); Ana watches
    // none of the removed ones by id.
    expect(await told(runId, at)).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ change: "removed" })]),
    );
    const scooter = await datasetId("Electric Scooter Pilot Zone");
    await watches.add(
      { communityId, personId: ben, kind: "dataset", target: scooter, datasetId: scooter },
      at,
    );
    const july = await sync("chicago-il-data-2020-07-22.json", "2020-07-26T00:00:00Z");
    await told(july.runId, at);
    const april = await sync("chicago-il-data-2020-04-14.json", "2020-07-27T00:00:00Z");
    const notices = await told(april.runId, at);
    expect(notices.filter((n) => n.change === "removed")).toEqual([
      expect.objectContaining({
        personId: ben,
        datasetTitle: "Electric Scooter Pilot Zone",
        change: "removed",
      }),
    ]);
  });

  it("lists a person's first changes by title and counts them all, in one row per person and run", async () => {
    // Cleo watches every dataset of the catalog, and the topic too.
    const cleo = (await db.prisma.person.create({ data: { displayName: "Cleo" } })).id;
    const all = await db.prisma.dataset.findMany({ select: { id: true } });
    for (const { id } of all)
      await watches.add({ communityId, personId: cleo, kind: "dataset", target: id, datasetId: id }, at);
    // Back to July from April (the previous test's end): 150 datasets change.
    const july = await sync("chicago-il-data-2020-07-22.json", "2020-07-28T00:00:00Z");
    const changed = await db.sql.query<{ title: string }>(
      `SELECT d."title" FROM "SyncRunChange" c JOIN "Dataset" d ON d."id" = c."datasetId"
       WHERE c."runId" = $1::uuid ORDER BY d."title", d."id"`,
      [july.runId],
    );
    expect(changed.length).toBeGreaterThan(100);
    const batches = await watches.recordRunNotices(july.runId, at, 2);
    expect(batches.find((batch) => batch.personId === cleo)).toEqual({
      personId: cleo,
      communityId,
      total: changed.length,
      notices: changed.slice(0, 2).map(({ title }) => expect.objectContaining({ datasetTitle: title })),
    });
    const rows = await db.sql.query<{ personId: string; changes: number }>(
      `SELECT "personId", "changes" FROM "WatchRunNotice" WHERE "runId" = $1::uuid ORDER BY "personId"`,
      [july.runId],
    );
    expect(rows).toEqual(
      batches
        .map((batch) => ({ personId: batch.personId, changes: batch.total }))
        .sort((a, b) => (a.personId < b.personId ? -1 : 1)),
    );
    expect(await watches.recordRunNotices(july.runId, at, 2)).toEqual([]);
  });
});
