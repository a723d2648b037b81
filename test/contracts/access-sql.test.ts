import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewAccessRequest } from "../../src/core/access/ports.js";
import { type AccessWorld, sqlAccessWorld } from "./access-world.js";

const at = new Date(Date.UTC(2026, 10, 21, 12));

/** What only the SQL stores promise: the database itself refuses what the core must never do. */
describe("access stores on SQL only", () => {
  let world: AccessWorld;
  let ana: string;
  let dataset: string;
  const sql = () => {
    if (!world.sql) throw new Error("SQL world without SQL");
    return world.sql;
  };
  const request = (): NewAccessRequest => ({
    communityId: world.communityId,
    dataset: { id: dataset, title: "Ambulance response times", landingPage: null },
    requesterId: ana,
    platform: "slack",
    communityLocale: "en",
    details: {
      purpose: "p",
      intendedUse: "u",
      organisation: "o",
      linkedProblem: null,
      durationMonths: 1,
      checklist: { personalData: true, thirdParties: false, retentionPlan: "r", derivedPublished: false },
      termsAccepted: true,
    },
    route: { level: "triage", personIds: [], topic: null, targets: [], at },
  });
  beforeAll(async () => {
    world = await sqlAccessWorld();
    ana = await world.person("UANA", "Ana");
    dataset = await world.addDataset("Ambulance response times");
  });
  afterAll(async () => world.teardown());

  it("refuses to update, delete or truncate audit entries", async () => {
    const entry = await world.audit.append({
      communityId: world.communityId,
      at,
      actorId: null,
      actorName: null,
      platform: null,
      action: "reminded",
      subjectType: "access_request",
      subjectId: dataset,
      subjectRef: "AR-1",
      reason: null,
      details: {},
    });
    await expect(
      sql().query(`UPDATE "AuditEntry" SET "reason" = 'edited' WHERE "id" = $1::uuid`, [entry.id]),
    ).rejects.toThrow(/append-only/);
    await expect(sql().query(`DELETE FROM "AuditEntry" WHERE "id" = $1::uuid`, [entry.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(sql().query(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/);
    expect(await world.audit.list(world.communityId)).toEqual([entry]);
  });

  it("allows one open request per requester and dataset, even when two submissions race", async () => {
    const results = await Promise.allSettled([
      world.requests.create(request(), at),
      world.requests.create(request(), at),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("rolls a unit of work back whole: no request without its audit entry", async () => {
    const before = await world.requests.list({ communityId: world.communityId, limit: 100 });
    const ben = await world.person("UBEN", "Ben");
    await expect(
      world.unitOfWork.run(async (tx) => {
        await tx.requests.create({ ...request(), requesterId: ben }, at);
        throw new Error("the audit append failed");
      }),
    ).rejects.toThrow("the audit append failed");
    expect(await world.requests.list({ communityId: world.communityId, limit: 100 })).toEqual(before);
  });

  it("gives the unit its own directory: reads on the same connection, no PGlite deadlock", async () => {
    const cai = await world.person("UCAI", "Cai");
    const contact = await world.unitOfWork.run(async (tx) => {
      const filed = await tx.requests.create({ ...request(), requesterId: cai }, at);
      // Reads the unit's own uncommitted write: the same transaction, not the pool.
      const [found] = await tx.directory.contacts([filed.requesterId]);
      await tx.directory.config(world.communityId);
      return found;
    });
    expect(contact).toMatchObject({ personId: cai, displayName: "Cai" });
  }, 10_000);
});
