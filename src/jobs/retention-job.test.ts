import { describe, expect, it } from "vitest";
import { accessWorld, detailsValues, who } from "../../test/fakes/core/in-memory-access-world.js";
import { InMemoryWatchStore } from "../../test/fakes/core/in-memory-watches.js";
import { ConfigError, loadConfig } from "../config.js";
import { type Logger, silentLogger } from "../core/ports/logger.js";
import type { WatchNotice } from "../core/ports/watch-store.js";
import { retentionJob } from "./retention-job.js";
import { createScheduler } from "./scheduler.js";

function recordingLogger() {
  const logged: { level: string; msg: string | undefined; obj: unknown }[] = [];
  const logger: Logger = {
    ...silentLogger,
    info: (obj, msg) => void logged.push({ level: "info", msg, obj }),
    error: (obj, msg) => void logged.push({ level: "error", msg, obj }),
  };
  return { logger, logged };
}

async function withdrawnRequest() {
  const world = await accessWorld({ start: "2026-01-05T10:00:00Z" });
  const { requestId } = await world.fileRequest();
  await world.press(who.ana, "access.withdraw", requestId);
  expect((await world.deps.accessRequests.byId(requestId))?.status).toBe("withdrawn");
  return { world, requestId };
}

describe("retention job", () => {
  it("runs daily on the scheduler's clock and purges once the period has passed", async () => {
    const { world, requestId } = await withdrawnRequest();
    const { logger, logged } = recordingLogger();
    const job = retentionJob({ ...world.deps, logger }, { days: 10 });
    expect(job.everyMs).toBe(24 * 60 * 60_000);
    const scheduler = createScheduler({ clock: world.deps.clock, logger, jobs: [job] });
    await scheduler.tick();
    expect((await world.deps.accessRequests.byId(requestId))?.details.purpose).toBe(detailsValues.purpose);

    world.deps.clock.set("2026-01-15T10:30:00Z");
    await scheduler.tick();
    expect((await world.deps.accessRequests.byId(requestId))?.details.purpose).toBe("");
    expect(logged).toContainEqual({
      level: "info",
      msg: "closed access requests purged",
      obj: { purged: 1, days: 10 },
    });
    expect(world.deps.auditLog.actionsOf(requestId).at(-1)).toBe("purged");
  });

  it("deletes watch notices older than the period, and keeps the newer ones", async () => {
    const { world } = await withdrawnRequest();
    const watches = new InMemoryWatchStore();
    const notice = (datasetId: string, personId = "p1"): WatchNotice => ({
      personId,
      communityId: "c1",
      watchKind: "dataset",
      watchTarget: datasetId,
      datasetId,
      datasetTitle: datasetId,
      landingPage: null,
      accessLevel: "public",
      change: "updated",
      fields: [],
    });
    // One notice per person and run: the old run told two people.
    watches.runNotices.set("old", [notice("d1"), notice("d2"), notice("d1", "p2")]);
    watches.runNotices.set("new", [notice("d3")]);
    await watches.recordRunNotices("old", new Date("2026-01-01T00:00:00Z"), 20);
    await watches.recordRunNotices("new", new Date("2026-01-20T00:00:00Z"), 20);
    const { logger, logged } = recordingLogger();
    world.deps.clock.set("2026-01-25T00:00:00Z");
    await retentionJob({ ...world.deps, watches, logger }, { days: 10 }).run(world.deps.clock.now());
    expect(watches.recorded).toEqual([{ at: new Date("2026-01-20T00:00:00Z") }]);
    expect(logged).toContainEqual({
      level: "info",
      msg: "old watch notices deleted",
      obj: { notices: 2, days: 10 },
    });
    await retentionJob({ ...world.deps, watches, logger: silentLogger }, { days: 0 }).run(
      new Date("2036-01-01T00:00:00Z"),
    );
    expect(watches.recorded).toHaveLength(1);
  });

  it("keeps everything when the period is 0", async () => {
    const { world, requestId } = await withdrawnRequest();
    world.deps.clock.set("2036-01-01T00:00:00Z");
    await retentionJob({ ...world.deps, logger: silentLogger }, { days: 0 }).run(world.deps.clock.now());
    expect((await world.deps.accessRequests.byId(requestId))?.details.purpose).toBe(detailsValues.purpose);
  });

  it("logs a failing run instead of throwing", async () => {
    const { world } = await withdrawnRequest();
    const { logger, logged } = recordingLogger();
    world.deps.accessRequests.closedUnpurged = () => Promise.reject(new Error("database gone"));
    await retentionJob({ ...world.deps, logger }, { days: 1 }).run(world.deps.clock.now());
    expect(logged.map((l) => [l.level, l.msg])).toEqual([["error", "retention failed"]]);
  });

  it("takes its period from DATADESK_RETENTION_DAYS: 365 by default, 0 keeps forever, whole days", () => {
    expect(loadConfig({}).retention).toEqual({ days: 365 });
    expect(loadConfig({ DATADESK_RETENTION_DAYS: " 30 " }).retention).toEqual({ days: 30 });
    expect(loadConfig({ DATADESK_RETENTION_DAYS: "0" }).retention).toEqual({ days: 0 });
    expect(() => loadConfig({ DATADESK_RETENTION_DAYS: "3651" })).toThrow(/at most 3650/);
    expect(() => loadConfig({ DATADESK_RETENTION_DAYS: "a year" })).toThrow(ConfigError);
    expect(() => loadConfig({ DATADESK_RETENTION_DAYS: "-1" })).toThrow(/whole number of days/);
  });
});
