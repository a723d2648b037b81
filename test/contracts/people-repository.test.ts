import { systemClock } from "../../src/core/ports/clock.js";
import { SqlKnownPeople } from "../../src/store/people/sql-known-people.js";
import { PrismaPeopleRepository } from "../../src/store/prisma-people-repository.js";
import { InMemoryPeopleRepository } from "../fakes/core/in-memory-people-repository.js";
import { openTestDatabase, testDriver } from "../support/test-database.js";
import { peopleRepositoryContract } from "./people-repository.contract.js";

peopleRepositoryContract("in-memory fake", async () => ({
  repo: new InMemoryPeopleRepository(),
  teardown: async () => {},
}));

peopleRepositoryContract(`Prisma on ${testDriver}`, async () => {
  const db = await openTestDatabase();
  return { repo: new PrismaPeopleRepository(db.prisma), teardown: () => db.drop() };
});

// What the app runs: known people answered by one SQL query, everything else by Prisma.
peopleRepositoryContract(`SQL for known people over Prisma, on ${testDriver}`, async () => {
  const db = await openTestDatabase();
  return {
    repo: new SqlKnownPeople(db.sql, new PrismaPeopleRepository(db.prisma), systemClock),
    teardown: () => db.drop(),
  };
});
