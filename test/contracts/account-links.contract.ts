import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProblemInventoryWorld } from "../support/problem-inventory-world.js";

const now = new Date("2026-11-21T10:00:00Z");
const later = new Date("2026-11-21T10:10:00Z");

/** The behaviour every AccountLinks must have: the in-memory fake and the SQL implementation. */
export function accountLinksContract(name: string, setup: () => Promise<ProblemInventoryWorld>): void {
  describe(`AccountLinks contract: ${name}`, () => {
    let world: ProblemInventoryWorld;
    beforeAll(async () => {
      world = await setup();
    });
    afterAll(async () => world.teardown());

    it("refuses unknown, expired, used and own codes", async () => {
      const slack = await world.person("U-codes");
      const discord = await world.person("D-codes", { platform: "discord", workspaceId: "G1" });
      expect(await world.accountLinks.redeem("NOPE-0000", discord, now)).toEqual({ status: "unknown" });
      await world.accountLinks.issue(slack, "OLD-CODE", later);
      expect(await world.accountLinks.redeem("OLD-CODE", discord, later)).toEqual({ status: "expired" });
      await world.accountLinks.issue(slack, "OWN-CODE", later);
      expect(await world.accountLinks.redeem("OWN-CODE", slack, now)).toEqual({ status: "same_person" });
      // A new code replaces the earlier unused one.
      await world.accountLinks.issue(slack, "NEW-CODE", later);
      expect(await world.accountLinks.redeem("OWN-CODE", discord, now)).toEqual({ status: "unknown" });
      expect(await world.accountLinks.redeem("NEW-CODE", discord, now)).toEqual({
        status: "linked",
        intoPersonId: slack,
      });
      expect(await world.accountLinks.redeem("NEW-CODE", discord, now)).toEqual({ status: "unknown" });
    });

    it("merges the linking person into the code's person: accounts, votes once, follows, problems, drafts, roles", async () => {
      world.clock.set("2026-11-21T09:00:00Z");
      const kept = await world.person("U-kept", { displayName: "Kim" });
      const linking = await world.person("D-kim", {
        platform: "discord",
        workspaceId: "G1",
        displayName: "kim#1",
      });
      await world.setMembership(kept, ["member", "champion"], ["Transport"]);
      await world.setMembership(linking, ["member", "steward"], ["Housing", "Transport"]);
      const base = {
        communityId: world.communityId,
        platform: "discord" as const,
        description: "d",
        affected: "a",
        place: null,
        topic: null,
        anonymous: false,
      };
      const shared = await world.problems.create({ ...base, submitterId: kept, title: "Both voted" }, now);
      const mine = await world.problems.create(
        { ...base, submitterId: linking, title: "Filed on Discord" },
        now,
      );
      await world.problems.vote(shared.id, kept, now);
      await world.problems.vote(shared.id, linking, now);
      await world.problems.vote(mine.id, linking, now);
      await world.problems.follow(shared.id, linking, now);
      const draft = await world.drafts.save(
        { personId: linking, formId: "problem.submit", context: "", values: { title: "half typed" } },
        now,
      );
      const before = await world.problems.byId(shared.id);
      expect(before?.voteCount).toBe(2);

      await world.accountLinks.issue(kept, "LINK-1234", later);
      world.clock.set("2026-11-21T09:30:00Z");
      expect(await world.accountLinks.redeem("LINK-1234", linking, now)).toEqual({
        status: "linked",
        intoPersonId: kept,
      });

      const after = await world.problems.byId(shared.id);
      expect(after?.voteCount).toBe(1);
      expect(after?.cardVersion).toBeGreaterThan(before?.cardVersion ?? 0);
      expect(await world.problems.followerIds(shared.id)).toEqual([kept]);
      const moved = await world.problems.byId(mine.id);
      expect(moved?.submitterId).toBe(kept);
      expect(moved?.voteCount).toBe(1);
      expect(await world.problems.vote(mine.id, kept, now)).toMatchObject({ counted: false });
      expect(await world.problems.submissionsSince(world.communityId, kept, now)).toEqual({
        count: 2,
        latestAt: now,
      });
      expect(await world.drafts.get(draft.id, kept)).toMatchObject({ values: { title: "half typed" } });

      const [member] = await world.directory.membersWithRole(world.communityId, ["steward"], "Housing");
      expect(member?.personId).toBe(kept);
      expect(member?.roles).toEqual(["member", "champion", "steward"]);
      expect(member?.topics).toEqual(["Transport", "Housing"]);

      // The Discord account now belongs to the kept person, who has both accounts.
      const discordAgain = await world.person("D-kim", { platform: "discord", workspaceId: "G1" });
      expect(discordAgain).toBe(kept);
      const [contact] = await world.directory.contacts([kept]);
      expect(contact?.accounts.map((a) => a.platform)).toEqual(["discord", "slack"]);
      expect(await world.directory.contacts([linking])).toEqual([]);
    });
  });
}

/** The behaviour every FormDraftStore must have. */
export function formDraftStoreContract(name: string, setup: () => Promise<ProblemInventoryWorld>): void {
  describe(`FormDraftStore contract: ${name}`, () => {
    let world: ProblemInventoryWorld;
    beforeAll(async () => {
      world = await setup();
    });
    afterAll(async () => world.teardown());

    it("gives a draft to its owner only, and takes it once", async () => {
      const owner = await world.person("U-draft");
      const other = await world.person("U-other");
      const saved = await world.drafts.save(
        {
          personId: owner,
          formId: "problem.submit",
          context: "t=transport",
          values: { title: "Bike lanes", anonymous: "true" },
        },
        now,
      );
      expect(saved).toMatchObject({
        personId: owner,
        formId: "problem.submit",
        context: "t=transport",
        createdAt: now,
      });
      expect(await world.drafts.get(saved.id, other)).toBeNull();
      expect(await world.drafts.take(saved.id, other)).toBeNull();
      expect(await world.drafts.get(saved.id, owner)).toEqual(saved);
      expect(await world.drafts.take(saved.id, owner)).toEqual(saved);
      expect(await world.drafts.take(saved.id, owner)).toBeNull();
      expect(await world.drafts.get("not-a-draft", owner)).toBeNull();
    });
  });
}
