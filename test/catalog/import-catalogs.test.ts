import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreDeps } from "../../src/core/bot/core-deps.js";
import { importCatalog } from "../../src/core/catalog/import-catalog.js";
import { translator } from "../../src/core/i18n/translator.js";
import { DomainError } from "../../src/core/shared/domain-error.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { coreDepsFor } from "../support/catalog-cli.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const catalogs = path.resolve(process.cwd(), "../shared/catalogs");

/** Everything an import could touch, as one comparable value: counts and a hash of the rows. */
async function snapshot(db: TestDatabase) {
  const [row] = await db.sql.query<Record<string, string>>(`
    SELECT (SELECT count(*) FROM "CatalogSource")::text AS sources,
           (SELECT count(*) FROM "SyncRun")::text AS runs,
           (SELECT count(*) FROM "SyncRunChange")::text AS changes,
           (SELECT count(*) FROM "Dataset")::text AS datasets,
           (SELECT md5(coalesce(string_agg("key" || "contentHash" || coalesce("removedAt"::text, ''), ',' ORDER BY "key"), '')) FROM "Dataset") AS hash,
           (SELECT md5(coalesce(string_agg("name" || "location" || coalesce("lastSyncedAt"::text, ''), ',' ORDER BY "name"), '')) FROM "CatalogSource") AS source_hash`);
  return row;
}

describe(`importing catalogs (${testDriver})`, () => {
  let db: TestDatabase;
  let deps: CoreDeps;
  let communityId: string;
  let dir: string;
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    deps = coreDepsFor(db, new FakeClock("2026-11-21T10:00:00Z"));
    communityId = (await db.prisma.community.findFirstOrThrow()).id;
    dir = await mkdtemp(path.join(tmpdir(), "datadesk-import-"));
    server = createServer((request, response) => {
      if (request.url === "/catalog/data.json") {
        response.writeHead(404, { "content-type": "text/html" }).end("<h1>Not Found</h1>");
      } else response.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
    await db.drop();
  });

  it.each([
    ["chicago-il-data-2020-07-22.json", "dcat", 801],
    ["sandiego-sdrdl-ckan-datasets.jsonl", "ckan", 72],
    ["fort-collins-co-socrata-catalog-api.json", "socrata", 51],
    ["birmingham-uk-ckan-package_search-sample.json", "ckan", 10],
  ] as const)("imports %s cleanly: kind detected, nothing skipped", async (file, kind, count) => {
    const result = await importCatalog(deps, { communityId, location: path.join(catalogs, file) });
    expect(result.kind).toBe(kind);
    expect(result.name).toBe(file.replace(/\.jsonl?$/, ""));
    expect(result.summary.skippedReport).toEqual([]);
    expect(result.summary).toMatchObject({ added: count, updated: 0, removed: 0, unchanged: 0, skipped: 0 });
    const source = await deps.catalogs.findSource(communityId, result.name);
    expect(source?.datasetCount).toBe(count);
  });

  async function expectUntouched(attempt: () => Promise<unknown>, message: RegExp) {
    const before = await snapshot(db);
    const error = await attempt().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    const { messageKey, params } = error as DomainError;
    const sentence = translator("en")(messageKey, params);
    expect(sentence).toMatch(message);
    expect(sentence).toMatch(/Nothing was changed\.$/);
    expect(await snapshot(db)).toEqual(before);
  }

  it("leaves the database untouched when the file is malformed JSON", async () => {
    const file = path.join(dir, "broken.json");
    // Valid for a while (so reading starts inside the sync transaction), then cut off.
    await writeFile(
      file,
      '{"dataset":[{"identifier":"a","title":"A","description":"x"},{"identifier":"b","ti',
    );
    await expectUntouched(
      () => importCatalog(deps, { communityId, location: file, kind: "dcat" }),
      /not valid JSON|broken\.json/,
    );
    await expectUntouched(() => importCatalog(deps, { communityId, location: file }), /broken\.json/);
  });

  it("leaves the database untouched when the URL answers 404", async () => {
    await expectUntouched(
      () => importCatalog(deps, { communityId, location: `${baseUrl}/catalog/data.json` }),
      /404|not found|no catalog/i,
    );
    await expectUntouched(
      () => importCatalog(deps, { communityId, location: `${baseUrl}/catalog/data.json`, kind: "dcat" }),
      /404|not found|no catalog/i,
    );
  });

  it("leaves the database untouched when the JSON is not a catalog", async () => {
    const file = path.join(dir, "package.json");
    await writeFile(file, JSON.stringify({ name: "not-a-catalog", version: "1.0.0", dependencies: {} }));
    await expectUntouched(() => importCatalog(deps, { communityId, location: file }), /catalog/);
    await expectUntouched(
      () => importCatalog(deps, { communityId, location: file, kind: "ckan" }),
      /None of the 1 records in .*package\.json/,
    );
  });

  it("keeps an existing catalog intact when its resync reads a broken file, recording the failed run", async () => {
    const file = path.join(dir, "broken-resync.json");
    await writeFile(file, '{"dataset":[{"identifier":"a","title":"A"');
    const datasetsBefore = await snapshot(db);
    const error = await importCatalog(deps, {
      communityId,
      location: file,
      kind: "dcat",
      name: "fort-collins-co-socrata-catalog-api",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    const after = await snapshot(db);
    expect({ ...after, runs: datasetsBefore?.runs }).toEqual(datasetsBefore);
    expect(Number(after?.runs)).toBe(Number(datasetsBefore?.runs) + 1);
    const source = await deps.catalogs.findSource(communityId, "fort-collins-co-socrata-catalog-api");
    expect(source).toMatchObject({
      datasetCount: 51,
      location: path.join(catalogs, "fort-collins-co-socrata-catalog-api.json"),
    });
    expect(source?.lastRun?.status).toBe("failed");
  });
});
