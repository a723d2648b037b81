import type { Role } from "../../src/core/people/roles.js";
import type { AccountLinks } from "../../src/core/ports/account-links.js";
import type { CatalogStore } from "../../src/core/ports/catalog-store.js";
import type { CommunityDirectory } from "../../src/core/ports/community-directory.js";
import type { FormDraftStore } from "../../src/core/ports/form-drafts.js";
import type { PeopleRepository } from "../../src/core/ports/people-repository.js";
import type { PostedRef } from "../../src/core/ports/platform-delivery.js";
import type { ProblemStore } from "../../src/core/ports/problem-store.js";
import type { ProblemThreadStore } from "../../src/core/ports/problem-thread-store.js";
import type { UsageNoteStore } from "../../src/core/ports/usage-note-store.js";
import type { Platform } from "../../src/core/shared/platform.js";
import { createCatalogStores } from "../../src/store/catalog/catalog-stores.js";
import { createCommunityStores } from "../../src/store/community/community-stores.js";
import { createFormStores } from "../../src/store/forms/form-stores.js";
import { createPeopleStores } from "../../src/store/people/people-stores.js";
import { PrismaPeopleRepository } from "../../src/store/prisma-people-repository.js";
import { createProblemStores } from "../../src/store/problems/problem-stores.js";
import { recordProblemThread } from "../../src/store/problems/sql-problem-thread-store.js";
import { createShowcaseStores } from "../../src/store/showcases/showcase-stores.js";
import { timeOrderedId } from "../../src/store/time-ordered-id.js";
import { createWatchStores } from "../../src/store/watches/watch-stores.js";
import { datasetFixture } from "../fakes/core/dataset-fixture.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { fakeCoreDeps } from "../fakes/core/fake-core-deps.js";
import { openTestDatabase, testDriver } from "./test-database.js";

/**
 * The problem-inventory ports over one world (fakes, or the SQL stores on a test database) plus
 * the few set-up steps the contract suites need that no port offers (roles with topics, a second
 * community, a dataset to link).
 */
export interface ProblemInventoryWorld {
  name: string;
  problems: ProblemStore;
  problemThreads: ProblemThreadStore;
  /** What the outbox worker records once a problem card is out and its thread open. */
  recordThread(problemId: string, platform: Platform, ref: PostedRef, threadId: string): Promise<void>;
  drafts: FormDraftStore;
  directory: CommunityDirectory;
  accountLinks: AccountLinks;
  people: PeopleRepository;
  /** Drives PlatformAccount.lastSeenAt. */
  clock: FakeClock;
  /** The default community. */
  communityId: string;
  /** A person as first contact creates them (in the default community unless given). */
  person(
    userId: string,
    options?: { platform?: Platform; workspaceId?: string; displayName?: string; communityId?: string },
  ): Promise<string>;
  /** Replaces a member's roles and topics. */
  setMembership(personId: string, roles: Role[], topics?: string[], communityId?: string): Promise<void>;
  /** A second community, for what must stay per community. */
  addCommunity(slug: string): Promise<string>;
  /** A dataset in the default community's catalog; returns its id. */
  addDataset(title: string): Promise<string>;
  teardown(): Promise<void>;
}

async function personIn(
  people: PeopleRepository,
  communityId: string | undefined,
  defaultCommunityId: string,
  userId: string,
  options: { platform?: Platform; workspaceId?: string; displayName?: string } = {},
): Promise<string> {
  const platform = options.platform ?? "slack";
  const workspaceId = options.workspaceId ?? "T1";
  const community = await people.communityForWorkspace(platform, workspaceId);
  const target =
    communityId && communityId !== defaultCommunityId ? { ...community, id: communityId } : community;
  const actor = await people.findOrCreateActor(
    { platform, workspaceId, userId, displayName: options.displayName ?? userId },
    target,
    ["member"],
  );
  return actor.personId;
}

async function datasetIn(
  catalogs: CatalogStore,
  lookup: UsageNoteStore,
  communityId: string,
  clock: FakeClock,
  title: string,
): Promise<string> {
  const key = `key-${title.toLowerCase().replace(/\W+/g, "-")}`;
  async function* records() {
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
  const [found] = await lookup.findDatasets(communityId, key, 1);
  if (!found) throw new Error(`dataset ${title} was not stored`);
  return found.id;
}

export function fakeProblemInventoryWorld(): ProblemInventoryWorld {
  const deps = fakeCoreDeps();
  const { people } = deps;
  return {
    name: "in-memory fake",
    problems: deps.problems,
    problemThreads: deps.problemThreads,
    async recordThread(problemId, platform, ref, threadId) {
      deps.problemThreads.recordThread(problemId, platform, ref, threadId);
    },
    drafts: deps.drafts,
    directory: deps.directory,
    accountLinks: deps.accountLinks,
    people,
    clock: deps.clock,
    communityId: people.defaultCommunity.id,
    person: (userId, options = {}) =>
      personIn(people, options.communityId, people.defaultCommunity.id, userId, options),
    async setMembership(personId, roles, topics = [], communityId = people.defaultCommunity.id) {
      people.memberships.set(`${communityId}:${personId}`, [...roles]);
      people.membershipTopics.set(`${communityId}:${personId}`, [...topics]);
    },
    async addCommunity(slug) {
      const id = timeOrderedId();
      people.communities.set(id, { id, slug, name: slug, timezone: "UTC", locale: "en" });
      return id;
    },
    addDataset: (title) =>
      datasetIn(deps.catalogStore, deps.catalogStore, people.defaultCommunity.id, deps.clock, title),
    teardown: async () => {},
  };
}

export async function sqlProblemInventoryWorld(): Promise<ProblemInventoryWorld> {
  const db = await openTestDatabase();
  const clock = new FakeClock();
  const people = new PrismaPeopleRepository(db.prisma, clock);
  const stores = {
    ...createProblemStores(db.sql, clock),
    ...createShowcaseStores(db.sql),
    ...createFormStores(db.sql),
    ...createPeopleStores(db.sql),
    ...createWatchStores(db.sql),
    directory: createCommunityStores(db.sql).directory,
  };
  const catalogs = createCatalogStores(db.sql, clock);
  const [community] = await db.sql.query<{ id: string }>(
    `SELECT "id" FROM "Community" WHERE "slug" = 'default'`,
  );
  if (!community) throw new Error("no default community");
  return {
    name: `SQL on ${testDriver}`,
    ...stores,
    recordThread: (problemId, platform, ref, threadId) =>
      recordProblemThread(db.sql, { problemId, platform, ref, threadId }, clock.now()),
    people,
    clock,
    communityId: community.id,
    person: (userId, options = {}) => personIn(people, options.communityId, community.id, userId, options),
    async setMembership(personId, roles, topics = [], communityId = community.id) {
      await db.sql.query(
        `UPDATE "Membership" SET "roles" = $3::text[]::"Role"[], "topics" = $4::text[] WHERE "communityId" = $1::uuid AND "personId" = $2::uuid`,
        [communityId, personId, roles, topics],
      );
    },
    async addCommunity(slug) {
      const id = timeOrderedId();
      await db.sql.query(`INSERT INTO "Community" ("id", "slug", "name") VALUES ($1::uuid, $2, $2)`, [
        id,
        slug,
      ]);
      return id;
    },
    addDataset: (title) => datasetIn(catalogs.catalogs, catalogs.usageNotes, community.id, clock, title),
    teardown: () => db.drop(),
  };
}
