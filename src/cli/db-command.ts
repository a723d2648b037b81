import { loadConfig } from "../config.js";
import { openDatabase } from "../store/database.js";
import { migrate } from "../store/migrations.js";

/** `datadesk db migrate`: applies pending migrations and says what it did. */
export async function dbMigrateCommand(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config.database, { migrate: false });
  try {
    const result = await migrate(db.sql);
    const where =
      config.database.kind === "postgres" ? "Postgres" : `embedded database in ${config.database.dataDir}`;
    if (result.applied.length === 0) {
      process.stdout.write(
        `Database is up to date (${result.alreadyApplied.length} migrations, ${where}).\n`,
      );
    } else {
      for (const name of result.applied) process.stdout.write(`Applied ${name}\n`);
      process.stdout.write(`${result.applied.length} migration(s) applied to the ${where}.\n`);
    }
  } finally {
    await db.close();
  }
}
