import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

describe.runIf(testDriver === "postgres")("a Postgres connection terminated by the server", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase({ community: false });
  });
  afterAll(async () => db?.drop());

  it("is replaced on the next query instead of crashing the process", async () => {
    await db.sql.query("SELECT 1");
    // What a Postgres restart or an admin's pg_terminate_backend does to idle connections.
    const admin = await openTestDatabase({ community: false });
    await admin.sql.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`.replace(
        "current_database()",
        `'${new URL(db.url ?? "").pathname.slice(1)}'`,
      ),
    );
    await admin.drop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const rows = await db.sql.query<{ ok: number }>("SELECT 1 AS ok");
    expect(rows).toEqual([{ ok: 1 }]);
  });
});
