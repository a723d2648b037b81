import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqlDigestRunStore } from "../../src/store/digest/sql-digest-runs.js";
import { SqlDigestSubscriptionStore } from "../../src/store/digest/sql-digest-subscriptions.js";
import { PrismaPeopleRepository } from "../../src/store/prisma-people-repository.js";
import { SqlUnitOfWork } from "../../src/store/sql-unit-of-work.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

describe(`digest runs and personal digest settings in SQL (${testDriver})`, () => {
  let db: TestDatabase;
  let communityId: string;
  let personId: string;
  const clock = new FakeClock("2026-11-23T15:00:00Z");

  beforeAll(async () => {
    db = await openTestDatabase();
    const people = new PrismaPeopleRepository(db.prisma, clock);
    const community = await people.communityForWorkspace("slack", "T1");
    communityId = community.id;
    personId = (
      await people.findOrCreateActor({ platform: "slack", workspaceId: "T1", userId: "U1" }, community, [])
    ).personId;
  });

  afterAll(async () => {
    await db?.drop();
  });

  it("claims a community's target and week once; others are untouched", async () => {
    const runs = new SqlDigestRunStore(db.sql);
    const claim = (target: string, isoWeek: string) =>
      runs.claim({
        communityId,
        target,
        isoWeek,
        outcome: "sent",
        dedupeKey: `k:${target}:${isoWeek}`,
        at: clock.now(),
      });
    expect(await claim("channel:slack:T1", "2026-W47")).toBe(true);
    expect(await claim("channel:slack:T1", "2026-W47")).toBe(false);
    expect(await claim("channel:slack:T1", "2026-W48")).toBe(true);
    expect(await claim("champions:slack:T1", "2026-W47")).toBe(true);
    expect((await runs.doneTargets(communityId, "2026-W47")).sort()).toEqual([
      "champions:slack:T1",
      "channel:slack:T1",
    ]);
    expect(await runs.doneTargets(communityId, "2026-W49")).toEqual([]);
    expect(await runs.doneTargets("not-a-uuid", "2026-W47")).toEqual([]);
    expect(await runs.communityIds()).toContain(communityId);
  });

  it("rolls a claim back with the unit of work that made it", async () => {
    const unit = new SqlUnitOfWork(db.sql, clock);
    await expect(
      unit.run(async (tx) => {
        await tx.digestRuns.claim({
          communityId,
          target: "person:x",
          isoWeek: "2026-W47",
          outcome: "sent",
          dedupeKey: null,
          at: clock.now(),
        });
        throw new Error("crash before commit");
      }),
    ).rejects.toThrow("crash before commit");
    expect(await new SqlDigestRunStore(db.sql).doneTargets(communityId, "2026-W47")).not.toContain(
      "person:x",
    );
  });

  it("saves settings once per person and community, replacing them, in the digest's section order", async () => {
    const store = new SqlDigestSubscriptionStore(db.sql);
    expect(await store.get(personId, communityId)).toBeNull();
    await store.save(
      { personId, communityId, enabled: true, sections: ["impact", "newProblems"] },
      clock.now(),
    );
    expect(await store.get(personId, communityId)).toMatchObject({
      enabled: true,
      sections: ["newProblems", "impact"],
    });
    expect((await store.enabledIn(communityId)).map((s) => s.personId)).toEqual([personId]);
    clock.advanceMinutes(1);
    const saved = await store.save(
      { personId, communityId, enabled: false, sections: ["mostVoted"] },
      clock.now(),
    );
    expect(saved).toMatchObject({ enabled: false, sections: ["mostVoted"], updatedAt: clock.now() });
    expect(await store.enabledIn(communityId)).toEqual([]);
    const [row] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "DigestSubscription"`);
    expect(row?.n).toBe(1);
  });
});
