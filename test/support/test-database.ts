import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../../src/store/database.js";
import { ensureDefaultCommunity } from "../../src/store/default-community.js";

/**
 * A fresh, migrated database for one test file. Embedded PGlite in memory by default; when
 * DATABASE_URL is set (CI's second pass), a throwaway database on that Postgres server, so the
 * same tests prove both drivers.
 */
export interface TestDatabase extends Database {
  driver: "pglite" | "postgres";
  /** Connection URL when on Postgres (for tests that start a second process). */
  url: string | null;
  drop(): Promise<void>;
}

export const testDriver: "pglite" | "postgres" = process.env.DATABASE_URL ? "postgres" : "pglite";

export async function openTestDatabase(options: { community?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ kind: "pglite", dataDir: null });
    if (options.community !== false) await ensureDefaultCommunity(db.prisma, { name: "Test Community" });
    return { ...db, driver: "pglite", url: null, drop: () => db.close() };
  }
  const name = `datadesk_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgres", url: url.toString() });
  if (options.community !== false) await ensureDefaultCommunity(db.prisma, { name: "Test Community" });
  return {
    ...db,
    driver: "postgres",
    url: url.toString(),
    async drop() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
