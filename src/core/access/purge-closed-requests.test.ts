import { describe, expect, it } from "vitest";
import {
  accessWorld,
  checklistValues,
  detailsValues,
  who,
} from "../../../test/fakes/core/in-memory-access-world.js";
import { PURGED_TEXT } from "../ports/audit-log.js";
import { exportAudit } from "./export-audit.js";
import { purgeClosedRequests } from "./purge-closed-requests.js";

const DAY = 24 * 60 * 60 * 1000;

/** Filed, asked, answered and denied: every kind of personal text a request collects. */
async function deniedRequest() {
  const world = await accessWorld({ start: "2025-01-10T10:00:00Z" });
  const { requestId } = await world.fileRequest();
  await world.submit(who.dana, "access.ask", requestId, { question: "Which years do you need?" });
  await world.submit(who.ana, "access.answer", requestId, { answer: "2019 to 2025, nights only" });
  await world.submit(who.dana, "access.deny", requestId, { reason: "Patient-level data cannot leave." });
  return { world, requestId };
}

describe("purging closed access requests", () => {
  it("erases the personal text after the period, keeps the request and every audit step in order", async () => {
    const { world, requestId } = await deniedRequest();
    const { deps } = world;
    const before = await deps.accessRequests.byId(requestId);
    const closedAt = before?.updatedAt ?? new Date(0);

    // One day short of the period: nothing happens.
    expect(await purgeClosedRequests(deps, new Date(closedAt.getTime() + 29 * DAY), { days: 30 })).toEqual({
      purged: 0,
    });
    expect((await deps.accessRequests.byId(requestId))?.details.purpose).toBe(detailsValues.purpose);

    const now = new Date(closedAt.getTime() + 30 * DAY);
    expect(await purgeClosedRequests(deps, now, { days: 30 })).toEqual({ purged: 1 });
    const after = await deps.accessRequests.byId(requestId);
    expect(after).toMatchObject({
      id: requestId,
      number: before?.number,
      status: "denied",
      dataset: before?.dataset,
      routes: before?.routes,
      messages: [],
      createdAt: before?.createdAt,
      decision: { outcome: "denied", byName: "Dana", reason: null, conditions: null },
      details: {
        purpose: "",
        intendedUse: "",
        organisation: "",
        checklist: { retentionPlan: "" },
        durationMonths: before?.details.durationMonths,
      },
    });
    expect(deps.accessRequests.purgedAt.get(requestId)).toEqual(now);

    const trail = await deps.auditLog.list(world.communityId, { subjectId: requestId });
    expect(trail.map((e) => e.action)).toEqual([
      "submitted",
      "routed",
      "info_requested",
      "info_provided",
      "denied",
      "purged",
    ]);
    expect(trail.map((e) => e.actorName)).toEqual([PURGED_TEXT, null, "Dana", PURGED_TEXT, "Dana", null]);
    expect(trail.filter((e) => e.reason !== null).every((e) => e.reason === PURGED_TEXT)).toBe(true);
    expect(trail.some((e) => e.actorId === world.ids.ana)).toBe(false);
    expect(trail.at(-1)?.details).toMatchObject({ retentionDays: "30" });

    const csv = await exportAudit(deps.auditLog, world.communityId, "csv");
    for (const text of [
      "Ana",
      detailsValues.purpose,
      detailsValues.organisation,
      "2019 to 2025",
      "Which years",
      checklistValues.retention,
      world.ids.ana,
    ])
      expect(csv).not.toContain(text);
    expect(csv).toContain("Dana");

    // A second run, or a second machine, finds nothing left to purge.
    expect(await purgeClosedRequests(deps, new Date(now.getTime() + DAY), { days: 30 })).toEqual({
      purged: 0,
    });
    expect((await deps.auditLog.list(world.communityId, { subjectId: requestId })).length).toBe(trail.length);
  });

  it("keeps open requests, running grants and everything when the period is 0", async () => {
    const world = await accessWorld({ start: "2025-01-10T10:00:00Z" });
    const { deps } = world;
    const open = await world.fileRequest();
    const granted = await world.fileRequest(who.ana, "parking");
    await world.submit(who.sam, "access.approve", granted.requestId, {
      expires: "2026-06-30",
      conditions: "Aggregates only",
    });
    const later = new Date("2026-01-15T00:00:00Z");
    expect(await purgeClosedRequests(deps, later, { days: 30 })).toEqual({ purged: 0 });
    expect(await purgeClosedRequests(deps, new Date("2030-01-01T00:00:00Z"), { days: 0 })).toEqual({
      purged: 0,
    });
    // The grant ended on 2026-06-30; thirty days after its end it goes, the open request stays.
    expect(await purgeClosedRequests(deps, new Date("2026-08-01T00:00:00Z"), { days: 30 })).toEqual({
      purged: 1,
    });
    expect((await deps.accessRequests.byId(granted.requestId))?.decision?.conditions).toBeNull();
    expect((await deps.accessRequests.byId(open.requestId))?.details.purpose).toBe(detailsValues.purpose);
  });

  it("purges each request in its own unit of work, together with its audit", async () => {
    const { world, requestId } = await deniedRequest();
    const { deps } = world;
    const runsBefore = deps.accessUnitOfWork.runs;
    deps.auditLog.append = () => Promise.reject(new Error("audit unavailable"));
    await expect(purgeClosedRequests(deps, new Date("2030-01-01T00:00:00Z"), { days: 1 })).rejects.toThrow(
      "audit unavailable",
    );
    expect(deps.accessUnitOfWork.runs).toBe(runsBefore + 1);
    expect(deps.auditLog.actionsOf(requestId)).not.toContain("purged");
  });
});
