import { defaultAccessSlaSettings } from "../../../src/core/access/access-sla-settings.js";
import type { AccessTransactionStores } from "../../../src/core/access/ports.js";
import type { CoreDeps } from "../../../src/core/bot/core-deps.js";
import { silentLogger } from "../../../src/core/ports/logger.js";
import type { FakeCatalogSourceReader } from "./fake-catalog-source-reader.js";
import { FakeClock } from "./fake-clock.js";
import { InMemoryDatasetLookup, InMemoryStewardDirectory } from "./in-memory-access-directory.js";
import { InMemoryAccessRequestStore } from "./in-memory-access-request-store.js";
import { InMemoryAccessUnitOfWork } from "./in-memory-access-unit-of-work.js";
import { InMemoryAccountLinks } from "./in-memory-account-links.js";
import { InMemoryAuditLog } from "./in-memory-audit-log.js";
import { inMemoryCatalogDeps } from "./in-memory-catalog-deps.js";
import type { InMemoryCatalogStore } from "./in-memory-catalog-store.js";
import { InMemoryCommunityDirectory } from "./in-memory-community-directory.js";
import type { InMemoryDatasetSearch } from "./in-memory-dataset-search.js";
import { InMemoryDigestRunStore } from "./in-memory-digest-runs.js";
import { InMemoryDigestSource } from "./in-memory-digest-source.js";
import { InMemoryDigestSubscriptionStore } from "./in-memory-digest-subscriptions.js";
import { InMemoryFormDraftStore } from "./in-memory-form-draft-store.js";
import {
  InMemoryAdminClaimStore,
  InMemoryCommunityUnitOfWork,
  InMemoryMembershipStore,
} from "./in-memory-membership-store.js";
import { InMemoryOutbox } from "./in-memory-outbox.js";
import { InMemoryPeopleRepository } from "./in-memory-people-repository.js";
import { InMemoryProblemStore } from "./in-memory-problem-store.js";
import { InMemoryProblemThreadStore } from "./in-memory-problem-thread-store.js";
import { InMemoryProcessedEvents } from "./in-memory-processed-events.js";
import { InMemoryShowcaseStore } from "./in-memory-showcase-store.js";
import { InMemoryUnitOfWork } from "./in-memory-unit-of-work.js";
import { InMemoryDataMatchStore, InMemoryWatchStore } from "./in-memory-watches.js";
import { guardOutsideUnits } from "./unit-guard.js";

/** CoreDeps made of fakes, typed as the fakes so tests can seed them and look inside. */
export interface FakeCoreDeps extends CoreDeps {
  people: InMemoryPeopleRepository;
  clock: FakeClock;
  problems: InMemoryProblemStore;
  drafts: InMemoryFormDraftStore;
  directory: InMemoryCommunityDirectory;
  accountLinks: InMemoryAccountLinks;
  unitOfWork: InMemoryUnitOfWork;
  accessRequests: InMemoryAccessRequestStore;
  auditLog: InMemoryAuditLog;
  stewards: InMemoryStewardDirectory;
  datasetLookup: InMemoryDatasetLookup;
  accessUnitOfWork: InMemoryAccessUnitOfWork;
  processedEvents: InMemoryProcessedEvents;
  digestRuns: InMemoryDigestRunStore;
  digestSubscriptions: InMemoryDigestSubscriptionStore;
  digestSource: InMemoryDigestSource;
  showcases: InMemoryShowcaseStore;
  memberships: InMemoryMembershipStore;
  communityUnitOfWork: InMemoryCommunityUnitOfWork;
  watches: InMemoryWatchStore;
  dataMatches: InMemoryDataMatchStore;
  /** First-admin claims, reached only through the community unit of work. */
  adminClaims: InMemoryAdminClaimStore;
  problemThreads: InMemoryProblemThreadStore;
  /** What use cases enqueued through the unit of work (not part of CoreDeps itself). */
  outbox: InMemoryOutbox;
  /** The catalog world behind catalogs/usageNotes/metadataGaps/datasetSearch. */
  catalogStore: InMemoryCatalogStore;
  /** The fake published catalogs imports read from. */
  catalogReader: FakeCatalogSourceReader;
}

/**
 * A complete CoreDeps over one in-memory world: problems show the people fake's names and the
 * catalog fake's datasets, account links merge across people, problems and drafts, and the unit
 * of work hands out the same problem/draft stores plus the recording outbox.
 *
 * Overrides replace members as given (and keep their own types). An `InMemoryPeopleRepository`
 * or `FakeClock` override is also what the other fakes share; any other people/clock override
 * is used only where it is passed, while the linked fakes keep a private people fake.
 */
export function fakeCoreDeps<O extends Partial<CoreDeps> = Record<never, never>>(
  overrides: O = {} as O,
): Omit<FakeCoreDeps, keyof O> & O {
  const clock = overrides.clock instanceof FakeClock ? overrides.clock : new FakeClock();
  const people =
    overrides.people instanceof InMemoryPeopleRepository
      ? overrides.people
      : new InMemoryPeopleRepository({}, clock);
  const catalog = inMemoryCatalogDeps(clock);
  const problems = new InMemoryProblemStore({
    displayName: (personId) => people.displayNameOf(personId),
    // Comments live in the thread store, created below; the export reads them when it runs.
    publicComments: (problemId) =>
      [...problemThreads.comments.values()]
        .filter((c) => c.problemId === problemId && !c.deletedAt)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map((c) => ({ body: c.body, writtenAt: c.createdAt, edited: c.editedAt !== null })),
    dataset: (datasetId) => {
      const stored = catalog.store.datasets.get(datasetId);
      return stored
        ? { id: datasetId, title: stored.dataset.title, landingPage: stored.dataset.landingPage }
        : null;
    },
  });
  const drafts = new InMemoryFormDraftStore();
  const showcases = new InMemoryShowcaseStore({
    displayName: (personId) => people.displayNameOf(personId),
    voters: (problemId) => [...(problems.votes.get(problemId) ?? [])],
  });
  const outbox = new InMemoryOutbox();
  const directory = new InMemoryCommunityDirectory(people);
  const digestRuns = new InMemoryDigestRunStore(() => people.communities.keys());
  const digestSubscriptions = new InMemoryDigestSubscriptionStore();
  const dataMatches = new InMemoryDataMatchStore();
  const problemThreads = new InMemoryProblemThreadStore((personId) => people.displayNameOf(personId));
  const watches = new InMemoryWatchStore();
  const unitOfWork = new InMemoryUnitOfWork({
    threads: problemThreads,
    watches,
    problems,
    outbox,
    drafts,
    directory,
    showcases,
    digestRuns,
    dataMatches,
  });
  const accessRequests = new InMemoryAccessRequestStore({
    displayName: (personId) => people.displayNameOf(personId),
  });
  const auditLog = new InMemoryAuditLog();
  const stewards = new InMemoryStewardDirectory();
  const datasetLookup = new InMemoryDatasetLookup(
    catalog.store,
    catalog.deps.datasetSearch as InMemoryDatasetSearch,
  );
  const accessUnitOfWork = new GuardedAccessUnitOfWork({
    requests: accessRequests,
    audit: auditLog,
    outbox,
    drafts,
    directory,
  });
  const memberships = new InMemoryMembershipStore(people);
  const adminClaims = new InMemoryAdminClaimStore();
  const communityUnitOfWork = new InMemoryCommunityUnitOfWork({
    memberships,
    directory,
    audit: auditLog,
    adminClaims,
  });
  // Use cases must not reach these while any unit of work runs (PGlite would deadlock).
  const guard = <S extends object>(store: S, name: string) =>
    guardOutsideUnits(store, name, [unitOfWork, accessUnitOfWork, communityUnitOfWork]);
  const deps: FakeCoreDeps = {
    people,
    clock,
    logger: silentLogger,
    ...catalog.deps,
    processedEvents: new InMemoryProcessedEvents(clock),
    digestRuns: guard(digestRuns, "digestRuns"),
    digestSubscriptions: guard(digestSubscriptions, "digestSubscriptions"),
    digestSource: guard(new InMemoryDigestSource(), "digestSource"),
    accessSla: defaultAccessSlaSettings,
    problems: guard(problems, "problems"),
    drafts: guard(drafts, "drafts"),
    directory: guard(directory, "directory"),
    accountLinks: new InMemoryAccountLinks(people, problems, drafts),
    unitOfWork,
    accessRequests: guard(accessRequests, "accessRequests"),
    auditLog: guard(auditLog, "auditLog"),
    stewards: guard(stewards, "stewards"),
    datasetLookup: guard(datasetLookup, "datasetLookup"),
    accessUnitOfWork,
    showcases: guard(showcases, "showcases"),
    watches,
    dataMatches: guard(dataMatches, "dataMatches"),
    problemThreads: guard(problemThreads, "problemThreads"),
    memberships: guard(memberships, "memberships"),
    communityUnitOfWork,
    adminClaims,
    outbox,
    catalogStore: catalog.store,
    catalogReader: catalog.reader,
  };
  return { ...deps, ...overrides } as Omit<FakeCoreDeps, keyof O> & O;
}

/** InMemoryAccessUnitOfWork that knows when it runs, for `guardOutsideUnits`. */
class GuardedAccessUnitOfWork extends InMemoryAccessUnitOfWork {
  active = 0;

  override async run<T>(fn: (tx: AccessTransactionStores) => Promise<T>): Promise<T> {
    this.active++;
    try {
      return await super.run(fn);
    } finally {
      this.active--;
    }
  }
}
