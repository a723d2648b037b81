import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqlUnitOfWork } from "../../src/store/sql-unit-of-work.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const card = { fallbackText: "changed", blocks: [{ type: "section" as const, text: ["changed"] }] };

describe(`SqlUnitOfWork (${testDriver})`, () => {
  let db: TestDatabase;
  let communityId: string;
  let personId: string;
  const clock = new FakeClock();
  beforeAll(async () => {
    db = await openTestDatabase();
    const [community] = await db.sql.query<{ id: string }>(`SELECT "id" FROM "Community" LIMIT 1`);
    communityId = community?.id ?? "";
    const [person] = await db.sql.query<{ id: string }>(
      `INSERT INTO "Person" ("id", "displayName") VALUES (gen_random_uuid(), 'Ana') RETURNING "id"`,
    );
    personId = person?.id ?? "";
  });
  afterAll(async () => db.drop());

  const newProblem = (title: string) => ({
    communityId,
    submitterId: personId,
    platform: "slack" as const,
    title,
    description: "d",
    affected: "a",
    place: null,
    topic: null,
    anonymous: false,
  });
  const message = (key: string) => ({
    dedupeKey: key,
    communityId,
    platform: "slack" as const,
    target: { kind: "channel" as const, channelId: "C1" },
    card,
  });

  it("commits a change, its draft removal and its messages together", async () => {
    const uow = new SqlUnitOfWork(db.sql, clock);
    const draft = await uow.run((tx) =>
      tx.drafts.save({ personId, formId: "problem.submit", context: "", values: {} }, clock.now()),
    );
    const problem = await uow.run(async (tx) => {
      await tx.drafts.take(draft.id, personId);
      const created = await tx.problems.create(newProblem("Committed"), clock.now());
      await tx.outbox.enqueue([message("committed")]);
      return created;
    });
    expect(problem.number).toBe(1);
    expect(await db.prisma.outboxMessage.count({ where: { dedupeKey: "committed" } })).toBe(1);
    expect(await db.prisma.formDraft.count()).toBe(0);
  });

  it("rolls back the change and its messages when anything in the unit fails", async () => {
    const uow = new SqlUnitOfWork(db.sql, clock);
    await expect(
      uow.run(async (tx) => {
        const created = await tx.problems.create(newProblem("Rolled back"), clock.now());
        await tx.problems.vote(created.id, personId, clock.now());
        await tx.outbox.enqueue([message("rolled-back")]);
        throw new Error("the platform said no");
      }),
    ).rejects.toThrow("the platform said no");
    expect(await db.prisma.problem.count({ where: { title: "Rolled back" } })).toBe(0);
    expect(await db.prisma.outboxMessage.count({ where: { dedupeKey: "rolled-back" } })).toBe(0);
    // The number it took is free again.
    const next = await uow.run((tx) => tx.problems.create(newProblem("After"), clock.now()));
    expect(next.number).toBe(2);
  });
});
