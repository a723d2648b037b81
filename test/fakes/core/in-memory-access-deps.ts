import type { AccessDeps } from "../../../src/core/access/access-deps.js";
import type { FakeCoreDeps } from "./fake-core-deps.js";
import { InMemoryDatasetLookup, InMemoryStewardDirectory } from "./in-memory-access-directory.js";
import { InMemoryAccessRequestStore } from "./in-memory-access-request-store.js";
import { InMemoryAccessUnitOfWork } from "./in-memory-access-unit-of-work.js";
import { InMemoryAuditLog } from "./in-memory-audit-log.js";
import type { InMemoryDatasetSearch } from "./in-memory-dataset-search.js";

/** The access ports as fakes, typed as the fakes so tests can seed them and look inside. */
export interface FakeAccessDeps extends AccessDeps {
  accessRequests: InMemoryAccessRequestStore;
  auditLog: InMemoryAuditLog;
  stewards: InMemoryStewardDirectory;
  datasetLookup: InMemoryDatasetLookup;
  accessUnitOfWork: InMemoryAccessUnitOfWork;
}

/**
 * fakeCoreDeps() plus the access fakes as extra properties, which `accessDeps(ctx)` finds until
 * CoreDeps lists them. They share the core fakes' world: the people fake's names, the catalog
 * fake's datasets, and the same recording outbox and draft store.
 */
export function withAccessFakes<D extends FakeCoreDeps>(deps: D): D & FakeAccessDeps {
  const accessRequests = new InMemoryAccessRequestStore({
    displayName: (personId) => deps.people.displayNameOf(personId),
  });
  const auditLog = new InMemoryAuditLog();
  const access: FakeAccessDeps = {
    accessRequests,
    auditLog,
    stewards: new InMemoryStewardDirectory(),
    datasetLookup: new InMemoryDatasetLookup(deps.catalogStore, deps.datasetSearch as InMemoryDatasetSearch),
    accessUnitOfWork: new InMemoryAccessUnitOfWork({
      requests: accessRequests,
      audit: auditLog,
      outbox: deps.outbox,
      drafts: deps.drafts,
      directory: deps.directory,
    }),
  };
  return Object.assign(deps, access);
}
