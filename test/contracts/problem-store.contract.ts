import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewProblem } from "../../src/core/ports/problem-store.js";
import type { ProblemInventoryWorld } from "../support/problem-inventory-world.js";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 10, minute));

/**
 * The behaviour every ProblemStore must have, run against the in-memory fake and the SQL store
 * so the fake the core's problem tests rely on cannot quietly diverge from the real one.
 */
export function problemStoreContract(name: string, setup: () => Promise<ProblemInventoryWorld>): void {
  describe(`ProblemStore contract: ${name}`, () => {
    let world: ProblemInventoryWorld;
    let ana: string;
    let ben: string;
    let cai: string;
    beforeAll(async () => {
      world = await setup();
      ana = await world.person("U-ana", { displayName: "Ana Anonymous" });
      ben = await world.person("U-ben", { displayName: "Ben" });
      cai = await world.person("U-cai", { displayName: "Cai" });
    });
    afterAll(async () => world.teardown());

    function draft(overrides: Partial<NewProblem> = {}): NewProblem {
      return {
        communityId: world.communityId,
        submitterId: ana,
        platform: "slack",
        title: "Potholes on Main Street",
        description: "Nobody knows where the potholes are reported",
        affected: "cyclists",
        place: "Main Street",
        topic: "Transport",
        anonymous: false,
        ...overrides,
      };
    }

    it("numbers problems per community, also when submissions race", async () => {
      const community = await world.addCommunity("numbering");
      const submitter = await world.person("U-num", { communityId: community });
      const one = await world.problems.create(
        draft({ communityId: community, submitterId: submitter }),
        at(0),
      );
      const rest = await Promise.all(
        [1, 2, 3, 4].map((i) =>
          world.problems.create(
            draft({ communityId: community, submitterId: submitter, title: `Race ${i}` }),
            at(i),
          ),
        ),
      );
      expect(one.number).toBe(1);
      expect(rest.map((p) => p.number).sort()).toEqual([2, 3, 4, 5]);
      const elsewhere = await world.addCommunity("numbering-2");
      const first = await world.problems.create(
        draft({ communityId: elsewhere, submitterId: submitter }),
        at(9),
      );
      expect(first.number).toBe(1);
    });

    it("stores a new problem as submitted: status new, the submitter following, one event", async () => {
      const problem = await world.problems.create(draft({ anonymous: true, place: null }), at(1));
      expect(problem).toMatchObject({
        title: "Potholes on Main Street",
        affected: "cyclists",
        place: null,
        topic: "Transport",
        anonymous: true,
        submitterId: ana,
        submitterName: "Ana Anonymous",
        platform: "slack",
        status: "new",
        decline: null,
        duplicateOf: null,
        assignee: null,
        hidden: false,
        voteCount: 0,
        followerCount: 1,
        linkedDatasets: [],
        createdAt: at(1),
      });
      expect(await world.problems.followerIds(problem.id)).toEqual([ana]);
      const events = await world.problems.events(problem.id);
      expect(events.map((e) => [e.kind, e.actorId, e.toStatus])).toEqual([["submitted", ana, "new"]]);
      expect((await world.problems.byNumber(world.communityId, problem.number))?.id).toBe(problem.id);
      expect((await world.problems.byId(problem.id))?.number).toBe(problem.number);
    });

    it("answers null for unknown problems, including ids that are not ids at all", async () => {
      expect(await world.problems.byNumber(world.communityId, 99_999)).toBeNull();
      expect(await world.problems.byId("00000000-0000-4000-8000-000000000000")).toBeNull();
      expect(await world.problems.byId("not-a-uuid'; DROP TABLE")).toBeNull();
    });

    it("counts one vote per person and bumps the card version only when counted", async () => {
      const problem = await world.problems.create(draft({ title: "Vote once" }), at(2));
      const first = await world.problems.vote(problem.id, ben, at(3));
      const again = await world.problems.vote(problem.id, ben, at(4));
      const other = await world.problems.vote(problem.id, cai, at(5));
      expect([first.counted, again.counted, other.counted]).toEqual([true, false, true]);
      expect(first.problem.voteCount).toBe(1);
      expect(again.problem.voteCount).toBe(1);
      expect(again.problem.cardVersion).toBe(first.problem.cardVersion);
      expect(other.problem.voteCount).toBe(2);
      expect(other.problem.cardVersion).toBe(first.problem.cardVersion + 1);
    });

    it("follows and unfollows, saying when nothing changed", async () => {
      const problem = await world.problems.create(draft({ title: "Follow me" }), at(6));
      expect(await world.problems.follow(problem.id, ben, at(7))).toBe(true);
      expect(await world.problems.follow(problem.id, ben, at(8))).toBe(false);
      expect(await world.problems.isFollowing(problem.id, ben)).toBe(true);
      expect((await world.problems.followerIds(problem.id)).sort()).toEqual([ana, ben].sort());
      expect((await world.problems.byId(problem.id))?.followerCount).toBe(2);
      expect(await world.problems.unfollow(problem.id, ben)).toBe(true);
      expect(await world.problems.unfollow(problem.id, ben)).toBe(false);
      expect(await world.problems.isFollowing(problem.id, ben)).toBe(false);
    });

    it("changes status only from the status the champion saw: a double click changes nothing", async () => {
      const problem = await world.problems.create(draft({ title: "Compare and set" }), at(10));
      const change = {
        from: "new" as const,
        to: "accepted" as const,
        actorId: ben,
        note: "good one",
        at: at(11),
      };
      const [first, second] = [
        await world.problems.changeStatus(problem.id, change),
        await world.problems.changeStatus(problem.id, change),
      ];
      expect(first?.problem.status).toBe("accepted");
      expect(first?.problem.cardVersion).toBe(problem.cardVersion + 1);
      expect(first?.event).toMatchObject({
        kind: "status_changed",
        actorId: ben,
        fromStatus: "new",
        toStatus: "accepted",
        note: "good one",
        createdAt: at(11),
      });
      expect(second).toBeNull();
      const declined = await world.problems.changeStatus(problem.id, {
        from: "accepted",
        to: "declined",
        actorId: ben,
        note: null,
        decline: { reason: "planned_release", detail: "2027-01-15" },
        at: at(12),
      });
      expect(declined?.problem.decline).toEqual({ reason: "planned_release", detail: "2027-01-15" });
      const events = await world.problems.events(problem.id);
      expect(events.map((e) => e.kind)).toEqual(["submitted", "status_changed", "status_changed"]);
    });

    it("merges a duplicate's votes and followers into the original, each person counted once", async () => {
      const original = await world.problems.create(draft({ title: "Original" }), at(20));
      const copy = await world.problems.create(draft({ title: "Copy", submitterId: cai }), at(21));
      await world.problems.vote(original.id, ben, at(22));
      await world.problems.vote(copy.id, ben, at(22));
      await world.problems.vote(copy.id, cai, at(22));
      const before = await world.problems.byId(original.id);
      const result = await world.problems.changeStatus(copy.id, {
        from: "new",
        to: "duplicate",
        actorId: ben,
        note: null,
        duplicateOfId: original.id,
        at: at(23),
      });
      expect(result?.problem.status).toBe("duplicate");
      expect(result?.problem.duplicateOf).toEqual({ id: original.id, number: original.number });
      expect(result?.problem.voteCount).toBe(0);
      const after = await world.problems.byId(original.id);
      expect(after?.voteCount).toBe(2);
      expect(after?.cardVersion).toBeGreaterThan(before?.cardVersion ?? 0);
      expect((await world.problems.followerIds(original.id)).sort()).toEqual([ana, cai].sort());
      expect(await world.problems.vote(original.id, cai, at(24))).toMatchObject({ counted: false });
    });

    it("lists open, visible problems by votes or by age, filtered and paged", async () => {
      const community = await world.addCommunity("listing");
      const me = await world.person("U-list", { communityId: community });
      const mk = (title: string, minute: number, extra: Partial<NewProblem> = {}) =>
        world.problems.create(
          draft({ communityId: community, submitterId: me, title, ...extra }),
          at(minute),
        );
      const a = await mk("Alpha", 30);
      const b = await mk("Bravo", 31, { topic: "Housing" });
      const c = await mk("Charlie", 32);
      const hidden = await mk("Hidden", 33);
      const closed = await mk("Closed", 34);
      await world.problems.vote(c.id, ben, at(35));
      await world.problems.vote(c.id, cai, at(35));
      await world.problems.vote(a.id, ben, at(35));
      await world.problems.setHidden(hidden.id, true);
      await world.problems.changeStatus(closed.id, {
        from: "new",
        to: "declined",
        actorId: ben,
        note: null,
        at: at(36),
      });
      const top = await world.problems.list({ communityId: community, order: "top", offset: 0, limit: 10 });
      expect(top.items.map((p) => p.title)).toEqual(["Charlie", "Alpha", "Bravo"]);
      expect(top.total).toBe(3);
      const recent = await world.problems.list({ communityId: community, order: "new", offset: 1, limit: 1 });
      expect(recent.items.map((p) => p.title)).toEqual(["Bravo"]);
      expect(recent.total).toBe(3);
      const housing = await world.problems.list({
        communityId: community,
        order: "new",
        topic: "Housing",
        offset: 0,
        limit: 10,
      });
      expect(housing.items.map((p) => p.id)).toEqual([b.id]);
      const mine = await world.problems.list({
        communityId: community,
        order: "new",
        submitterId: me,
        includeClosed: true,
        offset: 0,
        limit: 10,
      });
      expect(mine.items.map((p) => p.title)).toEqual(["Closed", "Charlie", "Bravo", "Alpha"]);
      expect((await world.problems.byId(hidden.id))?.hidden).toBe(true);
    });

    it("finds similar open problems, leaving out hidden and closed ones", async () => {
      const community = await world.addCommunity("similar");
      const me = await world.person("U-sim", { communityId: community });
      const mk = (title: string, description: string) =>
        world.problems.create(draft({ communityId: community, submitterId: me, title, description }), at(40));
      const bikes = await mk("Where are the protected bike lanes?", "Map of bike lanes with protection");
      await mk("Restaurant inspection results", "Which restaurants failed inspections");
      const hidden = await mk("Protected bike lanes map", "hidden copy");
      await world.problems.setHidden(hidden.id, true);
      const closed = await mk("Bike lanes protected list", "closed copy");
      await world.problems.changeStatus(closed.id, {
        from: "new",
        to: "declined",
        actorId: me,
        note: null,
        at: at(41),
      });
      const found = await world.problems.similarOpen(community, "protected bike lanes", 5);
      expect(found.map((f) => f.problem.id)).toEqual([bikes.id]);
      expect(found[0]?.score).toBeGreaterThan(0);
      const unrelated = "Election results by precinct I need the results of the last election per precinct";
      expect(await world.problems.similarOpen(community, unrelated, 5)).toEqual([]);
      // What intake passes: the new problem's title and description together.
      const intake = await world.problems.similarOpen(
        community,
        "Bike lane map Is there a map of protected bike lanes downtown? I want to ride safely",
        5,
      );
      expect(intake.map((f) => f.problem.id)).toEqual([bikes.id]);
    });

    it("finds problems nobody triaged, oldest first, and marks a reminder once", async () => {
      const community = await world.addCommunity("stale-triage");
      const submitter = await world.person("U-stale", { communityId: community });
      const mine = (title: string, minute: number) =>
        world.problems.create(draft({ communityId: community, submitterId: submitter, title }), at(minute));
      const second = await mine("Second filed", 2);
      const first = await mine("First filed", 1);
      const accepted = await mine("Accepted", 0);
      await world.problems.changeStatus(accepted.id, {
        from: "new",
        to: "accepted",
        actorId: ben,
        note: null,
        at: at(5),
      });
      const assigned = await mine("Assigned", 0);
      await world.problems.assign(assigned.id, ben);
      const hidden = await mine("Hidden", 0);
      await world.problems.setHidden(hidden.id, true);
      await mine("Too recent", 30);

      const waiting = await world.problems.awaitingTriage(community, at(10), 10);
      expect(waiting.items.map((p) => p.title)).toEqual(["First filed", "Second filed"]);
      expect(waiting.total).toBe(2);
      expect((await world.problems.awaitingTriage(community, at(10), 1)).total).toBe(2);

      expect(await world.problems.markStaleReminded(first.id, at(11))).toBe(true);
      expect(await world.problems.markStaleReminded(first.id, at(12))).toBe(false);
      const notReminded = await world.problems.awaitingTriage(community, at(10), 10, {
        notRemindedOnly: true,
      });
      expect(notReminded.items.map((p) => p.id)).toEqual([second.id]);
      // The digest still lists every problem waiting, reminded or not.
      expect((await world.problems.awaitingTriage(community, at(10), 10)).total).toBe(2);
    });

    it("counts a person's recent submissions for intake limits", async () => {
      const community = await world.addCommunity("limits");
      const me = await world.person("U-lim", { communityId: community });
      await world.problems.create(draft({ communityId: community, submitterId: me }), at(50));
      await world.problems.create(draft({ communityId: community, submitterId: me }), at(55));
      expect(await world.problems.submissionsSince(community, me, at(51))).toEqual({
        count: 1,
        latestAt: at(55),
      });
      expect(await world.problems.submissionsSince(community, me, at(56))).toEqual({
        count: 0,
        latestAt: null,
      });
    });

    it("links datasets once, assigns, hides and records events in order", async () => {
      const problem = await world.problems.create(draft({ title: "Linking" }), at(0));
      const dataset = await world.addDataset("Street Repairs");
      expect(await world.problems.linkDataset(problem.id, dataset)).toBe(true);
      expect(await world.problems.linkDataset(problem.id, dataset)).toBe(false);
      const assigned = await world.problems.assign(problem.id, cai);
      expect(assigned.assignee).toEqual({ personId: cai, displayName: "Cai" });
      expect(assigned.linkedDatasets).toEqual([
        { id: dataset, title: "Street Repairs", landingPage: "https://data.example.org/key-street-repairs" },
      ]);
      expect(assigned.cardVersion).toBe(problem.cardVersion + 2);
      expect((await world.problems.assign(problem.id, null)).assignee).toBeNull();
      expect((await world.problems.setHidden(problem.id, true)).hidden).toBe(true);
      expect((await world.problems.setHidden(problem.id, false)).hidden).toBe(false);
      await world.problems.recordEvent(problem.id, {
        kind: "info_requested",
        actorId: ben,
        note: "Which street?",
        at: at(0),
      });
      await world.problems.recordEvent(problem.id, {
        kind: "info_provided",
        actorId: ana,
        note: "Main",
        at: at(0),
      });
      const events = await world.problems.events(problem.id);
      expect(events.map((e) => [e.kind, e.note])).toEqual([
        ["submitted", null],
        ["info_requested", "Which street?"],
        ["info_provided", "Main"],
      ]);
    });

    it("exports visible problems with no people and no personal data", async () => {
      const community = await world.addCommunity("export");
      const secret = await world.person("U-SECRET-ID", {
        communityId: community,
        displayName: "Secret Person",
      });
      const first = await world.problems.create(
        draft({ communityId: community, submitterId: secret, anonymous: true, title: "Open data on heat" }),
        at(0),
      );
      const second = await world.problems.create(
        draft({ communityId: community, submitterId: secret, title: "Dup" }),
        at(1),
      );
      const hidden = await world.problems.create(
        draft({ communityId: community, submitterId: secret, title: "Hidden one" }),
        at(2),
      );
      await world.problems.setHidden(hidden.id, true);
      await world.problems.assign(first.id, secret);
      await world.problems.vote(first.id, secret, at(3));
      await world.problems.changeStatus(second.id, {
        from: "new",
        to: "duplicate",
        actorId: secret,
        note: null,
        duplicateOfId: first.id,
        at: at(4),
      });
      const exported = await world.problems.exportPublic(community);
      expect(exported.map((p) => p.number)).toEqual([1, 2]);
      expect(exported[0]).toEqual({
        number: 1,
        title: "Open data on heat",
        description: "Nobody knows where the potholes are reported",
        status: "new",
        topic: "Transport",
        place: "Main Street",
        votes: 1,
        declineReason: null,
        duplicateOf: null,
        linkedDatasets: [],
        comments: [],
        createdAt: at(0),
        updatedAt: at(4),
      });
      expect(exported[1]?.duplicateOf).toBe(1);
      const text = JSON.stringify(exported);
      for (const secretValue of ["Secret Person", "U-SECRET-ID", secret, "slack"])
        expect(text).not.toContain(secretValue);
    });
  });
}
