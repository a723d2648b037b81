import { SqlAuditLog } from "../../src/store/access/sql-audit-log.js";
import { createCommunityStores } from "../../src/store/community/community-stores.js";
import { PrismaPeopleRepository } from "../../src/store/prisma-people-repository.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { fakeCoreDeps } from "../fakes/core/fake-core-deps.js";
import { openTestDatabase } from "../support/test-database.js";
import { membershipStoreContract } from "./membership-store.contract.js";

membershipStoreContract("in-memory fake", async () => {
  const deps = fakeCoreDeps();
  return {
    people: deps.people,
    memberships: deps.memberships,
    unit: deps.communityUnitOfWork,
    audit: deps.auditLog,
    teardown: async () => {},
  };
});

membershipStoreContract("SQL", async () => {
  const db = await openTestDatabase();
  const stores = createCommunityStores(db.sql);
  return {
    people: new PrismaPeopleRepository(db.prisma, new FakeClock()),
    memberships: stores.memberships,
    unit: stores.communityUnitOfWork,
    audit: new SqlAuditLog(db.sql),
    teardown: () => db.drop(),
  };
});
