import { randomUUID } from "node:crypto";
import { createCatalogStores } from "../../src/store/catalog/catalog-stores.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { InMemoryCatalogStore } from "../fakes/core/in-memory-catalog-store.js";
import { openTestDatabase, testDriver } from "../support/test-database.js";
import { catalogStoresContract } from "./catalog-stores.contract.js";

catalogStoresContract("in-memory fake", async () => {
  const clock = new FakeClock();
  const store = new InMemoryCatalogStore(clock);
  return {
    catalogs: store,
    usageNotes: store,
    metadataGaps: store,
    clock,
    communityId: randomUUID(),
    otherCommunityId: randomUUID(),
    teardown: async () => {},
  };
});

catalogStoresContract(`SQL on ${testDriver}`, async () => {
  const db = await openTestDatabase();
  const clock = new FakeClock();
  const community = await db.prisma.community.findFirstOrThrow();
  const other = await db.prisma.community.create({ data: { slug: "other", name: "Other" } });
  return {
    ...createCatalogStores(db.sql, clock),
    clock,
    communityId: community.id,
    otherCommunityId: other.id,
    teardown: () => db.drop(),
  };
});
