import type {
  AccessRequestStore,
  AccessUnitOfWork,
  DatasetLookup,
  StewardDirectory,
} from "../../src/core/access/ports.js";
import type { AuditLog } from "../../src/core/ports/audit-log.js";
import type { CatalogStore } from "../../src/core/ports/catalog-store.js";
import type { CommunityDirectory } from "../../src/core/ports/community-directory.js";
import type { PeopleRepository } from "../../src/core/ports/people-repository.js";
import type { UsageNoteStore } from "../../src/core/ports/usage-note-store.js";
import { createAccessStores } from "../../src/store/access/access-stores.js";
import { createCatalogStores } from "../../src/store/catalog/catalog-stores.js";
import { SqlCommunityDirectory } from "../../src/store/community/sql-community-directory.js";
import { PrismaPeopleRepository } from "../../src/store/prisma-people-repository.js";
import type { SqlExecutor } from "../../src/store/sql-executor.js";
import { timeOrderedId } from "../../src/store/time-ordered-id.js";
import { datasetFixture } from "../fakes/core/dataset-fixture.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { fakeCoreDeps } from "../fakes/core/fake-core-deps.js";
import { withAccessFakes } from "../fakes/core/in-memory-access-deps.js";
import { openTestDatabase, testDriver } from "../support/test-database.js";

/**
 * The five access ports over one world (the in-memory fakes, or the SQL stores on a test
 * database) plus the set-up steps no port offers: people, a second community, datasets, naming a
 * steward, a member's email.
 */
export interface AccessWorld {
  name: string;
  requests: AccessRequestStore;
  audit: AuditLog;
  stewards: StewardDirectory;
  datasets: DatasetLookup;
  unitOfWork: AccessUnitOfWork;
  /** The directory CoreDeps holds (the access use cases read it inside their units). */
  directory: CommunityDirectory;
  communityId: string;
  /** A Slack member of the default community (or `communityId`); returns the person id. */
  person(userId: string, displayName?: string, communityId?: string): Promise<string>;
  addCommunity(slug: string): Promise<string>;
  /** A dataset in the community's catalog (a catalog of its own); returns its id. */
  addDataset(title: string, communityId?: string): Promise<string>;
  /** Removes a dataset from its catalog (a resync without it). */
  removeDataset(title: string, communityId?: string): Promise<void>;
  nameSteward(datasetId: string, personId: string): Promise<void>;
  setEmail(userId: string, personId: string, email: string): Promise<void>;
  /** The SQL executor, for SQL-only checks (null for the fakes). */
  sql: SqlExecutor | null;
  teardown(): Promise<void>;
}

const keyOf = (title: string) => `key-${title.toLowerCase().replace(/\W+/g, "-")}`;

async function syncDatasets(
  catalogs: CatalogStore,
  notes: UsageNoteStore,
  communityId: string,
  clock: FakeClock,
  title: string,
  present: boolean,
): Promise<string | null> {
  const key = keyOf(title);
  async function* records() {
    if (present)
      yield {
        ok: true as const,
        dataset: datasetFixture({ key, title, landingPage: `https://data.example.org/${key}` }),
      };
  }
  await catalogs.syncCatalog(
    { communityId, name: key, kind: "dcat", location: `/${key}.json`, syncIntervalMinutes: null },
    records(),
    clock.now(),
  );
  if (!present) return null;
  const [found] = await notes.findDatasets(communityId, key, 1);
  if (!found) throw new Error(`dataset ${title} was not stored`);
  return found.id;
}

async function member(
  people: PeopleRepository,
  defaultId: string,
  userId: string,
  displayName: string,
  communityId: string,
): Promise<string> {
  const community = await people.communityForWorkspace("slack", "T1");
  const target = communityId === defaultId ? community : { ...community, id: communityId };
  const actor = await people.findOrCreateActor(
    { platform: "slack", workspaceId: "T1", userId, displayName },
    target,
    ["member"],
  );
  return actor.personId;
}

export function fakeAccessWorld(): AccessWorld {
  const deps = withAccessFakes(fakeCoreDeps());
  const { people } = deps;
  const communityId = people.defaultCommunity.id;
  return {
    name: "in-memory fake",
    requests: deps.accessRequests,
    audit: deps.auditLog,
    stewards: deps.stewards,
    datasets: deps.datasetLookup,
    unitOfWork: deps.accessUnitOfWork,
    directory: deps.directory,
    communityId,
    person: (userId, displayName = userId, community = communityId) =>
      member(people, communityId, userId, displayName, community),
    async addCommunity(slug) {
      const id = timeOrderedId();
      people.communities.set(id, { id, slug, name: slug, timezone: "UTC", locale: "en" });
      return id;
    },
    addDataset: async (title, community = communityId) =>
      (await syncDatasets(deps.catalogStore, deps.catalogStore, community, deps.clock, title, true)) ?? "",
    removeDataset: async (title, community = communityId) => {
      await syncDatasets(deps.catalogStore, deps.catalogStore, community, deps.clock, title, false);
    },
    async nameSteward(datasetId, personId) {
      deps.stewards.name(communityId, datasetId, personId);
    },
    async setEmail(_userId, personId, email) {
      deps.stewards.setEmail(communityId, personId, email);
    },
    sql: null,
    teardown: async () => {},
  };
}

export async function sqlAccessWorld(): Promise<AccessWorld> {
  const db = await openTestDatabase();
  const clock = new FakeClock();
  const people = new PrismaPeopleRepository(db.prisma, clock);
  const catalogs = createCatalogStores(db.sql, clock);
  const access = createAccessStores(db.sql, clock, catalogs.datasetSearch);
  const [community] = await db.sql.query<{ id: string }>(
    `SELECT "id" FROM "Community" WHERE "slug" = 'default'`,
  );
  if (!community) throw new Error("no default community");
  const communityId = community.id;
  return {
    name: `SQL on ${testDriver}`,
    requests: access.accessRequests,
    audit: access.auditLog,
    stewards: access.stewards,
    datasets: access.datasetLookup,
    unitOfWork: access.accessUnitOfWork,
    directory: new SqlCommunityDirectory(db.sql),
    communityId,
    person: (userId, displayName = userId, target = communityId) =>
      member(people, communityId, userId, displayName, target),
    async addCommunity(slug) {
      const id = timeOrderedId();
      await db.sql.query(`INSERT INTO "Community" ("id", "slug", "name") VALUES ($1::uuid, $2, $2)`, [
        id,
        slug,
      ]);
      return id;
    },
    addDataset: async (title, target = communityId) =>
      (await syncDatasets(catalogs.catalogs, catalogs.usageNotes, target, clock, title, true)) ?? "",
    removeDataset: async (title, target = communityId) => {
      await syncDatasets(catalogs.catalogs, catalogs.usageNotes, target, clock, title, false);
    },
    async nameSteward(datasetId, personId) {
      await access.stewards.name(datasetId, personId, clock.now());
    },
    async setEmail(userId, _personId, email) {
      await access.stewards.setEmail("slack", "T1", userId, email);
    },
    sql: db.sql,
    teardown: () => db.drop(),
  };
}
