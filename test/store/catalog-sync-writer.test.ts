import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCatalogSourceReader } from "../../src/catalog-sources/index.js";
import type { CatalogRecord } from "../../src/core/ports/catalog-source.js";
import { CatalogSyncFailed, writeCatalogSync } from "../../src/store/catalog/catalog-sync-writer.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const catalogs = resolve(process.cwd(), "../shared/catalogs");
const reader = createCatalogSourceReader();

async function* failAfter(
  records: AsyncIterable<CatalogRecord>,
  count: number,
): AsyncGenerator<CatalogRecord> {
  let n = 0;
  for await (const record of records) {
    if (n++ === count) throw new Error("connection dropped mid-catalog");
    yield record;
  }
}

describe(`catalog sync writer (${testDriver})`, () => {
  let db: TestDatabase;
  /** The datasets as they stand (count, and a hash of each one's content and removal), to compare around a failed sync. */
  const catalogFingerprint = () =>
    db.sql.query<{ n: string; h: string }>(
      `SELECT count(*)::text AS n, md5(string_agg("contentHash" || coalesce("removedAt"::text, ''), ',' ORDER BY "key")) AS h FROM "Dataset"`,
    );
  let communityId: string;
  beforeAll(async () => {
    db = await openTestDatabase();
    communityId = (await db.prisma.community.findFirstOrThrow()).id;
  });
  afterAll(async () => db.drop());

  const target = (name: string, file: string) => ({
    communityId,
    name,
    kind: "dcat" as const,
    location: resolve(catalogs, file),
  });

  it("imports Chicago and then resyncs to the later snapshot: 19 added, 131 updated", async () => {
    const april = target("chicago", "chicago-il-data-2020-04-14.json");
    const first = await writeCatalogSync(
      db.sql,
      april,
      reader.read(april.location, "dcat"),
      new Date("2020-04-15T00:00:00Z"),
    );
    expect(first).toMatchObject({ added: 782, updated: 0, removed: 0, skipped: 0 });

    const july = target("chicago", "chicago-il-data-2020-07-22.json");
    const second = await writeCatalogSync(
      db.sql,
      july,
      reader.read(july.location, "dcat"),
      new Date("2020-07-23T00:00:00Z"),
    );
    expect(second).toMatchObject({ added: 19, updated: 131, removed: 0, unchanged: 782 - 131, skipped: 0 });

    const changes = await db.prisma.syncRunChange.groupBy({
      by: ["change"],
      where: { runId: second.runId },
      _count: true,
    });
    expect(Object.fromEntries(changes.map((c) => [c.change, c._count]))).toEqual({ added: 19, updated: 131 });
    expect(await db.prisma.dataset.count({ where: { removedAt: null } })).toBe(801);

    const again = await writeCatalogSync(
      db.sql,
      july,
      reader.read(july.location, "dcat"),
      new Date("2020-07-24T00:00:00Z"),
    );
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 801 });
  });

  it("fills a weighted search vector through the trigger", async () => {
    const rows = await db.sql.query<{ title: string }>(
      `SELECT "title" FROM "Dataset" WHERE "search" @@ websearch_to_tsquery('english', 'food inspections') ORDER BY ts_rank("search", websearch_to_tsquery('english', 'food inspections')) DESC LIMIT 1`,
    );
    expect(rows[0]?.title).toBe("Food Inspections");
  });

  /** Datasets whose stored vectors differ from what the trigger computes from their columns. */
  const vectorsRecomputedDiffer = `
    SELECT count(*)::int AS "n" FROM "Dataset" WHERE
      "searchHead" IS DISTINCT FROM "dataset_search_head_vector"("title", "keywords", "themes")
      OR "search" IS DISTINCT FROM "dataset_search_head_vector"("title", "keywords", "themes") ||
        "dataset_search_tail_vector"("descriptionText", "usageNotesText", "sourceUsageNotes", "publisher", "columns")`;

  it("writes the search vectors staged with the records exactly as the trigger computes them", async () => {
    const [row] = await db.sql.query<{ n: number }>(vectorsRecomputedDiffer);
    expect(row?.n).toBe(0);
    const [filled] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS "n" FROM "Dataset" WHERE "search" IS NULL OR "searchHead" IS NULL`,
    );
    expect(filled?.n).toBe(0);
  });

  it("recomputes the vectors of an updated dataset that has usage notes, so its notes stay searchable", async () => {
    const july = target("chicago", "chicago-il-data-2020-07-22.json");
    const all: CatalogRecord[] = [];
    for await (const r of reader.read(july.location, "dcat")) all.push(r);
    const first = all[0];
    if (first?.ok !== true) throw new Error("expected a valid first record");
    await db.sql.query(
      `UPDATE "Dataset" SET "usageNotesText" = 'zebracrossing counts lag a week' WHERE "key" = $1`,
      [first.dataset.key],
    );
    async function* retitled(): AsyncGenerator<CatalogRecord> {
      if (first?.ok === true)
        yield { ok: true, dataset: { ...first.dataset, title: `${first.dataset.title} (revised)` } };
      yield* all.slice(1);
    }
    const outcome = await writeCatalogSync(db.sql, july, retitled(), new Date("2020-07-24T12:00:00Z"));
    expect(outcome).toMatchObject({ updated: 1, added: 0, removed: 0 });
    const found = await db.sql.query<{ key: string }>(
      `SELECT "key" FROM "Dataset" WHERE "search" @@ to_tsquery('english', 'zebracrossing & revised')`,
    );
    expect(found.map((r) => r.key)).toEqual([first.dataset.key]);
    const [row] = await db.sql.query<{ n: number }>(vectorsRecomputedDiffer);
    expect(row?.n).toBe(0);
    // Back to the file as it is, for the tests after this one.
    await db.sql.query(`UPDATE "Dataset" SET "usageNotesText" = '' WHERE "key" = $1`, [first.dataset.key]);
    await writeCatalogSync(
      db.sql,
      july,
      reader.read(july.location, "dcat"),
      new Date("2020-07-24T13:00:00Z"),
    );
  });

  it("marks datasets missing from a resync as removed, and restores them when they return", async () => {
    const july = target("chicago", "chicago-il-data-2020-07-22.json");
    const all: CatalogRecord[] = [];
    for await (const r of reader.read(july.location, "dcat")) all.push(r);
    async function* some() {
      yield* all.slice(5);
    }
    const shrunk = await writeCatalogSync(db.sql, july, some(), new Date("2020-07-25T00:00:00Z"));
    expect(shrunk.removed).toBe(5);
    async function* every() {
      yield* all;
    }
    const restored = await writeCatalogSync(db.sql, july, every(), new Date("2020-07-26T00:00:00Z"));
    expect(restored).toMatchObject({ updated: 5, removed: 0 });
  });

  it("leaves the previous catalog intact when a sync fails half-way, and records the failed run", async () => {
    const before = await catalogFingerprint();
    const april = target("chicago", "chicago-il-data-2020-04-14.json");
    await expect(
      writeCatalogSync(
        db.sql,
        april,
        failAfter(reader.read(april.location, "dcat"), 700),
        new Date("2020-08-01T00:00:00Z"),
      ),
    ).rejects.toBeInstanceOf(CatalogSyncFailed);
    const after = await catalogFingerprint();
    expect(after).toEqual(before);
    const failed = await db.prisma.syncRun.findFirstOrThrow({ where: { status: "failed" } });
    expect(failed.error).toContain("connection dropped");
  });

  it("lets the batch being written land before discarding the stage when the source fails", async () => {
    const before = await catalogFingerprint();
    const april = target("chicago", "chicago-il-data-2020-04-14.json");
    // Exactly one full batch read: it is being written when the next read fails.
    await expect(
      writeCatalogSync(
        db.sql,
        april,
        failAfter(reader.read(april.location, "dcat"), 500),
        new Date("2020-08-02T00:00:00Z"),
      ),
    ).rejects.toBeInstanceOf(CatalogSyncFailed);
    expect(await db.prisma.catalogSyncStage.count()).toBe(0);
    const after = await catalogFingerprint();
    expect(after).toEqual(before);
  });

  it("leaves no trace of a first import that fails", async () => {
    const fresh = target("never-imported", "chicago-il-data-2020-04-14.json");
    await expect(
      writeCatalogSync(db.sql, fresh, failAfter(reader.read(fresh.location, "dcat"), 10), new Date()),
    ).rejects.toBeInstanceOf(CatalogSyncFailed);
    expect(await db.prisma.catalogSource.count({ where: { name: "never-imported" } })).toBe(0);
  });

  it("reports invalid and duplicate records and imports the rest", async () => {
    const good = target("mixed", "chicago-il-data-2020-07-22.json");
    const records: CatalogRecord[] = [];
    for await (const r of reader.read(good.location, "dcat")) {
      records.push(r);
      if (records.length === 3) break;
    }
    async function* mixed(): AsyncGenerator<CatalogRecord> {
      yield records[0] as CatalogRecord;
      yield { ok: false, position: 2, key: "bad-1", problem: "title: required" };
      yield records[1] as CatalogRecord;
      yield records[0] as CatalogRecord;
    }
    const outcome = await writeCatalogSync(db.sql, good, mixed(), new Date());
    expect(outcome).toMatchObject({ added: 2, skipped: 2 });
    expect(outcome.skippedReport.map((s) => s.problem)).toEqual([
      "title: required",
      "the same key appears earlier in this catalog",
    ]);
  });

  it("holds no transaction while it reads: other queries are answered mid-sync", async () => {
    const april = target("read-beside", "chicago-il-data-2020-04-14.json");
    let answeredMidSync: unknown = "not asked";
    async function* askingMidway(): AsyncGenerator<CatalogRecord> {
      let n = 0;
      for await (const record of reader.read(april.location, "dcat")) {
        // Past the first batch, so the sync has already written to the database.
        if (n++ === 600) {
          const timeout = new Promise((resolve) => setTimeout(resolve, 3_000, "timed out"));
          answeredMidSync = await Promise.race([db.sql.query(`SELECT 1 AS "one"`), timeout]);
        }
        yield record;
      }
    }
    const outcome = await writeCatalogSync(db.sql, april, askingMidway(), new Date());
    expect(answeredMidSync).toEqual([{ one: 1 }]);
    expect(outcome).toMatchObject({ added: 782, skipped: 0 });
  });

  it("refuses to merge records read as unchanged that another sync changed meanwhile", async () => {
    const april = target("raced", "chicago-il-data-2020-04-14.json");
    const july = target("raced", "chicago-il-data-2020-07-22.json");
    await writeCatalogSync(db.sql, april, reader.read(april.location, "dcat"), new Date("2020-04-15Z"));
    async function* julySyncMidway(): AsyncGenerator<CatalogRecord> {
      let n = 0;
      for await (const record of reader.read(april.location, "dcat")) {
        if (n++ === 700)
          await writeCatalogSync(db.sql, july, reader.read(july.location, "dcat"), new Date("2020-07-23Z"));
        yield record;
      }
    }
    await expect(writeCatalogSync(db.sql, april, julySyncMidway(), new Date("2020-07-24Z"))).rejects.toThrow(
      /another sync of this catalog finished/,
    );
    // The July sync stands; the refused one left nothing staged.
    const source = await db.prisma.catalogSource.findFirstOrThrow({ where: { name: "raced" } });
    expect(await db.prisma.dataset.count({ where: { sourceId: source.id, removedAt: null } })).toBe(801);
    expect(await db.prisma.catalogSyncStage.count()).toBe(0);
  });

  it("sweeps what a sync killed mid-way left staged, once it is a day old", async () => {
    const abandoned = "00000000-0000-4000-8000-000000000001";
    await db.sql.query(
      `INSERT INTO "CatalogSyncStage" ("stageId", "key", "contentHash", "stagedAt")
       VALUES ($1::uuid, 'old', 'h', now() - interval '2 days'), ($1::uuid, 'recent', 'h', now())`,
      [abandoned],
    );
    const small = target("sweeper", "chicago-il-data-2020-04-14.json");
    await writeCatalogSync(
      db.sql,
      small,
      failAfter(reader.read(small.location, "dcat"), 5),
      new Date(),
    ).catch(() => undefined);
    const left = await db.prisma.catalogSyncStage.findMany({ where: { stageId: abandoned } });
    expect(left.map((row) => row.key)).toEqual(["recent"]);
    await db.prisma.catalogSyncStage.deleteMany({ where: { stageId: abandoned } });
  });
});
