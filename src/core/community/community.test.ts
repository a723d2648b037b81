import { beforeEach, describe, expect, it } from "vitest";
import {
  ada,
  type CommunityWorld,
  cardOf,
  communityWorld,
  cy,
  dee,
  mia,
  text,
} from "../../../test/fakes/core/community-world.js";
import { cardPlainText, mentionedUserIds } from "../shared/card.js";
import type { PlatformIdentity } from "../shared/platform.js";

describe("community: champions, profiles, roles in chat", () => {
  let deps: CommunityWorld["deps"];
  let core: CommunityWorld["core"];
  let ids: CommunityWorld["ids"];

  beforeEach(async () => {
    ({ deps, core, ids } = await communityWorld());
  });

  describe("roles in chat", () => {
    it("an admin grants a role by Slack mention, with level and reason, audited", async () => {
      const reply = await core.handle(ada, {
        kind: "commandText",
        text: "role grant <@UMIA|mia> champion executive she knows buses",
      });
      expect(text(reply)).toContain("Mia is now champion (executive)");
      const profile = await deps.memberships.profile(deps.people.defaultCommunity.id, ids.mia ?? "");
      expect(profile?.roles).toContain("champion");
      expect(profile?.championLevel).toBe("executive");
      const [entry] = deps.auditLog.entries;
      expect(entry).toMatchObject({
        action: "role_granted",
        actorName: "Ada",
        platform: "slack",
        subjectType: "membership",
        subjectId: ids.mia,
        reason: "she knows buses",
        details: { role: "champion", level: "executive" },
      });
    });

    it("Discord options work too, and a repeat changes nothing", async () => {
      await deps.people.grant(ids.ada ?? "", deps.people.defaultCommunity.id, "admin");
      const adaOnDiscord: PlatformIdentity = { ...dee, userId: "402000000000000009", displayName: "Ada D" };
      await deps.people.addPerson(adaOnDiscord, ["member", "admin"]);
      const request = {
        kind: "command" as const,
        name: "role",
        args: { action: "grant", user: "<@402000000000000001>", role: "steward" },
      };
      expect(text(await core.handle(adaOnDiscord, request))).toContain("Dee is now steward");
      expect(text(await core.handle(adaOnDiscord, request))).toContain("already is steward");
      expect(deps.auditLog.entries).toHaveLength(1);
    });

    it("finds the person by name where Slack hands the core @name, and never guesses between two", async () => {
      expect(
        text(await core.handle(ada, { kind: "commandText", text: "role grant @mia steward" })),
      ).toContain("Mia is now steward");
      await deps.people.addPerson({
        platform: "slack",
        workspaceId: "T1",
        userId: "UMIA2",
        displayName: "Mia",
      });
      expect(text(await core.handle(ada, { kind: "commandText", text: "role grant @Mia admin" }))).toContain(
        "Several people here are called Mia",
      );
      expect(deps.auditLog.entries).toHaveLength(1);
    });

    it("a non-admin is refused and nothing is written", async () => {
      for (const who of [cy, mia]) {
        const reply = await core.handle(who, { kind: "commandText", text: "role grant <@UMIA> admin" });
        expect(text(reply)).toMatch(/only people with one of these roles/i);
      }
      expect((await deps.memberships.profile(deps.people.defaultCommunity.id, ids.mia ?? ""))?.roles).toEqual(
        ["member"],
      );
      expect(deps.auditLog.entries).toEqual([]);
      expect(deps.communityUnitOfWork.runs).toBe(0);
    });

    it("the last admin cannot give up admin; with a second admin they can", async () => {
      const refused = await core.handle(ada, { kind: "commandText", text: "role revoke <@UADA> admin" });
      expect(text(refused)).toContain("You are the last admin");
      expect(deps.auditLog.entries).toEqual([]);
      await core.handle(ada, { kind: "commandText", text: "role grant <@UCY> admin" });
      expect(
        text(
          await core.handle(ada, { kind: "commandText", text: "role revoke <@UADA> admin stepping down" }),
        ),
      ).toContain("Ada is no longer admin");
      expect(deps.auditLog.entries.map((e) => e.action)).toEqual(["role_granted", "role_revoked"]);
    });

    it("explains bad input kindly: usage, unknown person, level on a non-champion role", async () => {
      expect(
        text(await core.handle(ada, { kind: "commandText", text: "role promote <@UMIA> admin" })),
      ).toContain("Write: role grant");
      expect(
        text(await core.handle(ada, { kind: "commandText", text: "role grant @nobody admin" })),
      ).toContain("talk to datadesk once");
      expect(
        text(await core.handle(ada, { kind: "commandText", text: "role grant <@UNOBODY> admin" })),
      ).toContain("talk to datadesk once");
      expect(
        text(await core.handle(ada, { kind: "commandText", text: "role grant <@UMIA> admin executive" })),
      ).toContain("Levels are for champions only");
      expect(deps.auditLog.entries).toEqual([]);
    });
  });

  describe("champions directory", () => {
    it("lists champions by level with topics, bio and a mention on the asker's platform only", async () => {
      const community = deps.people.defaultCommunity.id;
      await deps.memberships.grantRole(community, ids.cy ?? "", "champion", {
        level: "internal",
        topics: ["Transport"],
      });
      await deps.memberships.updateProfile(community, ids.cy ?? "", {
        topics: ["Transport"],
        bio: "Buses @everyone <!channel>",
        contactNote: "DM me",
      });
      const reply = await core.handle(mia, { kind: "commandText", text: "champions" });
      expect(reply.kind === "card" && reply.visibility).toBe("ephemeral");
      const card = cardOf(reply);
      expect(cardPlainText(card)).toContain("Internal champions");
      expect(cardPlainText(card)).toContain("Champions\n"); // Dee has no level
      expect(cardPlainText(card)).toContain("Buses @everyone <!channel>");
      // Cy has a Slack account here; Dee only a Discord one: named, not mentioned.
      expect(mentionedUserIds(card)).toEqual(["UCY"]);
      const transport = cardOf(await core.handle(mia, { kind: "commandText", text: "champions transport" }));
      expect(cardPlainText(transport)).toContain("Champions for Transport");
      expect(cardPlainText(transport)).not.toContain("Dee");
      expect(text(await core.handle(mia, { kind: "commandText", text: "champions Parks" }))).toContain(
        "Nobody champions Parks",
      );
    });
  });

  describe("profile", () => {
    it("members get a kind refusal, champions a form whose topics must be the community's", async () => {
      expect(text(await core.handle(mia, { kind: "commandText", text: "profile" }))).toContain(
        "Profiles are for champions",
      );
      const form = await core.handle(cy, { kind: "commandText", text: "profile" });
      expect(form.kind === "form" && form.form.fields[0]).toMatchObject({
        kind: "multiselect",
        options: [
          { label: "Transport", value: "Transport" },
          { label: "Housing", value: "Housing" },
        ],
      });
      // More topics than checkboxes hold: a comma-separated text field naming them instead.
      const many = Array.from({ length: 11 }, (_, i) => `Topic ${i + 1}`);
      await deps.directory.setTopics(deps.people.defaultCommunity.id, ["Transport", "Housing", ...many]);
      const textForm = await core.handle(cy, { kind: "commandText", text: "profile" });
      expect(textForm.kind === "form" && textForm.form.fields[0]?.kind).toBe("text");
      const bad = await core.handle(cy, {
        kind: "form",
        formId: "community.profile",
        context: "",
        values: { topics: "transport, Parks", bio: "x".repeat(281), contact: "" },
      });
      expect(bad.kind).toBe("errors");
      if (bad.kind === "errors") {
        expect(bad.errors.topics).toContain("Parks");
        expect(bad.errors.bio).toContain("At most 280");
      }
      expect(deps.auditLog.entries).toEqual([]);
      const ok = await core.handle(cy, {
        kind: "form",
        formId: "community.profile",
        context: "",
        values: {
          topics: "transport, HOUSING",
          bio: "Transit planner",
          contact: "email me at cy@example.org",
        },
      });
      expect(text(ok)).toContain("Your profile is saved");
      const profile = await deps.memberships.profile(deps.people.defaultCommunity.id, ids.cy ?? "");
      expect(profile).toMatchObject({
        topics: ["Transport", "Housing"],
        bio: "Transit planner",
        contactNote: "email me at cy@example.org",
      });
      expect(deps.auditLog.entries.map((e) => e.action)).toEqual(["profile_updated"]);
    });

    it("a forged profile submission by a member writes nothing", async () => {
      await core.handle(mia, {
        kind: "form",
        formId: "community.profile",
        context: "",
        values: { topics: "Transport", bio: "hi" },
      });
      expect(
        (await deps.memberships.profile(deps.people.defaultCommunity.id, ids.mia ?? ""))?.bio,
      ).toBeNull();
      expect(deps.auditLog.entries).toEqual([]);
    });
  });
});
