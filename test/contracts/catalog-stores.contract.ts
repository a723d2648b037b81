import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NormalizedDataset } from "../../src/core/catalog/dataset.js";
import type { CatalogRecord } from "../../src/core/ports/catalog-source.js";
import type { CatalogStore } from "../../src/core/ports/catalog-store.js";
import type { MetadataGapStore } from "../../src/core/ports/metadata-gap-store.js";
import type { UsageNoteStore } from "../../src/core/ports/usage-note-store.js";
import { datasetFixture } from "../fakes/core/dataset-fixture.js";
import type { FakeClock } from "../fakes/core/fake-clock.js";

export interface CatalogStoresUnderTest {
  catalogs: CatalogStore;
  usageNotes: UsageNoteStore;
  metadataGaps: MetadataGapStore;
  /** The clock the gap store stamps with. */
  clock: FakeClock;
  communityId: string;
  otherCommunityId: string;
  teardown(): Promise<void>;
}

async function* records(datasets: readonly NormalizedDataset[]): AsyncGenerator<CatalogRecord> {
  for (const dataset of datasets) yield { ok: true, dataset };
}

async function* failing(): AsyncGenerator<CatalogRecord> {
  yield { ok: true, dataset: datasetFixture({ key: "x" }) };
  throw new Error("connection dropped");
}

const chicago = [
  datasetFixture({ key: "https://data.cityofchicago.org/api/views/4ijn-s7e5", title: "Food Inspections" }),
  datasetFixture({ key: "https://data.cityofchicago.org/api/views/ydr8-5enu", title: "Building Permits" }),
  datasetFixture({ key: "https://data.cityofchicago.org/api/views/aaaa-0001", title: "Building Violations" }),
  datasetFixture({ key: "permits", title: "Permit Fees" }),
];

/**
 * What every implementation of the catalog ports must do, run against the in-memory fake and
 * the SQL store, so the fake the core tests lean on cannot drift from the database.
 */
export function catalogStoresContract(name: string, setup: () => Promise<CatalogStoresUnderTest>): void {
  describe(`catalog stores contract: ${name}`, () => {
    let s: CatalogStoresUnderTest;
    beforeAll(async () => {
      s = await setup();
      const target = {
        communityId: s.communityId,
        name: "chicago",
        kind: "dcat" as const,
        location: "/c.json",
      };
      await s.catalogs.syncCatalog(
        { ...target, syncIntervalMinutes: 120 },
        records(chicago),
        new Date("2026-11-01T00:00:00Z"),
      );
      const other = {
        ...target,
        communityId: s.otherCommunityId,
        name: "elsewhere",
        syncIntervalMinutes: null,
      };
      await s.catalogs.syncCatalog(
        other,
        records([datasetFixture({ key: "food", title: "Food Inspections" })]),
        new Date("2026-11-01T00:00:00Z"),
      );
    });
    afterAll(async () => s.teardown());

    it("lists a community's sources with live counts and the last run", async () => {
      const [source, ...rest] = await s.catalogs.listSources({ communityId: s.communityId });
      expect(rest).toEqual([]);
      expect(source).toMatchObject({
        name: "chicago",
        kind: "dcat",
        location: "/c.json",
        syncIntervalMinutes: 120,
        datasetCount: 4,
        lastSyncedAt: new Date("2026-11-01T00:00:00Z"),
        lastRun: {
          status: "succeeded",
          added: 4,
          updated: 0,
          removed: 0,
          unchanged: 0,
          skipped: 0,
          error: null,
        },
      });
      expect((await s.catalogs.listSources()).map((x) => x.name).sort()).toEqual(["chicago", "elsewhere"]);
      expect(await s.catalogs.findSource(s.communityId, "elsewhere")).toBeNull();
    });

    it("keeps a source's interval when a resync does not give one, and records a failed resync", async () => {
      const target = {
        communityId: s.communityId,
        name: "chicago",
        kind: "dcat" as const,
        location: "/c.json",
        syncIntervalMinutes: null,
      };
      const outcome = await s.catalogs.syncCatalog(
        target,
        records(chicago),
        new Date("2026-11-02T00:00:00Z"),
      );
      expect(outcome).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
      await expect(
        s.catalogs.syncCatalog(target, failing(), new Date("2026-11-03T00:00:00Z")),
      ).rejects.toThrow(/connection dropped/);
      const source = await s.catalogs.findSource(s.communityId, "chicago");
      expect(source).toMatchObject({
        syncIntervalMinutes: 120,
        datasetCount: 4,
        lastSyncedAt: new Date("2026-11-02T00:00:00Z"),
      });
      expect(source?.lastRun).toMatchObject({
        status: "failed",
        startedAt: new Date("2026-11-03T00:00:00Z"),
      });
      expect(source?.lastRun?.error).toContain("connection dropped");
    });

    it("finds a dataset by key, 4x4 id, exact title or part of a title, best tier only, in its community", async () => {
      const titles = async (reference: string) =>
        (await s.usageNotes.findDatasets(s.communityId, reference, 10)).map((d) => d.title);
      expect(await titles("https://data.cityofchicago.org/api/views/4ijn-s7e5")).toEqual([
        "Food Inspections",
      ]);
      expect(await titles("ydr8-5enu")).toEqual(["Building Permits"]);
      expect(await titles("building permits")).toEqual(["Building Permits"]);
      expect(await titles("BUILDING")).toEqual(["Building Permits", "Building Violations"]);
      expect(await titles("permits")).toEqual(["Permit Fees"]);
      expect(await titles("   ")).toEqual([]);
      expect(await titles("bike lanes")).toEqual([]);
      expect(await s.usageNotes.findDatasets(s.communityId, "building", 1)).toHaveLength(1);
      const [food] = await s.usageNotes.findDatasets(s.communityId, "Food Inspections", 10);
      expect(food).toMatchObject({
        key: "https://data.cityofchicago.org/api/views/4ijn-s7e5",
        sourceName: "chicago",
      });
    });

    it("stores usage notes in order", async () => {
      const [food] = await s.usageNotes.findDatasets(s.communityId, "Food Inspections", 1);
      if (!food) throw new Error("no dataset");
      const first = await s.usageNotes.addUsageNote({
        datasetId: food.id,
        authorPersonId: null,
        kind: "use_case",
        text: "Restaurant-level trends",
        createdAt: new Date("2026-11-05T00:00:00Z"),
      });
      expect(first).toMatchObject({ datasetId: food.id, kind: "use_case", text: "Restaurant-level trends" });
      await s.usageNotes.addUsageNote({
        datasetId: food.id,
        authorPersonId: null,
        kind: "caveat",
        text: "Older codes before 2010",
        createdAt: new Date("2026-11-06T00:00:00Z"),
      });
      expect((await s.usageNotes.notesFor(food.id)).map((n) => [n.kind, n.text, n.createdAt])).toEqual([
        ["use_case", "Restaurant-level trends", new Date("2026-11-05T00:00:00Z")],
        ["caveat", "Older codes before 2010", new Date("2026-11-06T00:00:00Z")],
      ]);
    });

    it("counts metadata gaps per dataset and field, most asked first, current datasets only", async () => {
      const [food] = await s.usageNotes.findDatasets(s.communityId, "Food Inspections", 1);
      const [permits] = await s.usageNotes.findDatasets(s.communityId, "ydr8-5enu", 1);
      const [violations] = await s.usageNotes.findDatasets(s.communityId, "aaaa-0001", 1);
      if (!food || !permits || !violations) throw new Error("no dataset");
      s.clock.set("2026-11-10T00:00:00Z");
      await s.metadataGaps.recordGap(permits.id, "contact");
      await s.metadataGaps.recordGap(food.id, "license");
      s.clock.set("2026-11-11T00:00:00Z");
      await s.metadataGaps.recordGap(food.id, "license");
      await s.metadataGaps.recordGap(violations.id, "columns");
      await expect(s.metadataGaps.recordGap(food.id, "Not A Field!")).rejects.toThrow(
        /not a metadata gap field/,
      );

      const gaps = await s.metadataGaps.mostAskedGaps(s.communityId, 10);
      expect(gaps.map((g) => [g.datasetTitle, g.field, g.count, g.lastAskedAt.toISOString()])).toEqual([
        ["Food Inspections", "license", 2, "2026-11-11T00:00:00.000Z"],
        ["Building Violations", "columns", 1, "2026-11-11T00:00:00.000Z"],
        ["Building Permits", "contact", 1, "2026-11-10T00:00:00.000Z"],
      ]);
      expect(gaps[0]).toMatchObject({ datasetId: food.id, datasetKey: food.key, sourceName: "chicago" });
      expect(await s.metadataGaps.mostAskedGaps(s.communityId, 1)).toHaveLength(1);
      expect(await s.metadataGaps.mostAskedGaps(s.otherCommunityId, 10)).toEqual([]);

      // A dataset that left the catalog takes its gaps off the list.
      const target = {
        communityId: s.communityId,
        name: "chicago",
        kind: "dcat" as const,
        location: "/c.json",
        syncIntervalMinutes: null,
      };
      await s.catalogs.syncCatalog(
        target,
        records(chicago.filter((d) => d.title !== "Building Violations")),
        new Date("2026-11-12T00:00:00Z"),
      );
      expect((await s.metadataGaps.mostAskedGaps(s.communityId, 10)).map((g) => g.field)).toEqual([
        "license",
        "contact",
      ]);
      expect(await s.usageNotes.findDatasets(s.communityId, "aaaa-0001", 10)).toEqual([]);
    });
  });
}
