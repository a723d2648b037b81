import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.js";
import { type EmbeddedStoreOptions, openEmbeddedStore } from "./embedded/embedded-store.js";
import { migrate } from "./migrations.js";
import {
  createPostgresPool,
  type DatabaseTarget,
  openPglite,
  pgliteExecutor,
  postgresExecutor,
  type SqlExecutor,
} from "./sql-executor.js";

export type { LockRole } from "./embedded/data-dir-lock.js";
export { EmbeddedStoreBusyError } from "./embedded/embedded-store.js";
export type { DatabaseTarget } from "./sql-executor.js";

export interface OpenDatabaseOptions {
  migrate?: boolean;
  onConnectionError?: (error: Error) => void;
  /**
   * For an embedded data dir: "bot" for `datadesk start` (refused while another bot runs on the
   * dir), "cli" (the default) for commands, which join a running bot's database.
   */
  role?: EmbeddedStoreOptions["role"];
  command?: string;
  onWait?: EmbeddedStoreOptions["onWait"];
  onEvent?: EmbeddedStoreOptions["onEvent"];
}

/** A connected database: Prisma for the models, raw SQL for migrations and search. */
export interface Database {
  prisma: PrismaClient;
  sql: SqlExecutor;
  close(): Promise<void>;
}

export async function openDatabase(
  target: DatabaseTarget,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  let prisma: PrismaClient;
  let sql: SqlExecutor;
  let migrateHere = options.migrate !== false;
  if (target.kind === "pglite" && target.dataDir !== null) {
    // A data dir has one owner process, which runs PGlite in a worker thread and serves it on a
    // private socket; this process is an ordinary Postgres client of it, owner or not.
    const store = await openEmbeddedStore(target.dataDir, {
      role: options.role ?? "cli",
      command: options.command ?? defaultCommand(),
      migrate: migrateHere,
      ...(options.onWait ? { onWait: options.onWait } : {}),
      onEvent: (event) => {
        if (event.kind === "connection-lost") options.onConnectionError?.(new Error(event.message));
        else options.onEvent?.(event);
      },
    });
    // The owner's worker migrated before it listened; a client migrates only what is missing.
    if (store.mode === "owner") migrateHere = false;
    const storeSql = postgresExecutor(store.pool, "pglite");
    sql = { ...storeSql, close: () => store.close() };
    prisma = new PrismaClient({ adapter: new PrismaPg(store.pool) });
  } else if (target.kind === "pglite") {
    // In memory (tests, benches): nobody else can open it, so it stays in this process.
    const pglite = await openPglite(null);
    sql = pgliteExecutor(pglite);
    prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  } else {
    const pool = createPostgresPool(target.url, options.onConnectionError);
    sql = postgresExecutor(pool);
    prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  }
  if (migrateHere) await migrate(sql);
  return {
    prisma,
    sql,
    async close() {
      await prisma.$disconnect();
      await sql.close();
    },
  };
}

function defaultCommand(): string {
  return ["datadesk", ...process.argv.slice(2)].join(" ");
}
