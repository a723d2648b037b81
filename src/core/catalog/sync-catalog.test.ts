import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { datasetFixture } from "../../../test/fakes/core/dataset-fixture.js";
import { FakeClock } from "../../../test/fakes/core/fake-clock.js";
import { inMemoryCatalogDeps } from "../../../test/fakes/core/in-memory-catalog-deps.js";
import { importCatalog } from "./import-catalog.js";
import { listCatalogs } from "./list-catalogs.js";
import { syncCatalog } from "./sync-catalog.js";

async function setup() {
  const clock = new FakeClock("2026-11-01T00:00:00Z");
  const { store, reader, deps: catalogDeps } = inMemoryCatalogDeps(clock);
  const deps = { ...catalogDeps, clock };
  const communityId = randomUUID();
  reader.publish("/a.json", "dcat", [datasetFixture({ key: "a1" }), datasetFixture({ key: "a2" })]);
  reader.publish("/b.json", "ckan", [datasetFixture({ key: "b1" })]);
  await importCatalog(deps, { communityId, location: "/a.json" });
  await importCatalog(deps, { communityId, location: "/b.json", syncIntervalMinutes: 0 });
  return { clock, store, reader, deps, communityId };
}

describe("syncCatalog", () => {
  it("re-reads one named source from its stored location and kind", async () => {
    const { reader, deps, communityId, clock } = await setup();
    reader.publish("/a.json", "dcat", [
      datasetFixture({ key: "a1", title: "New title" }),
      datasetFixture({ key: "a3" }),
    ]);
    clock.advanceMinutes(30);
    const [result] = await syncCatalog(deps, { communityId, name: "a" });
    expect(result?.ok && result.summary).toMatchObject({ added: 1, updated: 1, removed: 1, unchanged: 0 });
    expect(reader.reads.at(-1)).toBe("/a.json");
  });

  it("says which name it could not find", async () => {
    const { deps, communityId } = await setup();
    await expect(syncCatalog(deps, { communityId, name: "nope" })).rejects.toMatchObject({
      code: "not_found",
      messageKey: "catalogAdmin:catalogNotFound",
      params: { name: "nope" },
    });
  });

  it("syncs every source, reporting one that fails without stopping the others", async () => {
    const { reader, deps, communityId } = await setup();
    reader.fail("/a.json", "http_error");
    const results = await syncCatalog(deps, { communityId });
    expect(results.map((r) => [r.source.name, r.ok])).toEqual([
      ["a", false],
      ["b", true],
    ]);
    const failed = results[0];
    expect(failed && !failed.ok && failed.error.messageKey).toBe("catalogAdmin:sourceFailed");
  });

  it("fails loudly for a single named source that cannot be read, recording the failed run", async () => {
    const { reader, deps, communityId, store } = await setup();
    reader.fail("/a.json", "not_found");
    await expect(syncCatalog(deps, { communityId, name: "a" })).rejects.toMatchObject({ code: "not_found" });
    const source = await store.findSource(communityId, "a");
    expect(source?.lastRun?.status).toBe("failed");
    expect(source?.datasetCount).toBe(2);
  });
});

describe("listCatalogs", () => {
  it("lists by name with counts, last run and when each resyncs next", async () => {
    const { deps, communityId } = await setup();
    const listings = await listCatalogs(deps, { communityId, defaultSyncIntervalMinutes: 1440 });
    expect(listings.map((l) => [l.name, l.kind, l.datasetCount, l.resyncEveryMinutes])).toEqual([
      ["a", "dcat", 2, 1440],
      ["b", "ckan", 1, null],
    ]);
    expect(listings[0]?.nextResyncAt).toEqual(new Date("2026-11-02T00:00:00Z"));
    expect(listings[0]?.lastRun).toMatchObject({ status: "succeeded", added: 2 });
    expect(listings[1]?.nextResyncAt).toBeNull();
    expect(await listCatalogs(deps, { communityId: randomUUID(), defaultSyncIntervalMinutes: 60 })).toEqual(
      [],
    );
  });
});
