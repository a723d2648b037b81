import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantRole, type RoleChange, revokeRole } from "../../src/core/community/role-change.js";
import type { AuditLog } from "../../src/core/ports/audit-log.js";
import type { CommunityUnitOfWork, MembershipStore } from "../../src/core/ports/membership-store.js";
import type { PeopleRepository } from "../../src/core/ports/people-repository.js";

export interface MembershipWorld {
  people: PeopleRepository;
  memberships: MembershipStore;
  unit: CommunityUnitOfWork;
  audit: AuditLog;
  teardown(): Promise<void>;
}

/** The behaviour every MembershipStore (and its unit of work) must have: the fake and the SQL store. */
export function membershipStoreContract(name: string, setup: () => Promise<MembershipWorld>): void {
  describe(`MembershipStore contract: ${name}`, () => {
    let world: MembershipWorld;
    let communityId: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      world = await setup();
      const community = await world.people.communityForWorkspace("slack", "T1");
      communityId = community.id;
      for (const [key, identity] of [
        ["ana", { platform: "slack", workspaceId: "T1", userId: "UANA", displayName: "Ana" }],
        ["ana2", { platform: "slack", workspaceId: "T1", userId: "UANA2", displayName: "ana" }],
        ["bo", { platform: "discord", workspaceId: "G1", userId: "4242", displayName: "Bo" }],
      ] as const) {
        ids[key] = (await world.people.findOrCreateActor(identity, community, ["member"])).personId;
      }
    });
    afterAll(async () => world.teardown());

    const change = (key: string, role: RoleChange["role"], extra: Partial<RoleChange> = {}): RoleChange => ({
      communityId,
      actor: { personId: null, name: "operator", platform: null },
      target: { personId: ids[key] ?? "", displayName: key },
      role,
      reason: null,
      at: new Date("2026-11-26T15:00:00Z"),
      ...extra,
    });

    it("finds people by account in its scope (the Slack team; Discord globally)", async () => {
      expect(await world.memberships.personByAccount("slack", "T1", "UANA")).toEqual({
        personId: ids.ana,
        displayName: "Ana",
      });
      expect(await world.memberships.personByAccount("slack", "T2", "UANA")).toBeNull();
      expect(await world.memberships.personByAccount("discord", "global", "4242")).toEqual({
        personId: ids.bo,
        displayName: "Bo",
      });
    });

    it("finds every person with a name, case-insensitively, only in that scope", async () => {
      const named = await world.memberships.peopleNamed("slack", "T1", "ANA");
      expect(named.map((p) => p.personId).sort()).toEqual([ids.ana, ids.ana2].sort());
      expect(await world.memberships.peopleNamed("discord", "global", "ana")).toEqual([]);
      expect(await world.memberships.peopleNamed("discord", "global", "bo")).toEqual([
        { personId: ids.bo, displayName: "Bo" },
      ]);
    });

    it("grants with level and topics, audited in the unit; a repeat writes nothing", async () => {
      const result = await world.unit.run((tx) =>
        grantRole(tx, change("ana", "champion", { level: "external", topics: ["Transport"] })),
      );
      expect(result).toMatchObject({
        outcome: "changed",
        profile: { roles: ["member", "champion"], championLevel: "external", topics: ["Transport"] },
      });
      expect((await world.unit.run((tx) => grantRole(tx, change("ana", "champion")))).outcome).toBe(
        "unchanged",
      );
      const entries = await world.audit.list(communityId, { subjectId: ids.ana ?? "" });
      expect(entries.map((e) => [e.action, e.subjectType, e.details])).toEqual([
        ["role_granted", "membership", { role: "champion", level: "external", topics: "Transport" }],
      ]);
    });

    it("lists champions by topic case-insensitively, with bio and contact note", async () => {
      await world.memberships.updateProfile(communityId, ids.ana ?? "", {
        topics: ["Transport", "Housing"],
        bio: "Buses",
        contactNote: "DM me",
      });
      expect(await world.memberships.champions(communityId, "housing")).toEqual([
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
      expect(await world.memberships.champions(communityId, "Parks")).toEqual([]);
      expect((await world.memberships.champions(communityId)).map((c) => c.personId)).toEqual([ids.ana]);
    });

    it("clears a bio and refuses to edit a stranger's profile", async () => {
      const cleared = await world.memberships.updateProfile(communityId, ids.ana ?? "", {
        topics: ["Transport"],
        bio: null,
        contactNote: null,
      });
      expect(cleared).toMatchObject({ topics: ["Transport"], bio: null, contactNote: null });
      const stranger = "00000000-0000-4000-8000-000000000000";
      expect(
        await world.memberships.updateProfile(communityId, stranger, {
          topics: [],
          bio: null,
          contactNote: null,
        }),
      ).toBeNull();
      expect(await world.memberships.revokeRole(communityId, stranger, "champion")).toBeNull();
      expect(await world.memberships.profile(communityId, stranger)).toBeNull();
    });

    it("keeps the last admin, counts roles exactly, and revokes with an audit entry", async () => {
      await world.unit.run((tx) => grantRole(tx, change("bo", "admin")));
      expect(await world.memberships.countWithRole(communityId, "admin")).toBe(1);
      expect(await world.memberships.countWithRole(communityId, "champion")).toBe(1);
      expect((await world.unit.run((tx) => revokeRole(tx, change("bo", "admin")))).outcome).toBe(
        "last_admin",
      );
      await world.unit.run((tx) => grantRole(tx, change("ana", "admin")));
      expect((await world.unit.run((tx) => revokeRole(tx, change("bo", "admin")))).outcome).toBe("changed");
      expect((await world.memberships.profile(communityId, ids.bo ?? ""))?.roles).toEqual(["member"]);
      expect((await world.unit.run((tx) => revokeRole(tx, change("bo", "admin")))).outcome).toBe("unchanged");
      const actions = (await world.audit.list(communityId)).map((e) => e.action);
      expect(actions).toEqual(["role_granted", "role_granted", "role_granted", "role_revoked"]);
    });
  });
}
