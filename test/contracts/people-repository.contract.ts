import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PeopleRepository } from "../../src/core/ports/people-repository.js";

/**
 * The behaviour every PeopleRepository must have, run against the in-memory fake and Prisma so
 * the fake the core tests rely on cannot quietly diverge from the real store.
 */
export function peopleRepositoryContract(
  name: string,
  setup: () => Promise<{ repo: PeopleRepository; teardown: () => Promise<void> }>,
): void {
  describe(`PeopleRepository contract: ${name}`, () => {
    let repo: PeopleRepository;
    let teardown: () => Promise<void>;
    beforeAll(async () => {
      ({ repo, teardown } = await setup());
    });
    afterAll(async () => teardown());

    it("links an unknown workspace to the default community, and keeps the link", async () => {
      const first = await repo.communityForWorkspace("slack", "T-contract");
      const again = await repo.communityForWorkspace("slack", "T-contract");
      expect(first.slug).toBe("default");
      expect(again.id).toBe(first.id);
    });

    it("creates a person on first contact and finds the same person later", async () => {
      const community = await repo.communityForWorkspace("slack", "T1");
      const identity = { platform: "slack" as const, workspaceId: "T1", userId: "U1", displayName: "Ana" };
      const created = await repo.findOrCreateActor(identity, community, ["member"]);
      const found = await repo.findOrCreateActor(identity, community, ["member", "admin"]);
      expect(found.personId).toBe(created.personId);
      expect(created.roles).toEqual(["member"]);
      // Initial roles apply only on first contact: a later call cannot escalate.
      expect(found.roles).toEqual(["member"]);
      expect(found.displayName).toBe("Ana");
    });

    it("keeps the same user id on different platforms as different people", async () => {
      const community = await repo.communityForWorkspace("slack", "T1");
      const slack = await repo.findOrCreateActor(
        { platform: "slack", workspaceId: "T1", userId: "42" },
        community,
        ["member"],
      );
      const discord = await repo.findOrCreateActor(
        { platform: "discord", workspaceId: "T1", userId: "42" },
        community,
        ["member"],
      );
      expect(discord.personId).not.toBe(slack.personId);
    });

    it("knows a Discord user in a server and in DMs as one person, a Slack user per workspace", async () => {
      const community = await repo.communityForWorkspace("discord", "G9");
      const inGuild = await repo.findOrCreateActor(
        { platform: "discord", workspaceId: "G9", userId: "777" },
        community,
        ["member"],
      );
      const inDm = await repo.findOrCreateActor(
        { platform: "discord", workspaceId: "dm", userId: "777" },
        community,
        ["member"],
      );
      expect(inDm.personId).toBe(inGuild.personId);
      const slackA = await repo.findOrCreateActor(
        { platform: "slack", workspaceId: "TA", userId: "U777" },
        community,
        ["member"],
      );
      const slackB = await repo.findOrCreateActor(
        { platform: "slack", workspaceId: "TB", userId: "U777" },
        community,
        ["member"],
      );
      expect(slackB.personId).not.toBe(slackA.personId);
    });

    it("refreshes the display name and platform locale", async () => {
      const community = await repo.communityForWorkspace("discord", "G1");
      await repo.findOrCreateActor(
        { platform: "discord", workspaceId: "G1", userId: "D1", displayName: "old" },
        community,
        ["member"],
      );
      const later = await repo.findOrCreateActor(
        { platform: "discord", workspaceId: "G1", userId: "D1", displayName: "new", locale: "es-ES" },
        community,
        ["member"],
      );
      expect(later.displayName).toBe("new");
      expect(later.accountLocale).toBe("es-ES");
      expect(later.personLocale).toBeNull();
    });

    it("survives concurrent first contacts of the same account", async () => {
      const community = await repo.communityForWorkspace("slack", "T2");
      const identity = { platform: "slack" as const, workspaceId: "T2", userId: "Urace" };
      const results = await Promise.all(
        [1, 2, 3, 4].map(() => repo.findOrCreateActor(identity, community, ["member"])),
      );
      expect(new Set(results.map((r) => r.personId)).size).toBe(1);
    });
  });
}
