import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantRole, revokeRole } from "../../src/core/community/role-change.js";
import type { CommunitySummary } from "../../src/core/ports/people-repository.js";
import { SqlAuditLog } from "../../src/store/access/sql-audit-log.js";
import {
  SqlCommunityUnitOfWork,
  SqlMembershipStore,
} from "../../src/store/community/sql-membership-store.js";
import { PrismaPeopleRepository } from "../../src/store/prisma-people-repository.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

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

  it("finds people by account in their scope (Slack team, Discord globally)", async () => {
    expect(await store.personByAccount("slack", "T1", "UANA")).toEqual({
      personId: ids.ana,
      displayName: "Ana",
    });
    expect(await store.personByAccount("slack", "T2", "UANA")).toBeNull();
    expect(await store.personByAccount("discord", "global", "4242")).toEqual({
      personId: ids.bo,
      displayName: "Bo",
    });
  });

  it("grants with level and topics and audits it in the same transaction; a repeat writes nothing", async () => {
    const result = await unit.run((tx) =>
      grantRole(tx, change("ana", "champion", { level: "external", topics: ["Transport"] })),
    );
    expect(result).toMatchObject({
      outcome: "changed",
      profile: { roles: ["member", "champion"], championLevel: "external", topics: ["Transport"] },
    });
    expect((await unit.run((tx) => grantRole(tx, change("ana", "champion")))).outcome).toBe("unchanged");
    const entries = await new SqlAuditLog(db.sql).list(community.id, { subjectId: ids.ana ?? "" });
    expect(entries.map((entry) => [entry.action, entry.subjectType, entry.details])).toEqual([
      ["role_granted", "membership", { role: "champion", level: "external", topics: "Transport" }],
    ]);
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

  it("lists champions by topic case-insensitively, with bio and contact note", async () => {
    await store.updateProfile(community.id, ids.ana ?? "", {
      topics: ["Transport", "Housing"],
      bio: "Buses",
      contactNote: "DM me",
    });
    expect(await store.champions(community.id, "housing")).toEqual([
      {
        personId: ids.ana,
        displayName: "Ana",
        roles: ["member", "champion"],
        championLevel: "external",
        topics: ["Transport", "Housing"],
        bio: "Buses",
        contactNote: "DM me",
      },
    ]);
    expect(await store.champions(community.id, "Parks")).toEqual([]);
    expect(
      await store.updateProfile(community.id, "00000000-0000-4000-8000-000000000000", {
        topics: [],
        bio: null,
        contactNote: null,
      }),
    ).toBeNull();
  });

  it("keeps the last admin, counts roles, and revokes with an audit entry", async () => {
    await unit.run((tx) => grantRole(tx, change("bo", "admin")));
    expect(await store.countWithRole(community.id, "admin")).toBe(1);
    expect((await unit.run((tx) => revokeRole(tx, change("bo", "admin")))).outcome).toBe("last_admin");
    await unit.run((tx) => grantRole(tx, change("ana", "admin")));
    expect((await unit.run((tx) => revokeRole(tx, change("bo", "admin")))).outcome).toBe("changed");
    expect((await store.profile(community.id, ids.bo ?? ""))?.roles).toEqual(["member"]);
    const actions = (await new SqlAuditLog(db.sql).list(community.id)).map((entry) => entry.action);
    expect(actions).toEqual(["role_granted", "role_granted", "role_granted", "role_revoked"]);
  });

  it("still refuses to change or delete audit entries", async () => {
    await expect(db.sql.query(`UPDATE "AuditEntry" SET "reason" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.sql.query(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/append-only/);
  });
});
