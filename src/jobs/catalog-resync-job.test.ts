import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { datasetFixture } from "../../test/fakes/core/dataset-fixture.js";
import { FakeClock } from "../../test/fakes/core/fake-clock.js";
import { inMemoryCatalogDeps } from "../../test/fakes/core/in-memory-catalog-deps.js";
import { importCatalog } from "../core/catalog/import-catalog.js";
import { type Logger, silentLogger } from "../core/ports/logger.js";
import { catalogResyncJob } from "./catalog-resync-job.js";
import { createScheduler } from "./scheduler.js";

async function setup() {
  const clock = new FakeClock("2026-11-01T00:00:00Z");
  const { store, reader, deps: catalogDeps } = inMemoryCatalogDeps(clock);
  const logged: { level: string; obj: object }[] = [];
  const logger: Logger = {
    ...silentLogger,
    info: (obj) => void logged.push({ level: "info", obj }),
    warn: (obj) => void logged.push({ level: "warn", obj }),
  };
  const deps = { ...catalogDeps, clock, logger };
  const communityId = randomUUID();
  reader.publish("/daily.json", "dcat", [datasetFixture({ key: "d1" })]);
  reader.publish("/hourly.json", "dcat", [datasetFixture({ key: "h1" })]);
  reader.publish("/manual.json", "dcat", [datasetFixture({ key: "m1" })]);
  await importCatalog(deps, { communityId, location: "/daily.json" });
  await importCatalog(deps, { communityId, location: "/hourly.json", syncIntervalMinutes: 60 });
  await importCatalog(deps, { communityId, location: "/manual.json", syncIntervalMinutes: 0 });
  reader.reads.length = 0;
  const scheduler = createScheduler({
    clock,
    logger,
    jobs: [catalogResyncJob(deps, { defaultIntervalMinutes: 1440, checkEveryMs: 60_000 })],
  });
  return { clock, store, reader, scheduler, logged };
}

describe("catalog resync job", () => {
  it("resyncs each source when its own or the default interval has elapsed, never on-demand ones", async () => {
    const { clock, reader, scheduler } = await setup();
    await scheduler.tick();
    expect(reader.reads).toEqual([]);

    clock.advanceMinutes(60);
    await scheduler.tick();
    expect(reader.reads).toEqual(["/hourly.json"]);

    clock.advanceMinutes(30);
    await scheduler.tick();
    expect(reader.reads).toEqual(["/hourly.json"]);

    clock.set("2026-11-02T00:00:00Z");
    await scheduler.tick();
    expect(reader.reads.slice(1).sort()).toEqual(["/daily.json", "/hourly.json"]);

    clock.set("2027-01-01T00:00:00Z");
    await scheduler.tick();
    expect(reader.reads).not.toContain("/manual.json");
  });

  it("logs a source that cannot be read, keeps going with the others and retries it an interval later", async () => {
    const { clock, reader, scheduler, store, logged } = await setup();
    reader.fail("/daily.json", "http_error");
    reader.publish("/hourly.json", "dcat", [datasetFixture({ key: "h1" }), datasetFixture({ key: "h2" })]);
    clock.set("2026-11-02T00:00:00Z");
    await scheduler.tick();
    expect(logged).toContainEqual({
      level: "warn",
      obj: expect.objectContaining({ source: "daily", code: "unavailable" }),
    });
    expect(logged).toContainEqual({
      level: "info",
      obj: expect.objectContaining({ source: "hourly", added: 1 }),
    });
    const daily = (await store.listSources()).find((s) => s.name === "daily");
    expect(daily?.lastRun?.status).toBe("failed");
    expect(daily?.datasetCount).toBe(1);

    reader.reads.length = 0;
    clock.advanceMinutes(60);
    await scheduler.tick();
    expect(reader.reads).toEqual(["/hourly.json"]);
    clock.advanceMinutes(1440);
    await scheduler.tick();
    expect(reader.reads).toContain("/daily.json");
  });
});
