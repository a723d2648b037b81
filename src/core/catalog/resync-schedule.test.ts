import { describe, expect, it } from "vitest";
import type { SyncRunSummary } from "../ports/catalog-store.js";
import { isDueForResync, lastSyncAttemptAt, nextResyncAt, resyncIntervalMinutes } from "./resync-schedule.js";

const run = (startedAt: string, status: SyncRunSummary["status"]): SyncRunSummary => ({
  status,
  startedAt: new Date(startedAt),
  finishedAt: new Date(startedAt),
  added: 0,
  updated: 0,
  removed: 0,
  unchanged: 0,
  skipped: 0,
  error: status === "failed" ? "portal down" : null,
});

const synced = { syncIntervalMinutes: null, lastSyncedAt: new Date("2026-11-01T00:00:00Z"), lastRun: null };

describe("resync schedule", () => {
  it("uses the source's own interval, else the default; 0 on either level means on demand", () => {
    expect(resyncIntervalMinutes(synced, 1440)).toBe(1440);
    expect(resyncIntervalMinutes({ ...synced, syncIntervalMinutes: 60 }, 1440)).toBe(60);
    expect(resyncIntervalMinutes(synced, 0)).toBeNull();
    expect(resyncIntervalMinutes({ ...synced, syncIntervalMinutes: 0 }, 1440)).toBeNull();
    expect(resyncIntervalMinutes({ ...synced, syncIntervalMinutes: 15 }, 0)).toBe(15);
  });

  it("is due once the interval has elapsed since the last sync", () => {
    expect(nextResyncAt(synced, 1440)).toEqual(new Date("2026-11-02T00:00:00Z"));
    expect(isDueForResync(synced, new Date("2026-11-01T23:59:00Z"), 1440)).toBe(false);
    expect(isDueForResync(synced, new Date("2026-11-02T00:00:00Z"), 1440)).toBe(true);
    expect(isDueForResync(synced, new Date("2030-01-01T00:00:00Z"), 0)).toBe(false);
  });

  it("counts a failed attempt, so a broken portal is retried once per interval, not on every tick", () => {
    const failedLater = { ...synced, lastRun: run("2026-11-02T00:00:00Z", "failed") };
    expect(lastSyncAttemptAt(failedLater)).toEqual(new Date("2026-11-02T00:00:00Z"));
    expect(isDueForResync(failedLater, new Date("2026-11-02T00:01:00Z"), 1440)).toBe(false);
    expect(isDueForResync(failedLater, new Date("2026-11-03T00:00:00Z"), 1440)).toBe(true);
  });

  it("treats a source never attempted as due at once", () => {
    const fresh = { syncIntervalMinutes: null, lastSyncedAt: null, lastRun: null };
    expect(isDueForResync(fresh, new Date("2026-01-01T00:00:00Z"), 1440)).toBe(true);
  });
});
