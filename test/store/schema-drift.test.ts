import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaDrift } from "../support/schema-drift.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const schemaPath = resolve("prisma/schema.prisma");

describe(`schema.prisma and the migrated database agree (${testDriver})`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase({ community: false });
  });
  afterAll(async () => db.drop());

  it("has no drift", async () => {
    expect(await schemaDrift(db.sql, schemaPath)).toEqual([]);
  });

  it("notices a field the migrations do not create", async () => {
    const dir = mkdtempSync(join(tmpdir(), "drift-"));
    const edited = readFileSync(schemaPath, "utf8").replace(
      "  locale      String?\n  createdAt   DateTime @default(now()) @db.Timestamptz(3)\n\n  accounts",
      "  locale      String?\n  nickname    String\n  createdAt   DateTime @default(now()) @db.Timestamptz(3)\n\n  accounts",
    );
    expect(edited).toContain("nickname");
    writeFileSync(join(dir, "schema.prisma"), edited);
    expect(await schemaDrift(db.sql, join(dir, "schema.prisma"))).toContain("Person.nickname is missing");
  });

  it("notices a column, index or nullability the schema does not know", async () => {
    const dir = mkdtempSync(join(tmpdir(), "drift-"));
    copyFileSync(schemaPath, join(dir, "schema.prisma"));
    await db.sql.exec(
      `ALTER TABLE "Person" ADD COLUMN "shadow" TEXT; CREATE INDEX "Person_shadow_idx" ON "Person"("shadow"); ALTER TABLE "Community" ALTER COLUMN "name" DROP NOT NULL;`,
    );
    const problems = await schemaDrift(db.sql, join(dir, "schema.prisma"));
    await db.sql.exec(
      `DROP INDEX "Person_shadow_idx"; ALTER TABLE "Person" DROP COLUMN "shadow"; ALTER TABLE "Community" ALTER COLUMN "name" SET NOT NULL;`,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "Person.shadow is in the database but not in schema.prisma",
        "index Person_shadow_idx is in the database but not in schema.prisma",
        "Community.name: nullability differs",
      ]),
    );
  });
});
