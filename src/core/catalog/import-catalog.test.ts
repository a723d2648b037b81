import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { datasetFixture } from "../../../test/fakes/core/dataset-fixture.js";
import { FakeClock } from "../../../test/fakes/core/fake-clock.js";
import { inMemoryCatalogDeps } from "../../../test/fakes/core/in-memory-catalog-deps.js";
import type { CatalogReadProgress } from "../ports/catalog-source.js";
import { DomainError } from "../shared/domain-error.js";
import { defaultCatalogName, importCatalog } from "./import-catalog.js";

function setup() {
  const clock = new FakeClock("2026-11-21T10:00:00Z");
  const { store, reader, deps } = inMemoryCatalogDeps(clock);
  return { clock, store, reader, deps: { ...deps, clock }, communityId: randomUUID() };
}

describe("importCatalog", () => {
  it("detects the kind, names the source after the file and reports what it added", async () => {
    const { reader, store, deps, communityId } = setup();
    reader.publish("/data/city-catalog.json", "socrata", [
      datasetFixture({ key: "a" }),
      datasetFixture({ key: "b" }),
    ]);
    const progress: CatalogReadProgress[] = [];
    const result = await importCatalog(
      deps,
      { communityId, location: "/data/city-catalog.json" },
      { onProgress: (p) => progress.push(p) },
    );
    expect(result).toMatchObject({ name: "city-catalog", kind: "socrata" });
    expect(result.summary).toMatchObject({ added: 2, updated: 0, removed: 0, unchanged: 0, skipped: 0 });
    expect(progress.at(-1)).toEqual({ records: 2, total: 2 });
    const [source] = await store.listSources({ communityId });
    expect(source).toMatchObject({ name: "city-catalog", datasetCount: 2, syncIntervalMinutes: null });
    expect(source?.lastSyncedAt).toEqual(new Date("2026-11-21T10:00:00Z"));
  });

  it("uses the given kind, name and interval, and reports skipped records with position and key", async () => {
    const { reader, store, deps, communityId } = setup();
    reader.publish("https://portal.example.org/data.json", "ckan", [
      datasetFixture({ key: "a" }),
      { ok: false, position: 2, key: "b", problem: "title: required" },
    ]);
    const result = await importCatalog(deps, {
      communityId,
      location: "https://portal.example.org/data.json",
      kind: "dcat",
      name: "city",
      syncIntervalMinutes: 60,
    });
    expect(result).toMatchObject({ name: "city", kind: "dcat" });
    expect(result.summary).toMatchObject({ added: 1, skipped: 1 });
    expect(result.summary.skippedReport).toEqual([{ position: 2, key: "b", problem: "title: required" }]);
    expect(await store.findSource(communityId, "city")).toMatchObject({
      kind: "dcat",
      syncIntervalMinutes: 60,
    });
  });

  it.each([
    ["not_found", "not_found"],
    ["not_json", "invalid_input"],
    ["not_a_catalog", "invalid_input"],
    ["http_error", "unavailable"],
  ] as const)(
    "explains a source that fails with %s in one DomainError and changes nothing",
    async (failure, code) => {
      const { reader, store, deps, communityId } = setup();
      reader.publish("/ok.json", "dcat", [datasetFixture({ key: "kept" })]);
      await importCatalog(deps, { communityId, location: "/ok.json", name: "ok" });
      const before = JSON.stringify([...store.datasets.values()]);
      reader.fail("/broken.json", failure);
      const error = await importCatalog(deps, { communityId, location: "/broken.json" }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code, messageKey: "catalogAdmin:sourceFailed" });
      expect((error as DomainError).params.detail).toContain("/broken.json");
      expect(JSON.stringify([...store.datasets.values()])).toBe(before);
      expect((await store.listSources()).map((s) => s.name)).toEqual(["ok"]);
    },
  );

  it("leaves the previous catalog as it was when a resync breaks part-way", async () => {
    const { reader, store, deps, communityId } = setup();
    reader.publish("/c.json", "dcat", [datasetFixture({ key: "a" }), datasetFixture({ key: "b" })]);
    await importCatalog(deps, { communityId, location: "/c.json" });
    reader.publish("/c.json", "dcat", [
      datasetFixture({ key: "a", title: "Changed" }),
      datasetFixture({ key: "c" }),
    ]);
    reader.breakAfter("/c.json", 1, "timeout");
    await expect(importCatalog(deps, { communityId, location: "/c.json" })).rejects.toMatchObject({
      code: "unavailable",
    });
    expect(store.datasetByKey("a").dataset.title).toBe("Dataset a");
    expect([...store.datasets.values()].map((d) => d.dataset.key)).toEqual(["a", "b"]);
  });

  it("refuses a source with no usable dataset, creating nothing and removing nothing", async () => {
    const { reader, store, deps, communityId } = setup();
    reader.publish("/junk.json", "ckan", [{ ok: false, position: 1, key: null, problem: "title: required" }]);
    await expect(importCatalog(deps, { communityId, location: "/junk.json" })).rejects.toMatchObject({
      code: "invalid_input",
      messageKey: "catalogAdmin:noValidDatasets",
      params: { location: "/junk.json", read: 1 },
    });
    expect(await store.listSources()).toEqual([]);

    reader.publish("/c.json", "dcat", [datasetFixture({ key: "a" })]);
    await importCatalog(deps, { communityId, location: "/c.json" });
    reader.publish("/c.json", "dcat", []);
    await expect(importCatalog(deps, { communityId, location: "/c.json" })).rejects.toMatchObject({
      messageKey: "catalogAdmin:emptyCatalog",
    });
    expect(store.datasetByKey("a").removedAt).toBeNull();
  });

  it("refuses an empty location or a negative interval as invalid input", async () => {
    const { deps, communityId } = setup();
    await expect(importCatalog(deps, { communityId, location: "  " })).rejects.toMatchObject({
      code: "invalid_input",
    });
    await expect(
      importCatalog(deps, { communityId, location: "/x.json", syncIntervalMinutes: -5 }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("defaultCatalogName", () => {
  it.each([
    ["../shared/catalogs/fort-collins-co-socrata-catalog-api.json", "fort-collins-co-socrata-catalog-api"],
    ["sandiego-sdrdl-ckan-datasets.jsonl", "sandiego-sdrdl-ckan-datasets"],
    ["C:\\catalogs\\city.json", "city"],
    ["file:///srv/catalogs/data.json", "data"],
    ["https://data.cityofchicago.org/data.json", "data.cityofchicago.org"],
    ["http://127.0.0.1:8080/api/3/action/package_search?q=x", "127.0.0.1:8080"],
    ["/catalogs/noextension", "noextension"],
    ["/catalogs/.hidden", ".hidden"],
  ])("%s → %s", (location, name) => {
    expect(defaultCatalogName(location)).toBe(name);
  });
});
