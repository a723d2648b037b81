import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";

/**
 * The raw SQL the store needs beyond Prisma (migrations, full-text search, advisory locks),
 * over either embedded PGlite or a real Postgres pool, so callers never branch on the driver.
 */
export interface SqlExecutor {
  readonly driver: "pglite" | "postgres";
  /** Runs one or more statements with no parameters (migration scripts). */
  exec(sql: string): Promise<void>;
  query<Row extends Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `fn` on one connection inside BEGIN/COMMIT, rolling back on error. */
  transaction<T>(fn: (tx: Pick<SqlExecutor, "exec" | "query">) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: "pglite"; dataDir: string | null } | { kind: "postgres"; url: string };

export async function openPglite(dataDir: string | null): Promise<PGlite> {
  // null → in-memory (tests); a directory → file-backed embedded database.
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Options-object form: PGlite ignores `extensions` when the first argument is undefined.
  const db = new PGlite({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
  await db.waitReady;
  return db;
}

export function pgliteExecutor(db: PGlite): SqlExecutor {
  return {
    driver: "pglite",
    async exec(sql) {
      await db.exec(sql);
    },
    async query(sql, params = []) {
      const result = await db.query(sql, [...params]);
      return result.rows as never;
    },
    async transaction(fn) {
      return db.transaction(async (tx) =>
        fn({
          async exec(sql) {
            await tx.exec(sql);
          },
          async query(sql, params = []) {
            const result = await tx.query(sql, [...params]);
            return result.rows as never;
          },
        }),
      );
    },
    async close() {
      if (!db.closed) await db.close();
    },
  };
}

/**
 * `driver` says which engine answers, not how we reach it: the embedded PGlite served over its
 * private socket is still one single-session backend, so code that picks locks by engine treats
 * it as PGlite.
 */
export function postgresExecutor(pool: pg.Pool, driver: SqlExecutor["driver"] = "postgres"): SqlExecutor {
  return {
    driver,
    async exec(sql) {
      await pool.query(sql);
    },
    async query(sql, params = []) {
      const result = await pool.query(sql, [...params]);
      return result.rows;
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const value = await fn({
          async exec(sql) {
            await client.query(sql);
          },
          async query(sql, params = []) {
            return (await client.query(sql, [...params])).rows;
          },
        });
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * A pool that survives losing idle connections. When Postgres restarts or an admin terminates
 * a backend, pg emits 'error' for the idle client on the pool and drops it; the next query opens
 * a fresh connection. Without a listener Node treats that event as fatal and the bot would exit.
 */
export function createPostgresPool(url: string, onIdleError: (error: Error) => void = () => {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on("error", onIdleError);
  return pool;
}
