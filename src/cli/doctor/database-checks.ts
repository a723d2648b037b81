import type { Config } from "../../config.js";
import type { Platform } from "../../generated/prisma/client.js";
import { type Database, openDatabase } from "../../store/database.js";
import { DEFAULT_COMMUNITY_SLUG } from "../../store/default-community.js";
import { readMigrations } from "../../store/migrations.js";
import { type ConfiguredChannels, type DoctorCheck, fail, ok, warn } from "./doctor-check.js";

export interface DatabaseFindings {
  checks: DoctorCheck[];
  /** Channels each platform's workspaces/guilds are set up to use, for the platform checks. */
  channels: (platform: Platform) => Promise<ConfiguredChannels[]>;
  close(): Promise<void>;
}

/**
 * Database reachable and migrated, a catalog imported and how its last sync went. Opened without
 * migrating, so the doctor reports a pending migration instead of applying it (an embedded data
 * dir's owner always migrates as it opens: that check then passes by construction).
 */
export async function databaseChecks(config: Config): Promise<DatabaseFindings> {
  const where = config.database.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : "the embedded data dir";
  let db: Database;
  try {
    db = await openDatabase(config.database, { migrate: false, command: "datadesk doctor" });
    await db.sql.query("SELECT 1");
  } catch (error) {
    return {
      checks: [
        fail(
          `database: cannot reach ${where} (${error instanceof Error ? error.message : String(error)})`,
          config.database.kind === "postgres"
            ? "check DATABASE_URL (host, port, user, password, database) and that PostgreSQL is running"
            : "check DATADESK_DATA_DIR is writable and not held by another program",
        ),
      ],
      channels: async () => [],
      close: async () => {},
    };
  }
  const checks: DoctorCheck[] = [ok(`database: ${where} is reachable`)];
  const files = await readMigrations();
  const applied = await appliedMigrations(db);
  const pending = files.filter((f) => !applied.has(f.name)).map((f) => f.name);
  checks.push(
    pending.length === 0
      ? ok(`database: all ${files.length} migrations applied`)
      : fail(
          `database: ${pending.length} migration(s) not applied (${pending.join(", ")})`,
          "run `datadesk db migrate` (datadesk start also applies them)",
        ),
  );
  if (pending.length === 0) checks.push(await catalogCheck(db));
  return {
    checks,
    channels: (platform) => configuredChannels(db, platform),
    close: () => db.close(),
  };
}

async function appliedMigrations(db: Database): Promise<Set<string>> {
  try {
    const rows = await db.sql.query<{ migration_name: string }>(
      `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    return new Set(rows.map((r) => r.migration_name));
  } catch {
    return new Set(); // no migrations table yet: a brand-new database
  }
}

async function catalogCheck(db: Database): Promise<DoctorCheck> {
  const rows = await db.sql.query<{
    name: string;
    status: string | null;
    error: string | null;
    datasets: number;
  }>(
    `SELECT s."name",
            (SELECT r."status"::text FROM "SyncRun" r WHERE r."sourceId" = s."id" ORDER BY r."startedAt" DESC LIMIT 1) AS status,
            (SELECT r."error" FROM "SyncRun" r WHERE r."sourceId" = s."id" ORDER BY r."startedAt" DESC LIMIT 1) AS error,
            (SELECT count(*)::int FROM "Dataset" d WHERE d."sourceId" = s."id" AND d."removedAt" IS NULL) AS datasets
       FROM "CatalogSource" s JOIN "Community" c ON c."id" = s."communityId"
      WHERE c."slug" = $1 ORDER BY s."name"`,
    [DEFAULT_COMMUNITY_SLUG],
  );
  if (rows.length === 0) {
    return warn(
      "catalog: none imported, so every question is answered with “No data catalog yet”",
      "run `datadesk catalog import <file|url>` (or answer yes to the sample on the console's first run)",
    );
  }
  const failed = rows.filter((r) => r.status === "failed");
  if (failed.length > 0) {
    const first = failed[0];
    return warn(
      `catalog: the last sync of ${failed.map((r) => `"${r.name}"`).join(", ")} failed${first?.error ? ` (${first.error})` : ""}`,
      `fix the source, then run \`datadesk catalog sync ${first?.name ?? ""}\``,
    );
  }
  const summary = rows.map((r) => `${r.name}: ${r.datasets} datasets, last sync ${r.status ?? "never"}`);
  return ok(`catalog: ${summary.join("; ")}`);
}

async function configuredChannels(db: Database, platform: Platform): Promise<ConfiguredChannels[]> {
  const rows = await db.prisma.communityPlatform.findMany({ where: { platform } });
  return rows.map((row) => ({
    workspaceId: row.workspaceId,
    channels: (
      [
        ["problems", row.problemChannelId],
        ["triage", row.triageChannelId],
        ["showcases", row.showcaseChannelId],
        ["digest", row.digestChannelId],
      ] as const
    ).flatMap(([purpose, id]) => (id ? [{ purpose, id }] : [])),
  }));
}
