import { beforeEach, describe, expect, it } from "vitest";
import {
  ada,
  type CommunityWorld,
  cardOf,
  communityWorld,
  cy,
  mia,
  text,
} from "../../../test/fakes/core/community-world.js";
import type { PlatformIdentity } from "../shared/platform.js";

describe("community: the setup card and its forms", () => {
  let deps: CommunityWorld["deps"];
  let core: CommunityWorld["core"];
  let ids: CommunityWorld["ids"];

  beforeEach(async () => {
    ({ deps, core, ids } = await communityWorld());
  });

  describe("setup", () => {
    it("shows the summary to admins and refuses everyone else", async () => {
      const summary = text(await core.handle(ada, { kind: "commandText", text: "setup" }));
      expect(summary).toContain("Community setup");
      expect(summary).toContain("Monday at 09:00");
      for (const who of [cy, mia]) {
        expect(text(await core.handle(who, { kind: "commandText", text: "setup" }))).toMatch(/only people/i);
        expect(
          text(await core.handle(who, { kind: "action", actionId: "setup.region", value: "open" })),
        ).toMatch(/only people/i);
      }
    });

    it("saves each section after validating it, audits it, and answers with the updated summary", async () => {
      const community = deps.people.defaultCommunity.id;
      const submit = (who: PlatformIdentity, section: string, values: Record<string, string>) =>
        core.handle(who, { kind: "form", formId: `setup.${section}`, context: "", values });

      const badRegion = await submit(ada, "region", { timezone: "Mars/Olympus", locale: "fr" });
      expect(badRegion.kind === "errors" && badRegion.errors).toEqual({
        timezone: expect.stringContaining("Mars/Olympus"),
        locale: "Languages: en or es.",
      });
      const region = await submit(ada, "region", { timezone: "europe/madrid", locale: "es" });
      expect(region.kind).toBe("update");
      expect(text(region)).toContain("Europe/Madrid");
      expect((await deps.directory.config(community)).locale).toBe("es");

      expect((await submit(ada, "digest", { weekday: "9", hour: "25" })).kind).toBe("errors");
      await submit(ada, "digest", { weekday: "5", hour: "17", quiet: "true" });
      expect((await deps.directory.config(community)).digest).toEqual({
        weekday: 5,
        hour: 17,
        sendWhenQuiet: true,
      });

      const badChannel = await submit(ada, "channels", { problems: "#general", triage: "" });
      expect(badChannel.kind === "errors" && Object.keys(badChannel.errors)).toEqual(["problems"]);
      await submit(ada, "channels", {
        problems: "<#C0PROB|problems>",
        showcases: "C0SHOW",
        triage: "",
        digest: "",
      });
      const slack = (await deps.directory.config(community)).channels.find((c) => c.platform === "slack");
      expect(slack).toMatchObject({
        problemChannelId: "C0PROB",
        showcaseChannelId: "C0SHOW",
        triageChannelId: null,
      });

      await submit(ada, "topics", { topics: "Transport\nHousing\nParks" });
      await submit(ada, "oncall", { people: "<@UCY> <@UADA>", starts_on: "2026-11-23" });
      expect((await deps.directory.config(community)).oncall).toEqual({
        personIds: [ids.cy, ids.ada],
        startsOn: "2026-11-23",
      });
      expect((await submit(ada, "oncall", { people: "<@UNOBODY>", starts_on: "" })).kind).toBe("errors");
      expect((await submit(ada, "oncall", { people: "<@UCY>", starts_on: "2026-11-24" })).kind).toBe(
        "errors",
      );

      // The same values again change nothing and add no entry.
      await submit(ada, "topics", { topics: "Transport\nHousing\nParks" });
      const entries = deps.auditLog.entries;
      expect(entries.map((e) => e.details.setting)).toEqual([
        "region",
        "digest",
        "channels",
        "topics",
        "oncall",
      ]);
      expect(
        entries.every(
          (e) => e.action === "setup_changed" && e.subjectType === "community" && e.actorName === "Ada",
        ),
      ).toBe(true);
    });

    it("at the console (no channels there) the card leaves channels out and the rest still works", async () => {
      const operator: PlatformIdentity = {
        platform: "console",
        workspaceId: "local",
        userId: "op",
        displayName: "Op",
      };
      const card = cardOf(await core.handle(operator, { kind: "commandText", text: "setup" }));
      const buttons = card.blocks.flatMap((b) => (b.type === "actions" ? b.actions : []));
      expect(buttons.map((b) => (b.kind === "button" ? b.actionId : ""))).toEqual([
        "setup.region",
        "setup.digest",
        "setup.topics",
        "setup.oncall",
      ]);
      expect(
        text(await core.handle(operator, { kind: "action", actionId: "setup.channels", value: "open" })),
      ).toContain("Channels are set on Slack or Discord");
      const saved = await core.handle(operator, {
        kind: "form",
        formId: "setup.digest",
        context: "",
        values: { weekday: "sunday", hour: "18" },
      });
      expect(text(saved)).toContain("Sunday at 18:00, skipped when nothing happened");
    });

    it("the channel command typed in a channel is audited like the setup form", async () => {
      const here = { ...ada, channelId: "C0TRIAGE" };
      await core.handle(here, { kind: "commandText", text: "channel triage" });
      expect(deps.auditLog.entries.map((e) => [e.action, e.details])).toEqual([
        ["setup_changed", { setting: "channels", platform: "slack", workspace: "T1", triage: "C0TRIAGE" }],
      ]);
    });

    it("a forged setup submission by a non-admin writes nothing", async () => {
      await core.handle(mia, { kind: "commandText", text: "help" }); // links the workspace, as any first contact does
      const before = await deps.directory.config(deps.people.defaultCommunity.id);
      for (const who of [cy, mia]) {
        const reply = await core.handle(who, {
          kind: "form",
          formId: "setup.region",
          context: "",
          values: { timezone: "Asia/Tokyo", locale: "es" },
        });
        expect(text(reply)).toMatch(/only people/i);
      }
      expect(await deps.directory.config(deps.people.defaultCommunity.id)).toEqual(before);
      expect(deps.auditLog.entries).toEqual([]);
    });
  });
});
