import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseIsoWeek, previousWeek } from "../../src/core/digest/digest-week.js";
import type { DigestSource, DigestWindow } from "../../src/core/ports/digest-source.js";
import { SqlDigestSource } from "../../src/store/digest/sql-digest-source.js";
import { InMemoryDigestSource } from "../fakes/core/in-memory-digest-source.js";
import { busyWeek, busyWeekFacts } from "../support/digest-world.js";
import { seedDigestFacts } from "../support/digest-world-sql.js";
import { openTestDatabase, type TestDatabase } from "../support/test-database.js";

/**
 * The SQL digest source against the in-memory one on the same facts: every question, this week,
 * last week and a quiet week, so the fake the core tests use says what the database says.
 */
describe("digest source: SQL and in-memory agree", () => {
  let db: TestDatabase;
  let sql: DigestSource;
  let fake: InMemoryDigestSource;
  let communityId: string;
  const windows: Record<string, DigestWindow> = {};

  beforeAll(async () => {
    db = await openTestDatabase();
    const [community] = await db.sql.query<{ id: string }>(`SELECT "id" FROM "Community" LIMIT 1`);
    communityId = community?.id ?? "";
    const facts = busyWeekFacts(communityId);
    // A second community's activity in the same week must never leak in.
    const [other] = await db.sql.query<{ id: string }>(
      `INSERT INTO "Community" ("id", "slug", "name") VALUES (gen_random_uuid(), 'other', 'Other') RETURNING "id"`,
    );
    const otherFacts = busyWeekFacts(other?.id ?? "");
    await seedDigestFacts(db.sql, facts);
    await seedDigestFacts(db.sql, otherFacts);
    sql = new SqlDigestSource(db.sql);
    fake = new InMemoryDigestSource(facts);
    const week = parseIsoWeek(busyWeek.isoWeek, busyWeek.timezone);
    const quiet = parseIsoWeek(busyWeek.quietIsoWeek, busyWeek.timezone);
    if (!week || !quiet) throw new Error("bad weeks");
    const last = previousWeek(week, busyWeek.timezone);
    for (const [name, w] of Object.entries({ week, last, quiet }))
      windows[name] = { communityId, start: w.start, end: w.end };
  }, 60_000);
  afterAll(async () => db?.drop());

  const both = async <T>(ask: (source: DigestSource) => Promise<T>): Promise<T> => {
    const [fromSql, fromFake] = await Promise.all([ask(sql), ask(fake)]);
    expect(fromSql).toEqual(fromFake);
    return fromSql;
  };
  const w = (name: string) => windows[name] as DigestWindow;

  it("lists new problems without hidden ones, newest first, with their votes", async () => {
    const listed = await both((s) => s.newProblems(w("week"), 2));
    expect(listed.total).toBe(3);
    expect(listed.rows.map((row) => [row.number, row.votes])).toEqual([
      [5, 1],
      [3, 0],
    ]);
    await both((s) => s.newProblems(w("last"), 10));
    expect((await both((s) => s.newProblems(w("quiet"), 10))).total).toBe(0);
  });

  it("ranks problems by votes cast this week; the total is votes cast", async () => {
    const listed = await both((s) => s.mostVoted(w("week"), 10));
    expect(listed.rows.map((row) => [row.number, row.votes])).toEqual([
      [1, 3],
      [2, 2],
      [5, 1],
    ]);
    expect(listed.total).toBe(6);
    expect((await both((s) => s.mostVoted(w("last"), 10))).total).toBe(1);
  });

  it("lists decisions with the decline reason and counts each kind", async () => {
    const listed = await both((s) => s.statusChanges(w("week"), 10));
    expect(listed.counts).toEqual({ accepted: 1, solved: 1, declined: 1 });
    expect(listed.rows.find((row) => row.status === "declined")).toMatchObject({
      number: 3,
      declineReason: "already_exists",
      declineDetail: "Tree Inventory",
    });
    expect((await both((s) => s.statusChanges(w("quiet"), 10))).total).toBe(0);
  });

  it("lists published showcases only", async () => {
    const listed = await both((s) => s.showcasesPublished(w("week"), 10));
    expect(listed.rows.map((row) => row.title)).toEqual(["Bus Tracker"]);
  });

  it("counts a dataset once per week, added before updated, and skips removed datasets", async () => {
    const listed = await both((s) => s.datasetChanges(w("week"), 10));
    expect([listed.added, listed.updated, listed.total]).toEqual([1, 1, 2]);
    expect(listed.rows.map((row) => [row.title, row.change])).toEqual([
      ["Building Permits", "added"],
      ["311 Service Requests", "updated"],
    ]);
    expect((await both((s) => s.datasetChanges(w("last"), 10))).total).toBe(1);
  });

  it("finds overdue datasets by accrual periodicity like freshness.ts, most overdue first", async () => {
    const listed = await both((s) => s.overdueDatasets(communityId, busyWeek.now, 10));
    expect(listed.rows.map((row) => row.title)).toEqual(["Food Inspections", "Crimes"]);
    // On its due day plus grace a dataset is still current.
    const early = await both((s) => s.overdueDatasets(communityId, new Date("2026-11-03T12:00:00Z"), 10));
    expect(early.rows.map((row) => row.title)).toEqual(["Food Inspections"]);
  });

  it("lists metadata gaps asked about this week, most asked first", async () => {
    const listed = await both((s) => s.metadataGaps(w("week"), 10));
    expect(listed.rows.map((row) => [row.datasetTitle, row.field, row.count])).toEqual([
      ["Food Inspections", "license", 7],
      ["Bike Lanes", "contact", 3],
    ]);
  });

  it("lists requests waiting, oldest first, and those past a waiting cut-off", async () => {
    const waiting = await both((s) => s.accessWaiting(communityId, busyWeek.now, 10));
    expect(waiting.rows.map((row) => [row.number, row.status])).toEqual([
      [1, "pending"],
      [4, "pending"],
      [2, "needs_info"],
    ]);
    const breached = await both((s) =>
      s.accessWaiting(communityId, busyWeek.now, 10, new Date("2026-11-10T00:00:00Z")),
    );
    expect(breached.rows.map((row) => row.number)).toEqual([1]);
    const before = await both((s) => s.accessWaiting(communityId, new Date("2026-11-10T00:00:00Z"), 10));
    expect(before.total).toBe(1);
  });

  it("lists problems nobody triaged filed before a cut-off, oldest first, without assigned or hidden ones", async () => {
    // #8 is as old but assigned; #1, #3 and #6 were triaged; #4 is hidden (and recent).
    const cutoff = new Date("2026-11-14T00:00:00Z");
    const listed = await both((s) => s.awaitingTriage(communityId, cutoff, 10));
    expect(listed.rows).toEqual([
      { number: 7, title: "Street light outages", createdAt: new Date("2026-11-05T15:00:00Z") },
      { number: 9, title: "Sidewalk snow removal", createdAt: new Date("2026-11-13T20:00:00Z") },
    ]);
    expect(listed.total).toBe(2);
    const shown = await both((s) => s.awaitingTriage(communityId, cutoff, 1));
    expect([shown.rows.map((row) => row.number), shown.total]).toEqual([[7], 2]);
    // Filed at the cut-off is not before it; later, #5 (new this week) joins.
    const atNine = await both((s) => s.awaitingTriage(communityId, new Date("2026-11-13T20:00:00Z"), 10));
    expect(atNine.rows.map((row) => row.number)).toEqual([7]);
    const later = await both((s) => s.awaitingTriage(communityId, new Date("2026-11-20T00:00:00Z"), 10));
    expect(later.rows.map((row) => row.number)).toEqual([7, 9, 5]);
    expect(
      (await both((s) => s.awaitingTriage(communityId, new Date("2026-11-01T00:00:00Z"), 10))).total,
    ).toBe(0);
  });

  it("lists the week's suggested matches with their state now, without hidden problems", async () => {
    const listed = await both((s) => s.dataMatches(w("week"), 10));
    expect(listed.rows.map((row) => [row.problemNumber, row.datasetTitle, row.state])).toEqual([
      [5, "311 Service Requests", "suggested"],
      [1, "Building Permits", "linked"],
    ]);
    expect([listed.total, listed.counts]).toEqual([2, { suggested: 1, linked: 1, rejected: 0 }]);
    const shown = await both((s) => s.dataMatches(w("week"), 1));
    expect([shown.rows.length, shown.total]).toEqual([1, 2]);
    expect((await both((s) => s.dataMatches(w("last"), 10))).counts.rejected).toBe(1);
    expect((await both((s) => s.dataMatches(w("quiet"), 10))).total).toBe(0);
  });

  it("computes the impact counts of a week and of the week before", async () => {
    const week = await both((s) => s.impactCounts(w("week")));
    expect(week).toEqual({
      problemFirstResponses: 2,
      // #2 answered after 6 hours, #3 after 24: median 15 hours.
      problemFirstResponseMedianSeconds: 15 * 3600,
      accessFirstResponses: 2,
      // AR-2 after 1 day, AR-3 after 14 days: median 7.5 days.
      accessFirstResponseMedianSeconds: 7.5 * 86_400,
      problemsSolved: 1,
      requestsDecided: 1,
      datasetsLinked: 3,
      // #2 and #3 had a dataset linked a day after filing, #1 a month after (its match linked).
      problemsMatched: 3,
      firstMatches: 3,
      firstMatchMedianSeconds: 86_400,
    });
    const last = await both((s) => s.impactCounts(w("last")));
    expect(last.problemFirstResponses).toBe(1);
    expect(last.problemFirstResponseMedianSeconds).toBe(86_400);
    // Last week's only match was rejected: nothing matched.
    expect([last.problemsMatched, last.firstMatchMedianSeconds]).toEqual([0, null]);
    const quiet = await both((s) => s.impactCounts(w("quiet")));
    expect(quiet.problemFirstResponseMedianSeconds).toBeNull();
  });
});
