import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCatalogSourceReader } from "../../src/catalog-sources/index.js";
import type { CatalogRecord, KnownRecords } from "../../src/core/ports/catalog-source.js";
import { SqlCatalogStore } from "../../src/store/catalog/sql-catalog-store.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

/**
 * A resync recognises records it imported before from their bytes (KnownRecords) and neither
 * checks nor normalises them again; the counts, the vectors of what did change and the
 * all-or-nothing guarantee must stay what they were when every record was read afresh.
 */
const july = path.resolve(process.cwd(), "../shared/catalogs/chicago-il-data-2020-07-22.json");
const reader = createCatalogSourceReader();

describe(`a resync that skips the records it already holds (${testDriver})`, () => {
  let db: TestDatabase;
  let store: SqlCatalogStore;
  let dir: string;
  let communityId: string;
  let catalog: { dataset: Record<string, unknown>[] };
  /** July as JSON.stringify writes it, the bytes every variant below shares but for its change. */
  let base: string;
  const target = (location: string) => ({
    communityId,
    name: "chicago",
    kind: "dcat" as const,
    location,
    syncIntervalMinutes: null,
  });
  /** Every dataset as it stands, hashes included, to compare around a failed sync. */
  const fingerprint = () =>
    db.sql.query<{ n: string; h: string }>(
      `SELECT count(*)::text AS n, md5(string_agg("key" || "contentHash" || coalesce("sourceHash", '') || coalesce("removedAt"::text, ''), ',' ORDER BY "key")) AS h FROM "Dataset"`,
    );

  /** Syncs `location` the way the use cases do, counting the records the reader found known. */
  async function sync(location: string) {
    const known = store.knownRecords({ communityId, name: "chicago" });
    let matched = 0;
    const counting: KnownRecords = {
      match: async (records) => {
        const found = await known.match(records);
        matched += found.size;
        return found;
      },
    };
    let knownRecords = 0;
    async function* counted(): AsyncGenerator<CatalogRecord> {
      for await (const record of reader.read(location, "dcat", undefined, counting)) {
        if (record.ok === "known") knownRecords += 1;
        yield record;
      }
    }
    const summary = await store.syncCatalog(target(location), counted(), new Date());
    expect(knownRecords).toBe(matched);
    return { summary, known: knownRecords };
  }

  async function variant(name: string, change: (datasets: Record<string, unknown>[]) => void) {
    const copy = structuredClone(catalog);
    change(copy.dataset);
    const file = path.join(dir, name);
    await writeFile(file, JSON.stringify(copy));
    return file;
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new SqlCatalogStore(db.sql);
    communityId = (await db.prisma.community.findFirstOrThrow()).id;
    dir = await mkdtemp(path.join(tmpdir(), "datadesk-known-"));
    catalog = JSON.parse(await readFile(july, "utf8"));
    const first = await sync(july);
    expect(first).toMatchObject({ known: 0, summary: { added: 801, skipped: 0 } });
    // The published file escapes its slashes: other bytes, the same content.
    base = await variant("base.json", () => undefined);
    const rewritten = await sync(base);
    expect(rewritten).toMatchObject({ known: 0, summary: { updated: 0, unchanged: 801 } });
  });
  afterAll(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("checks no record of an unchanged file again: all known, all unchanged", async () => {
    const again = await sync(base);
    expect(again.known).toBe(801);
    expect(again.summary).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 801, skipped: 0 });
  });

  it("reads a changed record afresh, and search finds its new words at once", async () => {
    const file = await variant("retitled.json", (datasets) => {
      const first = datasets[0] as { title: string };
      first.title = `${first.title} zebrafinch`;
    });
    const resync = await sync(file);
    expect(resync.known).toBe(800);
    expect(resync.summary).toMatchObject({ added: 0, updated: 1, removed: 0, unchanged: 800 });
    const found = await db.sql.query<{ key: string }>(
      `SELECT "key" FROM "Dataset" WHERE "search" @@ to_tsquery('english', 'zebrafinch') AND "searchHead" @@ to_tsquery('english', 'zebrafinch')`,
    );
    expect(found.map((row) => row.key)).toEqual([catalog.dataset[0]?.identifier]);
  });

  it("counts the same content from other bytes unchanged, and knows those bytes next time", async () => {
    const file = await variant("reordered.json", (datasets) => {
      const first = datasets[0] as { title: string; keyword: string[] };
      first.title = `${first.title} zebrafinch`;
      first.keyword = [...first.keyword].reverse();
    });
    expect((catalog.dataset[0]?.keyword as string[] | undefined)?.length ?? 0).toBeGreaterThan(1);
    const resync = await sync(file);
    expect(resync.known).toBe(800);
    expect(resync.summary).toMatchObject({ updated: 0, unchanged: 801 });
    expect((await sync(file)).known).toBe(801);
  });

  it("leaves the previous catalog intact when a resync's file breaks off half-way", async () => {
    const before = await fingerprint();
    const changed = await variant("changed.json", (datasets) => {
      for (const dataset of datasets.slice(0, 600)) dataset.title = `${String(dataset.title)} revised`;
    });
    const text = await readFile(changed, "utf8");
    const truncated = path.join(dir, "truncated.json");
    await writeFile(truncated, text.slice(0, Math.floor(text.length * 0.8)));
    await expect(sync(truncated)).rejects.toThrow(/not valid JSON/);
    expect(await fingerprint()).toEqual(before);
    const failed = await db.prisma.syncRun.findFirstOrThrow({ where: { status: "failed" } });
    expect(failed.error).toContain("not valid JSON");
  });
});
