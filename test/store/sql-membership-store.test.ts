import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantRole } from "../../src/core/community/role-change.js";
import type { CommunitySummary } from "../../src/core/ports/people-repository.js";
import { SqlAuditLog } from "../../src/store/access/sql-audit-log.js";
import {
  SqlCommunityUnitOfWork,
  SqlMembershipStore,
} from "../../src/store/community/sql-membership-store.js";
import { PrismaPeopleRepository } from "../../src/store/prisma-people-repository.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

/** What only the database can show; the shared behaviour is in test/contracts/membership-store.contract.ts. */
describe(`SqlMembershipStore and SqlCommunityUnitOfWork (${testDriver})`, () => {
  let db: TestDatabase;
  let community: CommunitySummary;
  let store: SqlMembershipStore;
  let unit: SqlCommunityUnitOfWork;
  const clock = new FakeClock("2026-11-26T15:00:00Z");
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await openTestDatabase();
    const people = new PrismaPeopleRepository(db.prisma, clock);
    community = await people.communityForWorkspace("slack", "T1");
    for (const [name, identity] of [
      ["ana", { platform: "slack", workspaceId: "T1", userId: "UANA", displayName: "Ana" }],
      ["bo", { platform: "discord", workspaceId: "G1", userId: "4242", displayName: "Bo" }],
    ] as const) {
      ids[name] = (await people.findOrCreateActor(identity, community, ["member"])).personId;
    }
    store = new SqlMembershipStore(db.sql);
    unit = new SqlCommunityUnitOfWork(db.sql);
  });
  afterAll(async () => db.drop());

  const change = (name: string, role: "champion" | "steward" | "admin", extra = {}) => ({
    communityId: community.id,
    actor: { personId: null, name: "operator", platform: null },
    target: { personId: ids[name] ?? "", displayName: name },
    role,
    reason: null,
    at: clock.now(),
    ...extra,
  });

  it("rolls the role change back when the unit fails", async () => {
    await expect(
      unit.run(async (tx) => {
        await grantRole(tx, change("bo", "steward"));
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect((await store.profile(community.id, ids.bo ?? ""))?.roles).toEqual(["member"]);
    expect(await new SqlAuditLog(db.sql).list(community.id, { subjectId: ids.bo ?? "" })).toEqual([]);
  });

  it("still refuses to change or delete audit entries", async () => {
    await unit.run((tx) => grantRole(tx, change("ana", "champion", { level: "internal" })));
    expect((await new SqlAuditLog(db.sql).list(community.id)).map((entry) => entry.action)).toEqual([
      "role_granted",
    ]);
    await expect(db.sql.query(`UPDATE "AuditEntry" SET "reason" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.sql.query(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/append-only/);
  });
});
