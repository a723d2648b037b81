import { AsyncLocalStorage } from "node:async_hooks";
import type { Role } from "../../core/people/roles.js";
import type {
  CommunityConfig,
  CommunityDirectory,
  CommunityMember,
  IntakeLimits,
  OncallRotation,
  PersonContact,
} from "../../core/ports/community-directory.js";
import { SqlCommunityDirectory } from "../community/sql-community-directory.js";
import type { SqlExecutor } from "../sql-executor.js";

type Query = Pick<SqlExecutor, "query">;

/** The transaction of the access unit of work running in this async context, if any. */
const accessUnit = new AsyncLocalStorage<Query>();

/** Runs `fn` with `tx` as the current access unit's transaction (SqlAccessUnitOfWork). */
export function withinAccessUnit<T>(tx: Query, fn: () => Promise<T>): Promise<T> {
  return accessUnit.run(tx, fn);
}

/**
 * The community directory CoreDeps holds, which answers through the running access unit's
 * transaction when called inside one. The access use cases read contacts and configs from
 * `deps.directory` while their unit runs (AccessTransactionStores has no directory); on PGlite,
 * with a single connection, a pool query there waits for the transaction and the transaction for
 * it: the request would hang forever. Outside a unit it is the plain pool directory.
 * Remove once the core takes the directory from the unit (as the problem use cases do).
 */
export class UnitAwareCommunityDirectory implements CommunityDirectory {
  constructor(private readonly pool: Query) {}

  private current(): SqlCommunityDirectory {
    return new SqlCommunityDirectory(accessUnit.getStore() ?? this.pool);
  }

  config(communityId: string): Promise<CommunityConfig> {
    return this.current().config(communityId);
  }

  setChannel(...args: Parameters<CommunityDirectory["setChannel"]>): Promise<void> {
    return this.current().setChannel(...args);
  }

  setTopics(communityId: string, topics: readonly string[]): Promise<void> {
    return this.current().setTopics(communityId, topics);
  }

  setIntakeLimits(communityId: string, limits: IntakeLimits): Promise<void> {
    return this.current().setIntakeLimits(communityId, limits);
  }

  setOncall(communityId: string, rotation: OncallRotation | null): Promise<void> {
    return this.current().setOncall(communityId, rotation);
  }

  membersWithRole(communityId: string, roles: readonly Role[], topic?: string): Promise<CommunityMember[]> {
    return this.current().membersWithRole(communityId, roles, topic);
  }

  contacts(personIds: readonly string[]): Promise<PersonContact[]> {
    return this.current().contacts(personIds);
  }
}
