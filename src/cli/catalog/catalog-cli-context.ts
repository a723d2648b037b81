import { userInfo } from "node:os";
import type { CoreDeps } from "../../core/bot/core-deps.js";
import { translator } from "../../core/i18n/translator.js";
import { resolveActor } from "../../core/people/resolve-actor.js";
import type { Actor } from "../../core/people/roles.js";
import { type DomainError, isDomainError } from "../../core/shared/domain-error.js";
import type { Database } from "../../store/database.js";
import { DEFAULT_COMMUNITY_SLUG } from "../../store/default-community.js";
import type { SqlExecutor } from "../../store/sql-executor.js";

/** Where a CLI command writes: results on `stdout`, progress on `stderr` (a bar when it is a TTY). */
export interface CliStreams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** What every `datadesk catalog …` command runs against; tests build one over a test database. */
export interface CatalogCliContext {
  deps: CoreDeps;
  /** Raw SQL for operator-only stores that are no core port (roles, community settings by slug). */
  sql: SqlExecutor;
  /** Catalogs imported from the command line belong to the default community. */
  communityId: string;
  /** DATADESK_CATALOG_SYNC_MINUTES, to say when each catalog resyncs next. */
  defaultSyncIntervalMinutes: number;
  streams: CliStreams;
  /** The person at the terminal, as the core knows them (notes need an author and a role). */
  operator(): Promise<Actor>;
}

export async function catalogCliContext(options: {
  db: Database;
  deps: CoreDeps;
  defaultSyncIntervalMinutes: number;
  streams: CliStreams;
  username?: string;
}): Promise<CatalogCliContext> {
  const community = await options.db.prisma.community.findUniqueOrThrow({
    where: { slug: DEFAULT_COMMUNITY_SLUG },
  });
  const username = options.username ?? osUsername();
  return {
    deps: options.deps,
    sql: options.db.sql,
    communityId: community.id,
    defaultSyncIntervalMinutes: options.defaultSyncIntervalMinutes,
    streams: options.streams,
    // The terminal user is the console's user: same identity, so the same person and roles
    // (the console's first user is an admin of the local installation).
    operator: () =>
      resolveActor(options.deps, {
        platform: "console",
        workspaceId: "local",
        userId: username,
        displayName: username,
      }),
  };
}

/** A failure the CLI prints as its one line (see runCliCommand's `userMessage`). */
export class CatalogCliError extends Error {
  constructor(
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
    this.name = "CatalogCliError";
  }
}

/** Runs a command body; a DomainError becomes its translated sentence (operators read English). */
export async function explainingDomainErrors<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw new CatalogCliError(explainDomainError(error), { cause: error });
  }
}

export function explainDomainError(error: DomainError): string {
  const key = error.messageKey.includes(":") ? error.messageKey : `errors:${error.messageKey}`;
  return translator("en")(key, error.params);
}

function osUsername(): string {
  try {
    return userInfo().username || "operator";
  } catch {
    return "operator";
  }
}
