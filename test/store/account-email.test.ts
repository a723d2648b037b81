import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqlStewardDirectory } from "../../src/store/access/sql-steward-directory.js";
import { PrismaPeopleRepository } from "../../src/store/prisma-people-repository.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

/**
 * The email a platform reports for an account is what lets an access request reach the member
 * who is a catalog's contact: it is recorded on contact, follows a change, and is not forgotten
 * when a later request comes without one (Slack only shares it with the users:read.email scope).
 */
describe(`account emails from platform profiles (${testDriver})`, () => {
  let db: TestDatabase;
  let people: PrismaPeopleRepository;
  let stewards: SqlStewardDirectory;
  beforeAll(async () => {
    db = await openTestDatabase();
    people = new PrismaPeopleRepository(db.prisma);
    stewards = new SqlStewardDirectory(db.sql);
  });
  afterAll(async () => db.drop());

  it("records the reported email, follows a change and keeps it when none is reported", async () => {
    const community = await people.communityForWorkspace("slack", "T-mail");
    const base = { platform: "slack" as const, workspaceId: "T-mail", userId: "U-rosa", displayName: "Rosa" };
    const rosa = await people.findOrCreateActor({ ...base, email: "rosa@city.example" }, community, [
      "member",
    ]);
    expect(await stewards.personIdByEmail(community.id, "ROSA@city.example")).toBe(rosa.personId);

    await people.findOrCreateActor({ ...base, email: "rosa.m@city.example" }, community, ["member"]);
    expect(await stewards.personIdByEmail(community.id, "rosa.m@city.example")).toBe(rosa.personId);
    expect(await stewards.personIdByEmail(community.id, "rosa@city.example")).toBeNull();

    await people.findOrCreateActor(base, community, ["member"]);
    expect(await stewards.personIdByEmail(community.id, "rosa.m@city.example")).toBe(rosa.personId);
  });
});
