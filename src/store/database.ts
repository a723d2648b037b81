import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.js";
import { migrate } from "./migrations.js";
import {
  createPostgresPool,
  type DatabaseTarget,
  openPglite,
  pgliteExecutor,
  postgresExecutor,
  type SqlExecutor,
} from "./sql-executor.js";

export type { DatabaseTarget } from "./sql-executor.js";

/** A connected database: Prisma for the models, raw SQL for migrations and search. */
export interface Database {
  prisma: PrismaClient;
  sql: SqlExecutor;
  close(): Promise<void>;
}

export async function openDatabase(
  target: DatabaseTarget,
  options: { migrate?: boolean; onConnectionError?: (error: Error) => void } = {},
): Promise<Database> {
  let prisma: PrismaClient;
  let sql: SqlExecutor;
  if (target.kind === "pglite") {
    const pglite = await openPglite(target.dataDir);
    sql = pgliteExecutor(pglite);
    prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  } else {
    const pool = createPostgresPool(target.url, options.onConnectionError);
    sql = postgresExecutor(pool);
    prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  }
  if (options.migrate !== false) await migrate(sql);
  return {
    prisma,
    sql,
    async close() {
      await prisma.$disconnect();
      await sql.close();
    },
  };
}
