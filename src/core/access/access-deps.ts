import type { CoreDeps } from "../bot/core-deps.js";
import type { RequestContext } from "../bot/request-context.js";
import type { AuditLog } from "../ports/audit-log.js";
import { DomainError } from "../shared/domain-error.js";
import type { AccessRequestStore, AccessUnitOfWork, DatasetLookup, StewardDirectory } from "./ports.js";

/** The ports access requests need beyond the rest of the core's. */
export interface AccessDeps {
  /** Requests, their routing history and decisions (reads; writes go through accessUnitOfWork). */
  accessRequests: AccessRequestStore;
  /** The append-only record of every step. */
  auditLog: AuditLog;
  /** Stewards named for datasets, people by their contact email. */
  stewards: StewardDirectory;
  /** A dataset by its datadesk id (buttons and requests carry ids). */
  datasetLookup: DatasetLookup;
  /** A request's change, its audit entry and its messages commit together. */
  accessUnitOfWork: AccessUnitOfWork;
}

/** What the clock-driven functions (reminders, expiry, auto-resolve) need: no request, no actor. */
export type AccessJobDeps = AccessDeps & Pick<CoreDeps, "directory">;

const accessDepNames = [
  "accessRequests",
  "auditLog",
  "stewards",
  "datasetLookup",
  "accessUnitOfWork",
] as const satisfies readonly (keyof AccessDeps)[];

/**
 * The access ports from the request's deps. CoreDeps will include them once access requests are
 * wired in (main.ts picks the SQL implementations); until then, and in any deployment built
 * without them, a request for access is answered "unavailable" instead of failing on undefined.
 */
export function accessDeps(ctx: Pick<RequestContext, "deps">): AccessDeps {
  const deps = ctx.deps as Partial<AccessDeps>;
  const { accessRequests, auditLog, stewards, datasetLookup, accessUnitOfWork } = deps;
  if (!accessRequests || !auditLog || !stewards || !datasetLookup || !accessUnitOfWork) {
    const missing = accessDepNames.filter((name) => !deps[name]);
    throw new DomainError("unavailable", "errors:unavailable", { missing: missing.join(", ") });
  }
  return { accessRequests, auditLog, stewards, datasetLookup, accessUnitOfWork };
}
