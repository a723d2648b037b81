import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultMigrationsDir, migrate, readMigrations } from "../../src/store/migrations.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

function copyOfMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), "migrations-"));
  cpSync(defaultMigrationsDir, dir, { recursive: true });
  return dir;
}

describe(`migration runner (${testDriver})`, () => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  it("records every migration the way Prisma Migrate does and is idempotent", async () => {
    db = await openTestDatabase({ community: false });
    const files = await readMigrations();
    const rows = await db.sql.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
    const again = await migrate(db.sql);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(files.map((f) => f.name));
  });

  it("refuses a migration edited after it was applied", async () => {
    db = await openTestDatabase({ community: false });
    const dir = copyOfMigrations();
    const first = (await readMigrations(dir))[0];
    writeFileSync(join(dir, first?.name ?? "", "migration.sql"), `${first?.sql}\n-- edited\n`);
    await expect(migrate(db.sql, dir)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls a failing migration back completely and says which one failed", async () => {
    db = await openTestDatabase({ community: false });
    const dir = copyOfMigrations();
    mkdirSync(join(dir, "29990101000000_broken"));
    writeFileSync(
      join(dir, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n`,
    );
    await expect(migrate(db.sql, dir)).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const half = await db.sql.query(`SELECT to_regclass('"Half"') AS t`);
    expect(half[0]?.t).toBeNull();
    const recorded = await db.sql.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
    );
    expect(recorded).toEqual([]);
  });

  it.runIf(testDriver === "postgres")(
    "lets concurrent runners on one Postgres apply each migration once",
    async () => {
      db = await openTestDatabase({ community: false });
      await db.sql.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
      const results = await Promise.all([migrate(db.sql), migrate(db.sql), migrate(db.sql)]);
      const appliedCounts = results.map((r) => r.applied.length);
      expect(appliedCounts.filter((n) => n > 0)).toHaveLength(1);
      const rows = await db.sql.query(`SELECT migration_name FROM "_prisma_migrations"`);
      expect(rows).toHaveLength((await readMigrations()).length);
    },
  );
});
