// The ShowcaseStore contract, run against the in-memory fake and the SQL store (PGlite, or
// Postgres when DATABASE_URL is set): numbering per community, compare-and-set reviews,
// resubmission only after "ask for changes", links kept in the order given, "used in N
// showcases" counting published ones only, and a failed unit of work leaving nothing behind.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ProblemStore } from "../../src/core/ports/problem-store.js";
import type { NewShowcase, ShowcaseStore } from "../../src/core/ports/showcase-store.js";
import type { TransactionStores, UnitOfWork } from "../../src/core/ports/unit-of-work.js";
import type { SqlShowcaseStore } from "../../src/store/showcases/sql-showcase-store.js";
import type { InMemoryPeopleRepository } from "../fakes/core/in-memory-people-repository.js";
import type { InMemoryProblemStore } from "../fakes/core/in-memory-problem-store.js";
import { InMemoryShowcaseStore } from "../fakes/core/in-memory-showcase-store.js";
import {
  fakeProblemInventoryWorld,
  type ProblemInventoryWorld,
  sqlProblemInventoryWorld,
} from "../support/problem-inventory-world.js";

interface ShowcaseWorld {
  inventory: ProblemInventoryWorld;
  showcases: ShowcaseStore;
  problems: ProblemStore;
  unitOfWork: UnitOfWork;
}

async function fakeWorld(): Promise<ShowcaseWorld> {
  const inventory = fakeProblemInventoryWorld();
  // A showcase fake over the inventory world's own people and problems.
  const people = inventory.people as InMemoryPeopleRepository;
  const problems = inventory.problems as InMemoryProblemStore;
  const showcases = new InMemoryShowcaseStore({
    displayName: (personId) => people.displayNameOf(personId),
    voters: (problemId) => [...(problems.votes.get(problemId) ?? [])],
  });
  const unitOfWork: UnitOfWork = { run: (fn) => fn({ showcases } as unknown as TransactionStores) };
  return { inventory, showcases, problems, unitOfWork };
}

async function sqlWorld(): Promise<ShowcaseWorld> {
  const inventory = await sqlProblemInventoryWorld();
  const stores = inventory as ProblemInventoryWorld & { showcases: SqlShowcaseStore; unitOfWork: UnitOfWork };
  return {
    inventory,
    showcases: stores.showcases,
    problems: inventory.problems,
    unitOfWork: stores.unitOfWork,
  };
}

for (const [name, open] of [
  ["in-memory fake", fakeWorld],
  ["SQL", sqlWorld],
] as const) {
  describe(`ShowcaseStore contract (${name})`, { timeout: 60_000 }, () => {
    let world: ShowcaseWorld;
    let ana: string;
    let chen: string;
    let crashes: string;
    let schools: string;
    let problemId: string;
    const at = new Date("2026-11-20T10:00:00Z");

    const input = (overrides: Partial<NewShowcase> = {}): NewShowcase => ({
      communityId: world.inventory.communityId,
      submitterId: ana,
      platform: "slack",
      title: "Safe routes to school",
      summary: "A map of risky crossings near schools.",
      link: "https://example.org/safe-routes",
      imageUrl: null,
      team: "Northside Parents",
      kind: "visualisation",
      datasets: [
        { id: schools, title: "School Locations", landingPage: null },
        { id: crashes, title: "Traffic Crashes", landingPage: null },
      ],
      problems: [{ id: problemId, number: 1, title: "Dangerous crossings" }],
      ...overrides,
    });
    const review = (
      from: "pending_review",
      to: "published" | "changes_requested" | "rejected",
      note: string | null = null,
    ) => ({
      from,
      to,
      reviewerId: chen,
      note,
      at,
    });

    beforeEach(async () => {
      world = await open();
      ana = await world.inventory.person("UANA", { displayName: "Ana" });
      chen = await world.inventory.person("UCHEN", { displayName: "Chen" });
      crashes = await world.inventory.addDataset("Traffic Crashes");
      schools = await world.inventory.addDataset("School Locations");
      const problem = await world.problems.create(
        {
          communityId: world.inventory.communityId,
          submitterId: ana,
          platform: "slack",
          title: "Dangerous crossings",
          description: "Which crossings near schools see the most crashes?",
          affected: "Parents",
          place: null,
          topic: null,
          anonymous: false,
        },
        at,
      );
      problemId = problem.id;
    });
    afterEach(() => world.inventory.teardown());

    it("numbers showcases per community and keeps the links in the order given", async () => {
      const first = await world.showcases.create(input(), at);
      const second = await world.showcases.create(input({ title: "Crash atlas", problems: [] }), at);
      expect([first.number, second.number]).toEqual([1, 2]);
      expect(first).toMatchObject({
        status: "pending_review",
        revision: 0,
        submitterName: "Ana",
        reviewerId: null,
        publishedAt: null,
      });
      expect(first.datasets.map((d) => d.id)).toEqual([schools, crashes]);
      expect(first.problems).toEqual([{ id: problemId, number: 1, title: "Dangerous crossings" }]);
      expect(await world.showcases.byNumber(world.inventory.communityId, 2)).toMatchObject({ id: second.id });
      expect(await world.showcases.byId("not-a-uuid")).toBeNull();
    });

    it("reviews once: a second decision from the same status writes nothing", async () => {
      const showcase = await world.showcases.create(input(), at);
      const published = await world.showcases.review(showcase.id, review("pending_review", "published"));
      expect(published).toMatchObject({ status: "published", reviewerId: chen, publishedAt: at });
      expect(
        await world.showcases.review(showcase.id, review("pending_review", "rejected", "late")),
      ).toBeNull();
      expect((await world.showcases.byId(showcase.id))?.status).toBe("published");
    });

    it("takes a resubmission only while changes are asked for, as a new revision", async () => {
      const showcase = await world.showcases.create(input(), at);
      const content = { ...input({ title: "Safe routes map", kind: "app", datasets: [], problems: [] }) };
      expect(await world.showcases.resubmit(showcase.id, content, at)).toBeNull();
      await world.showcases.review(
        showcase.id,
        review("pending_review", "changes_requested", "Add a screenshot"),
      );
      const resubmitted = await world.showcases.resubmit(
        showcase.id,
        content,
        new Date("2026-11-21T10:00:00Z"),
      );
      expect(resubmitted).toMatchObject({
        status: "pending_review",
        revision: 1,
        title: "Safe routes map",
        kind: "app",
      });
      expect(resubmitted?.datasets).toEqual([]);
      expect(resubmitted?.problems).toEqual([]);
      expect(await world.showcases.resubmit(showcase.id, content, at)).toBeNull();
    });

    it("withdraws only from review or changes asked, once, keeping the last reviewer's word", async () => {
      const later = new Date("2026-11-21T11:00:00Z");
      const waiting = await world.showcases.create(input(), at);
      expect(await world.showcases.withdraw(waiting.id, "changes_requested", later)).toBeNull();
      expect(await world.showcases.withdraw(waiting.id, "pending_review", later)).toMatchObject({
        status: "withdrawn",
        reviewerId: null,
        updatedAt: later,
      });
      expect(await world.showcases.withdraw(waiting.id, "pending_review", later)).toBeNull();
      expect(await world.showcases.withdraw("not-a-uuid", "pending_review", later)).toBeNull();

      const asked = await world.showcases.create(input({ title: "Crash atlas" }), at);
      await world.showcases.review(asked.id, review("pending_review", "changes_requested", "Add a map"));
      expect(await world.showcases.withdraw(asked.id, "changes_requested", later)).toMatchObject({
        status: "withdrawn",
        reviewerId: chen,
        reviewNote: "Add a map",
      });

      const published = await world.showcases.create(input({ title: "Bike atlas" }), at);
      await world.showcases.review(published.id, review("pending_review", "published"));
      expect(await world.showcases.withdraw(published.id, "published", later)).toBeNull();
      expect((await world.showcases.byId(published.id))?.status).toBe("published");
    });

    it("counts only published showcases as a dataset's uses, newest first", async () => {
      const one = await world.showcases.create(input(), at);
      const two = await world.showcases.create(input({ title: "Crash atlas" }), at);
      await world.showcases.create(input({ title: "Still in review" }), at);
      await world.showcases.review(one.id, review("pending_review", "published"));
      await world.showcases.review(two.id, {
        ...review("pending_review", "published"),
        at: new Date("2026-11-22T10:00:00Z"),
      });
      expect(await world.showcases.publishedForDataset(world.inventory.communityId, crashes, 1)).toEqual({
        total: 2,
        items: [{ number: 2, title: "Crash atlas", link: "https://example.org/safe-routes" }],
      });
      const other = await world.inventory.addDataset("Bike Racks");
      expect(await world.showcases.publishedForDataset(world.inventory.communityId, other, 5)).toEqual({
        total: 0,
        items: [],
      });
    });

    it("lists a problem's voters", async () => {
      await world.problems.vote(problemId, chen, at);
      expect(await world.showcases.problemVoterIds(problemId)).toEqual([chen]);
    });

    it("leaves nothing behind when the unit of work fails", async () => {
      if (name !== "SQL") return; // the fake unit of work does not roll back (see its comment)
      await expect(
        world.unitOfWork.run(async (tx) => {
          await tx.showcases.create(input(), at);
          throw new Error("crash after the insert");
        }),
      ).rejects.toThrow("crash after the insert");
      expect(await world.showcases.byNumber(world.inventory.communityId, 1)).toBeNull();
    });
  });
}
