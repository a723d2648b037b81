import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreDeps } from "../../src/core/bot/core-deps.js";
import { createDatadesk, type Datadesk } from "../../src/core/bot/create-datadesk.js";
import type { PlatformIdentity } from "../../src/core/shared/platform.js";
import { SqlStewardDirectory } from "../../src/store/access/sql-steward-directory.js";
import { datasetFixture } from "../fakes/core/dataset-fixture.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { buttonsOf, checklistValues, detailsValues, textOf } from "../fakes/core/in-memory-access-world.js";
import { coreDepsFor } from "../support/catalog-cli.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

const ana: PlatformIdentity = { platform: "slack", workspaceId: "T1", userId: "UANA", displayName: "Ana" };
const dana: PlatformIdentity = { platform: "slack", workspaceId: "T1", userId: "UDANA", displayName: "Dana" };

/**
 * An access request through createDatadesk over the SQL stores main.ts wires: filed, asked,
 * answered, approved, and the audit trail in order. On PGlite (one connection) any pool query
 * made inside a unit of work hangs, so this also proves the core and the stores agree on that.
 */
describe(`access requests over the SQL stores (${testDriver})`, () => {
  let db: TestDatabase;
  let deps: CoreDeps;
  let core: Datadesk;
  let datasetId: string;
  const clock = new FakeClock("2026-11-20T15:00:00Z");

  beforeAll(async () => {
    db = await openTestDatabase();
    deps = coreDepsFor(db, clock);
    core = createDatadesk(deps);
    const community = await deps.people.communityForWorkspace("slack", "T1");
    await deps.people.findOrCreateActor(ana, community, ["member"]);
    const steward = await deps.people.findOrCreateActor(dana, community, ["member"]);
    async function* records() {
      yield {
        ok: true as const,
        dataset: datasetFixture({
          key: "ambulance",
          title: "Ambulance Response Times",
          accessLevel: "restricted public",
        }),
      };
    }
    await deps.catalogs.syncCatalog(
      {
        communityId: community.id,
        name: "city",
        kind: "dcat",
        location: "/city.json",
        syncIntervalMinutes: null,
      },
      records(),
      clock.now(),
    );
    datasetId = (await deps.datasetSearch.findByKey(community.id, "ambulance", null))?.id ?? "";
    await new SqlStewardDirectory(db.sql).name(datasetId, steward.personId, clock.now());
  });
  afterAll(async () => db.drop());

  it("files, asks, answers and approves, with every step audited in order", async () => {
    const first = await core.handle(ana, {
      kind: "form",
      formId: "access.details",
      context: datasetId,
      values: detailsValues,
    });
    const draft = buttonsOf(first).find((b) => b.actionId === "access.checklist");
    expect(draft, textOf(first)).toBeDefined();
    const filed = await core.handle(ana, {
      kind: "form",
      formId: "access.checklist",
      context: draft?.value ?? "",
      values: checklistValues,
    });
    const requestId = buttonsOf(filed).find((b) => b.actionId === "access.withdraw")?.value ?? "";
    expect(requestId, textOf(filed)).not.toBe("");
    const request = await deps.accessRequests.byId(requestId);
    expect(request).toMatchObject({ status: "pending", routes: [{ level: "steward" }] });

    const review = await core.handle(dana, { kind: "action", actionId: "access.review", value: requestId });
    expect(textOf(review)).toContain("Ambulance Response Times");
    const form = (who: PlatformIdentity, formId: string, values: Record<string, string>) =>
      core.handle(who, { kind: "form", formId, context: requestId, values });
    await form(dana, "access.ask", { question: "Which years do you need?" });
    expect((await deps.accessRequests.byId(requestId))?.status).toBe("needs_info");
    await form(ana, "access.answer", { answer: "2019 to 2025" });
    expect((await deps.accessRequests.byId(requestId))?.status).toBe("pending");
    // The requester can never decide their own request.
    await form(ana, "access.approve", { expires: "2027-02-28", conditions: "" });
    expect((await deps.accessRequests.byId(requestId))?.status).toBe("pending");
    const approved = await form(dana, "access.approve", {
      expires: "2027-02-28",
      conditions: "District level only",
    });
    expect(textOf(approved)).toMatch(/approved until 2027-02-28/);
    const after = await deps.accessRequests.byId(requestId);
    await form(dana, "access.approve", { expires: "2027-03-31", conditions: "" });
    expect(await deps.accessRequests.byId(requestId)).toEqual(after);

    const community = request?.communityId ?? "";
    const actions = (await deps.auditLog.list(community, { subjectId: requestId })).map((e) => e.action);
    expect(actions).toEqual([
      "submitted",
      "routed",
      "info_requested",
      "info_provided",
      "decision_refused",
      "approved",
    ]);
    const outbox = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS "n" FROM "OutboxMessage" WHERE "communityId" = $1::uuid`,
      [community],
    );
    expect(outbox[0]?.n).toBeGreaterThan(3);
  }, 20_000);
});
