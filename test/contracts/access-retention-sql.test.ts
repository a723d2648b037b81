import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportAudit } from "../../src/core/access/export-audit.js";
import type { AccessUnitOfWork } from "../../src/core/access/ports.js";
import { purgeClosedRequests } from "../../src/core/access/purge-closed-requests.js";
import type { CoreDeps } from "../../src/core/bot/core-deps.js";
import { createDatadesk, type Datadesk } from "../../src/core/bot/create-datadesk.js";
import type { PlatformIdentity } from "../../src/core/shared/platform.js";
import { SqlStewardDirectory } from "../../src/store/access/sql-steward-directory.js";
import { datasetFixture } from "../fakes/core/dataset-fixture.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { buttonsOf, checklistValues, detailsValues, textOf } from "../fakes/core/in-memory-access-world.js";
import { coreDepsFor } from "../support/catalog-cli.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const ana: PlatformIdentity = {
  platform: "slack",
  workspaceId: "T1",
  userId: "UANA",
  displayName: "Ana Requester",
};
const dana: PlatformIdentity = { platform: "slack", workspaceId: "T1", userId: "UDANA", displayName: "Dana" };

const QUESTION = "Which years do you need exactly?";
const ANSWER = "From 2019 to 2025, night calls only";
const DENIAL = "Patient-level data cannot leave the city.";
const ABANDONED = "An abandoned second request about rodents";
/** Every piece of text Ana (or a decider, about her request) typed. */
const PERSONAL = [
  detailsValues.purpose,
  detailsValues.intended_use,
  detailsValues.organisation,
  checklistValues.retention,
  QUESTION,
  ANSWER,
  DENIAL,
  ABANDONED,
];

/** Every text-like column of every table: where personal text could still hide after a purge. */
async function columnsHolding(db: TestDatabase, needle: string): Promise<string[]> {
  const columns = await db.sql.query<{ table: string; column: string }>(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
      WHERE table_schema = 'public'
        AND (data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'bytea', 'USER-DEFINED'))`,
  );
  expect(columns.length).toBeGreaterThan(50);
  const found: string[] = [];
  for (const { table, column } of columns) {
    const [row] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS "n" FROM "${table}" WHERE position($1 in "${column}"::text) > 0`,
      [needle],
    );
    if ((row?.n ?? 0) > 0) found.push(`${table}.${column}`);
  }
  return found;
}

/**
 * Retention over the SQL stores main.ts wires: a request filed, asked, answered and denied through
 * createDatadesk, then purged. Afterwards no column of any table holds what was typed, the audit
 * trail still lists every step in order (its trigger untouched), and its export names no requester.
 */
describe(`retention of access requests over SQL (${testDriver})`, () => {
  let db: TestDatabase;
  let deps: CoreDeps;
  let core: Datadesk;
  let communityId: string;
  let anaId: string;
  const datasetIds: Record<string, string> = {};
  const clock = new FakeClock("2025-03-03T15:00:00Z");
  const form = (who: PlatformIdentity, formId: string, context: string, values: Record<string, string>) =>
    core.handle(who, { kind: "form", formId, context, values });

  async function fileDeniedRequest(): Promise<string> {
    const first = await form(ana, "access.details", datasetIds.ambulance ?? "", detailsValues);
    const draft = buttonsOf(first).find((b) => b.actionId === "access.checklist");
    expect(draft, textOf(first)).toBeDefined();
    const filed = await form(ana, "access.checklist", draft?.value ?? "", checklistValues);
    const requestId = buttonsOf(filed).find((b) => b.actionId === "access.withdraw")?.value ?? "";
    expect(requestId, textOf(filed)).not.toBe("");
    await form(dana, "access.ask", requestId, { question: QUESTION });
    await form(ana, "access.answer", requestId, { answer: ANSWER });
    expect(await deps.accessRequests.markOnce(requestId, "reminder:1", clock.now())).toBe(true);
    // Step one of a request Ana never finished: a draft left behind.
    const abandoned = await form(ana, "access.details", datasetIds.clinics ?? "", {
      ...detailsValues,
      purpose: ABANDONED,
    });
    expect(buttonsOf(abandoned).some((b) => b.actionId === "access.checklist")).toBe(true);
    clock.advanceMinutes(60);
    await form(dana, "access.deny", requestId, { reason: DENIAL });
    expect((await deps.accessRequests.byId(requestId))?.status).toBe("denied");
    return requestId;
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    deps = coreDepsFor(db, clock);
    core = createDatadesk(deps);
    const community = await deps.people.communityForWorkspace("slack", "T1");
    communityId = community.id;
    anaId = (await deps.people.findOrCreateActor(ana, community, ["member"])).personId;
    const steward = await deps.people.findOrCreateActor(dana, community, ["member"]);
    async function* records() {
      for (const key of ["ambulance", "clinics"])
        yield {
          ok: true as const,
          dataset: datasetFixture({ key, title: `Restricted ${key}`, accessLevel: "restricted public" }),
        };
    }
    await deps.catalogs.syncCatalog(
      { communityId, name: "city", kind: "dcat", location: "/city.json", syncIntervalMinutes: null },
      records(),
      clock.now(),
    );
    for (const key of ["ambulance", "clinics"]) {
      datasetIds[key] = (await deps.datasetSearch.findByKey(communityId, key, null))?.id ?? "";
      await new SqlStewardDirectory(db.sql).name(datasetIds[key] ?? "", steward.personId, clock.now());
    }
  });
  afterAll(async () => db.drop());

  it("leaves no typed text in any column, every audit step in order, and no requester in the export", async () => {
    const requestId = await fileDeniedRequest();
    for (const text of [detailsValues.purpose, ANSWER, DENIAL, ABANDONED])
      expect(await columnsHolding(db, text), text).not.toEqual([]);
    // What the audit stores for the request is sealed already: the text is not in it as text.
    expect(await columnsHolding(db, ANSWER)).not.toContain("AuditEntry.reason");
    const trailBefore = await deps.auditLog.list(communityId, { subjectId: requestId });
    expect(trailBefore.find((e) => e.action === "info_provided")).toMatchObject({
      reason: ANSWER,
      actorName: "Ana Requester",
      actorId: anaId,
    });

    // A year and a day later.
    clock.advanceMs(366 * 24 * 60 * 60 * 1000);
    expect(await purgeClosedRequests(deps, clock.now(), { days: 365 })).toEqual({ purged: 1 });

    for (const text of PERSONAL) expect(await columnsHolding(db, text), text).toEqual([]);
    const counts = await db.sql.query<{ marks: number; outbox: number; drafts: number; purged: boolean }>(
      `SELECT (SELECT count(*)::int FROM "AccessRequestMark" WHERE "requestId" = $1::uuid) AS "marks",
              (SELECT count(*)::int FROM "OutboxMessage" WHERE "dedupeKey" LIKE 'access:' || $1 || ':%') AS "outbox",
              (SELECT count(*)::int FROM "FormDraft" WHERE "personId" = $2::uuid) AS "drafts",
              (SELECT "purgedAt" IS NOT NULL AND "auditKey" IS NULL FROM "AccessRequest" WHERE "id" = $1::uuid) AS "purged"`,
      [requestId, anaId],
    );
    expect(counts[0]).toEqual({ marks: 0, outbox: 0, drafts: 0, purged: true });

    const trail = await deps.auditLog.list(communityId, { subjectId: requestId });
    expect(trail.map((e) => e.action)).toEqual([
      "submitted",
      "routed",
      "info_requested",
      "info_provided",
      "denied",
      "purged",
    ]);
    expect(trail.slice(0, -1).map((e) => e.id)).toEqual(trailBefore.map((e) => e.id));
    expect(trail.map((e) => e.actorName)).toEqual(["(purged)", null, "Dana", "(purged)", "Dana", null]);

    const csv = await exportAudit(deps.auditLog, communityId, "csv");
    const json = await exportAudit(deps.auditLog, communityId, "json");
    for (const text of ["Ana Requester", anaId, ...PERSONAL]) {
      expect(csv).not.toContain(text);
      expect(json).not.toContain(text);
    }
    expect(csv).toContain("Dana");

    // The append-only trigger is untouched: the log still refuses to be rewritten.
    const triggers = await db.sql.query<{ name: string }>(
      `SELECT tgname AS "name" FROM pg_trigger WHERE tgrelid = '"AuditEntry"'::regclass AND NOT tgisinternal ORDER BY 1`,
    );
    expect(triggers.map((t) => t.name)).toEqual(["AuditEntry_append_only", "AuditEntry_no_truncate"]);
    await expect(
      db.sql.query(`UPDATE "AuditEntry" SET "reason" = NULL WHERE "subjectId" = $1::uuid`, [requestId]),
    ).rejects.toThrow(/append-only/);

    // Nothing is purged twice.
    expect(await purgeClosedRequests(deps, clock.now(), { days: 365 })).toEqual({ purged: 0 });
    expect((await deps.auditLog.list(communityId, { subjectId: requestId })).length).toBe(trail.length);
  }, 60_000);

  it("writes nothing when the purge's audit entry cannot be written (one transaction)", async () => {
    clock.set("2025-06-02T09:00:00Z");
    const requestId = await fileDeniedRequest();
    const failingAudit: AccessUnitOfWork = {
      run: (fn) =>
        deps.accessUnitOfWork.run((tx) =>
          fn({
            ...tx,
            audit: {
              list: (c, f) => tx.audit.list(c, f),
              forgetPersonalText: (s, p) => tx.audit.forgetPersonalText(s, p),
              append: () => Promise.reject(new Error("disk full")),
            },
          }),
        ),
    };
    clock.advanceMs(400 * 24 * 60 * 60 * 1000);
    await expect(
      purgeClosedRequests({ ...deps, accessUnitOfWork: failingAudit }, clock.now(), { days: 365 }),
    ).rejects.toThrow("disk full");
    const kept = await deps.accessRequests.byId(requestId);
    expect(kept?.details.purpose).toBe(detailsValues.purpose);
    expect((await deps.auditLog.list(communityId, { subjectId: requestId })).at(-1)).toMatchObject({
      action: "denied",
      reason: DENIAL,
    });
    expect(await purgeClosedRequests(deps, clock.now(), { days: 365 })).toEqual({ purged: 1 });
  }, 60_000);
});
