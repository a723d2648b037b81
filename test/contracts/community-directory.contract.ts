import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  defaultDigestSchedule,
  defaultIntakeLimits,
  defaultTriageSettings,
} from "../../src/core/ports/community-directory.js";
import type { ProblemInventoryWorld } from "../support/problem-inventory-world.js";

/** The behaviour every CommunityDirectory must have: the in-memory fake and the SQL directory. */
export function communityDirectoryContract(name: string, setup: () => Promise<ProblemInventoryWorld>): void {
  describe(`CommunityDirectory contract: ${name}`, () => {
    let world: ProblemInventoryWorld;
    beforeAll(async () => {
      world = await setup();
    });
    afterAll(async () => world.teardown());

    it("starts with no topics, the default intake limits and no on-call rotation", async () => {
      const community = await world.addCommunity("fresh");
      const config = await world.directory.config(community);
      expect(config).toEqual({
        communityId: community,
        name: expect.any(String),
        timezone: "UTC",
        locale: "en",
        topics: [],
        intake: defaultIntakeLimits,
        triage: defaultTriageSettings,
        oncall: null,
        channels: [],
        digest: defaultDigestSchedule,
      });
    });

    it("keeps problem and triage channels per workspace, linking a new workspace to the community", async () => {
      await world.people.communityForWorkspace("slack", "T-chan");
      await world.directory.setChannel(world.communityId, "slack", "T-chan", "problems", "C-problems");
      await world.directory.setChannel(world.communityId, "slack", "T-chan", "triage", "C-triage");
      await world.directory.setChannel(world.communityId, "discord", "G-new", "problems", "D-problems");
      await world.directory.setChannel(world.communityId, "slack", "T-chan", "problems", "C-problems-2");
      const { channels } = await world.directory.config(world.communityId);
      expect(channels).toEqual(
        expect.arrayContaining([
          {
            platform: "discord",
            workspaceId: "G-new",
            problemChannelId: "D-problems",
            triageChannelId: null,
            showcaseChannelId: null,
            digestChannelId: null,
          },
          {
            platform: "slack",
            workspaceId: "T-chan",
            problemChannelId: "C-problems-2",
            triageChannelId: "C-triage",
            showcaseChannelId: null,
            digestChannelId: null,
          },
        ]),
      );
      expect((await world.people.communityForWorkspace("discord", "G-new")).id).toBe(world.communityId);
    });

    it("keeps showcase and digest channels beside the problem channel", async () => {
      await world.people.communityForWorkspace("slack", "T-posts");
      await world.directory.setChannel(world.communityId, "slack", "T-posts", "showcases", "C-show");
      await world.directory.setChannel(world.communityId, "slack", "T-posts", "digest", "C-digest");
      const { channels } = await world.directory.config(world.communityId);
      expect(channels.find((channel) => channel.workspaceId === "T-posts")).toEqual({
        platform: "slack",
        workspaceId: "T-posts",
        problemChannelId: null,
        triageChannelId: null,
        showcaseChannelId: "C-show",
        digestChannelId: "C-digest",
      });
    });

    it("stores the timezone, locale and digest schedule, refusing a zone or language it cannot use", async () => {
      const community = await world.addCommunity("schedule");
      await world.directory.setTimezone(community, "America/Chicago");
      await world.directory.setLocale(community, "es");
      await world.directory.setDigestSchedule(community, { weekday: 5, hour: 16, sendWhenQuiet: true });
      await expect(world.directory.setTimezone(community, "Mars/Olympus")).rejects.toThrow();
      await expect(world.directory.setLocale(community, "xx")).rejects.toThrow();
      await world.directory.setIntakeLimits(community, { cooldownMinutes: 1, dailyCap: 2 });
      const config = await world.directory.config(community);
      expect(config.timezone).toBe("America/Chicago");
      expect(config.locale).toBe("es");
      expect(config.digest).toEqual({ weekday: 5, hour: 16, sendWhenQuiet: true });
    });

    it("refuses to set a channel on a workspace that belongs to another community", async () => {
      const other = await world.addCommunity("other-channels");
      await world.directory.setChannel(other, "slack", "T-other", "problems", "C1");
      await expect(
        world.directory.setChannel(world.communityId, "slack", "T-other", "problems", "C2"),
      ).rejects.toThrow();
      expect((await world.directory.config(other)).channels[0]?.problemChannelId).toBe("C1");
    });

    it("stores topics, intake limits and the on-call rotation, and clears the rotation", async () => {
      const community = await world.addCommunity("settings");
      const person = await world.person("U-oncall", { communityId: community });
      await world.directory.setTopics(community, ["Transport", "Housing"]);
      await world.directory.setIntakeLimits(community, { cooldownMinutes: 10, dailyCap: 3 });
      await world.directory.setOncall(community, { personIds: [person], startsOn: "2026-11-23" });
      const config = await world.directory.config(community);
      expect(config.topics).toEqual(["Transport", "Housing"]);
      expect(config.intake).toEqual({ cooldownMinutes: 10, dailyCap: 3 });
      expect(config.oncall).toEqual({ personIds: [person], startsOn: "2026-11-23" });
      // Changing one setting keeps the others.
      await world.directory.setIntakeLimits(community, { cooldownMinutes: 0, dailyCap: 1 });
      expect((await world.directory.config(community)).oncall).toEqual({
        personIds: [person],
        startsOn: "2026-11-23",
      });
      await world.directory.setOncall(community, null);
      const cleared = await world.directory.config(community);
      expect(cleared.oncall).toBeNull();
      expect(cleared.intake).toEqual({ cooldownMinutes: 0, dailyCap: 1 });
    });

    it("finds members by role (admins only when asked) and by topic", async () => {
      const community = await world.addCommunity("roles");
      const transport = await world.person("U-transport", { communityId: community, displayName: "Tina" });
      const housing = await world.person("U-housing", { communityId: community, displayName: "Hugo" });
      const admin = await world.person("U-admin", { communityId: community, displayName: "Ada" });
      await world.person("U-member", { communityId: community, displayName: "Mo" });
      await world.setMembership(transport, ["member", "champion"], ["Transport"], community);
      await world.setMembership(housing, ["member", "champion", "steward"], ["Housing"], community);
      await world.setMembership(admin, ["member", "admin"], [], community);
      const champions = await world.directory.membersWithRole(community, ["champion"]);
      expect(champions.map((m) => m.displayName)).toEqual(["Hugo", "Tina"]);
      expect(champions[0]).toEqual({
        personId: housing,
        displayName: "Hugo",
        roles: ["member", "champion", "steward"],
        topics: ["Housing"],
      });
      const withAdmins = await world.directory.membersWithRole(community, ["champion", "admin"]);
      expect(withAdmins.map((m) => m.displayName)).toEqual(["Ada", "Hugo", "Tina"]);
      const forTransport = await world.directory.membersWithRole(community, ["champion"], "Transport");
      expect(forTransport.map((m) => m.personId)).toEqual([transport]);
      expect(await world.directory.membersWithRole(community, ["champion"], "Parks")).toEqual([]);
    });

    it("gives contacts in the order asked, each person's most recently used account first", async () => {
      world.clock.set("2026-11-21T10:00:00Z");
      const ana = await world.person("U-contact", {
        platform: "slack",
        workspaceId: "T1",
        displayName: "Ana",
      });
      const bo = await world.person("D-bo", { platform: "discord", workspaceId: "G1", displayName: "Bo" });
      world.clock.set("2026-11-21T11:00:00Z");
      await world.person("U-contact", { platform: "slack", workspaceId: "T1" });
      const contacts = await world.directory.contacts([
        bo,
        "00000000-0000-4000-8000-000000000000",
        ana,
        "nope",
      ]);
      expect(contacts.map((c) => c.personId)).toEqual([bo, ana]);
      expect(contacts[0]).toEqual({
        personId: bo,
        displayName: "Bo",
        locale: null,
        accounts: [{ platform: "discord", workspaceId: "global", userId: "D-bo", locale: null }],
      });
    });
  });
}
