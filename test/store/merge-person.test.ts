import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCatalogSourceReader } from "../../src/catalog-sources/index.js";
import { writeCatalogSync } from "../../src/store/catalog/catalog-sync-writer.js";
import { mergePerson, personReferences } from "../../src/store/people/merge-person.js";
import { timeOrderedId } from "../../src/store/time-ordered-id.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const catalogPath = resolve(import.meta.dirname, "../fixtures/restricted-catalog.json");

/**
 * Linking accounts merges two people. Everything that points at the merged person must follow
 * to the kept one: a row left behind either blocks the link (a RESTRICT key) or is lost with the
 * person (a CASCADE key).
 */
describe(`merging people (${testDriver})`, () => {
  let db: TestDatabase;
  let communityId: string;
  beforeAll(async () => {
    db = await openTestDatabase();
    const [community] = await db.sql.query<{ id: string }>(`SELECT "id" FROM "Community" LIMIT 1`);
    communityId = community?.id ?? "";
  });
  afterAll(async () => db.drop());

  const person = async (name: string) => {
    const id = timeOrderedId();
    await db.sql.query(`INSERT INTO "Person" ("id", "displayName") VALUES ($1::uuid, $2)`, [id, name]);
    return id;
  };

  it("knows what to do with every foreign key to Person in the schema", async () => {
    const keys = await db.sql.query<{ key: string }>(
      `SELECT cl.relname || '.' || a.attname AS "key"
         FROM pg_constraint c
         JOIN pg_class cl ON cl.oid = c.conrelid
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
        WHERE c.contype = 'f' AND c.confrelid = '"Person"'::regclass`,
    );
    expect(keys.map((row) => row.key).sort()).toEqual(Object.keys(personReferences).sort());
  });

  it("moves showcases, access requests, stewardships and digest subscriptions to the kept person", async () => {
    await writeCatalogSync(
      db.sql,
      { communityId, name: "merge", kind: "dcat", location: catalogPath },
      createCatalogSourceReader().read(catalogPath, "dcat"),
      new Date(),
    );
    const [dataset] = await db.sql.query<{ id: string }>(`SELECT "id" FROM "Dataset" LIMIT 1`);
    const datasetId = dataset?.id ?? "";
    const from = await person("Rosa on Discord");
    const into = await person("Rosa on Slack");
    const sam = await person("Sam");

    await db.sql.query(
      `INSERT INTO "Showcase" ("id", "communityId", "number", "title", "summary", "link", "team", "kind", "submitterId", "platform", "reviewerId")
       VALUES ($1::uuid, $2::uuid, 901, 'Bus bunching map', 'A map', 'https://example.org/map', 'Rosa', 'app', $3::uuid, 'discord', $3::uuid)`,
      [timeOrderedId(), communityId, from],
    );
    const routes = JSON.stringify([{ level: "steward", personIds: [from, sam] }]);
    await db.sql.query(
      `INSERT INTO "AccessRequest" ("id", "communityId", "number", "datasetId", "datasetTitle", "requesterId", "platform",
                                    "communityLocale", "details", "routes", "waitingSince")
       VALUES ($1::uuid, $2::uuid, 901, $3::uuid, 'Bus GPS', $4::uuid, 'discord', 'en', '{}', $5::jsonb, now()),
              ($6::uuid, $2::uuid, 902, $3::uuid, 'Bus GPS', $7::uuid, 'slack', 'en', '{}', $5::jsonb, now())`,
      [timeOrderedId(), communityId, datasetId, from, routes, timeOrderedId(), sam],
    );
    for (const who of [from, into])
      await db.sql.query(
        `INSERT INTO "DatasetSteward" ("id", "datasetId", "personId") VALUES ($1::uuid, $2::uuid, $3::uuid)`,
        [timeOrderedId(), datasetId, who],
      );
    await db.sql.query(
      `INSERT INTO "DigestSubscription" ("id", "personId", "communityId", "sections") VALUES ($1::uuid, $2::uuid, $3::uuid, '{impact}')`,
      [timeOrderedId(), from, communityId],
    );

    await db.sql.transaction((tx) => mergePerson(tx, from, into));

    expect(await db.sql.query(`SELECT 1 FROM "Person" WHERE "id" = $1::uuid`, [from])).toHaveLength(0);
    const [showcase] = await db.sql.query<{ submitterId: string; reviewerId: string }>(
      `SELECT "submitterId", "reviewerId" FROM "Showcase" WHERE "number" = 901`,
    );
    expect(showcase).toEqual({ submitterId: into, reviewerId: into });
    const requests = await db.sql.query<{ number: number; requesterId: string; routes: unknown }>(
      `SELECT "number", "requesterId", "routes" FROM "AccessRequest" WHERE "number" IN (901, 902) ORDER BY "number"`,
    );
    expect(requests.map((r) => r.requesterId)).toEqual([into, sam]);
    // Sam's request was routed to the merged steward: the kept one can decide it now.
    expect(requests[1]?.routes).toEqual([{ level: "steward", personIds: [into, sam] }]);
    const stewards = await db.sql.query<{ personId: string }>(
      `SELECT "personId" FROM "DatasetSteward" WHERE "datasetId" = $1::uuid`,
      [datasetId],
    );
    expect(stewards).toEqual([{ personId: into }]);
    const subscriptions = await db.sql.query<{ personId: string; sections: string[] }>(
      `SELECT "personId", "sections" FROM "DigestSubscription" WHERE "communityId" = $1::uuid`,
      [communityId],
    );
    expect(subscriptions).toEqual([{ personId: into, sections: ["impact"] }]);
  });

  it("keeps one notice per sync run and per overdue spell when both people were told", async () => {
    const [dataset] = await db.sql.query<{ id: string; sourceId: string }>(
      `SELECT "id", "sourceId" FROM "Dataset" LIMIT 1`,
    );
    const datasetId = dataset?.id ?? "";
    const [run] = await db.sql.query<{ id: string }>(
      `INSERT INTO "SyncRun" ("id", "sourceId", "status") VALUES (gen_random_uuid(), $1::uuid, 'succeeded') RETURNING "id"`,
      [dataset?.sourceId],
    );
    const from = await person("Lee on Discord");
    const into = await person("Lee on Slack");
    for (const who of [from, into]) {
      await db.sql.query(
        `INSERT INTO "WatchRunNotice" ("id", "personId", "runId", "changes") VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 3)`,
        [who, run?.id],
      );
      await db.sql.query(
        `INSERT INTO "WatchOverdueNotice" ("id", "personId", "datasetId", "overdueFrom")
         VALUES (gen_random_uuid(), $1::uuid, $2::uuid, '2026-01-01')`,
        [who, datasetId],
      );
    }
    // Told of another spell only as the merged person: that row moves.
    await db.sql.query(
      `INSERT INTO "WatchOverdueNotice" ("id", "personId", "datasetId", "overdueFrom")
       VALUES (gen_random_uuid(), $1::uuid, $2::uuid, '2025-01-01')`,
      [from, datasetId],
    );

    await db.sql.transaction((tx) => mergePerson(tx, from, into));

    const owners = async (table: string) =>
      (
        await db.sql.query<{ personId: string }>(
          `SELECT "personId" FROM "${table}" WHERE "personId" IN ($1::uuid, $2::uuid)`,
          [from, into],
        )
      ).map((row) => row.personId);
    expect(await owners("WatchRunNotice")).toEqual([into]);
    expect(await owners("WatchOverdueNotice")).toEqual([into, into]);
  });
});
