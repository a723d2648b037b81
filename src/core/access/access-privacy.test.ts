import { describe, expect, it } from "vitest";
import {
  accessWorld,
  channels,
  checklistValues,
  detailsValues,
  expectPrivate,
  recipient,
  who,
} from "../../../test/fakes/core/in-memory-access-world.js";
import { cardPlainText } from "../shared/card.js";
import type { PlatformIdentity } from "../shared/platform.js";
import { runAccessReminders } from "./access-sla.js";
import { resolveRequestsForPublicDatasets } from "./resolve-public-datasets.js";

describe("privacy of access requests", () => {
  it("sends request details only to the requester, the people it is routed to, or the private triage channel", async () => {
    const world = await accessWorld({ timezone: "Europe/Madrid" });
    const secrets = {
      purpose: "SECRET-PURPOSE about the night shifts of ambulances",
      organisation: "SECRET-ORG Residents",
      retention: "SECRET-RETENTION kept for one year then wiped",
      question: "SECRET-QUESTION which districts?",
      answer: "SECRET-ANSWER the northern ones",
      conditions: "SECRET-CONDITIONS aggregate first",
      reason: "SECRET-REASON not for commercial use",
    };
    const details = { ...detailsValues, purpose: secrets.purpose, organisation: secrets.organisation };
    const file = async (identity: PlatformIdentity = who.ana, key = "ambulance") => {
      const first = await world.submit(identity, "access.details", world.dataset(key), details);
      const draft =
        first.kind === "card"
          ? first.card.blocks.flatMap((b) => (b.type === "actions" ? b.actions : []))
          : [];
      const draftId = draft.find((a) => a.kind === "button" && a.actionId === "access.checklist");
      if (draftId?.kind !== "button") throw new Error("no draft");
      await world.submit(identity, "access.checklist", draftId.value, {
        ...checklistValues,
        retention: secrets.retention,
      });
      const [request] = await world.deps.accessRequests.list({ communityId: world.communityId, limit: 1 });
      if (!request) throw new Error("not filed");
      return request.id;
    };

    // Every routing level, every kind of step: question and answer, approve, deny, withdraw,
    // reminders and escalations, expiry, auto-resolve.
    const a = await file(who.ana, "ambulance");
    await world.submit(who.dana, "access.ask", a, { question: secrets.question });
    await world.submit(who.ana, "access.answer", a, { answer: secrets.answer });
    await world.submit(who.dana, "access.approve", a, {
      expires: "2027-01-10",
      conditions: secrets.conditions,
    });
    world.deps.stewards.setEmail(world.communityId, world.ids.eve, "clinics@city.example");
    const b = await file(who.ben, "clinics");
    await world.submit(who.eve, "access.deny", b, { reason: secrets.reason });
    const c = await file(who.eve, "clinics");
    await world.press(who.eve, "access.withdraw", c);
    world.deps.stewards.stewards.clear();
    await file(who.ben, "parking");
    await file(who.ana, "clinics");
    for (const day of ["2026-11-25", "2026-12-01", "2026-12-08", "2027-01-05", "2027-01-11"]) {
      world.deps.clock.set(`${day}T12:00:00Z`);
      await runAccessReminders(world.deps, world.deps.clock.now(), {
        reminderBusinessDays: 2,
        escalationBusinessDays: 3,
        expiryNoticeDays: 7,
      });
    }
    await world.resync({ parking: { accessLevel: "public" } });
    await resolveRequestsForPublicDatasets(
      world.deps,
      world.communityId,
      [world.dataset("parking")],
      world.deps.clock.now(),
    );

    const messages = world.deps.outbox.messages;
    expect(messages.length).toBeGreaterThan(20);
    expectPrivate(messages);
    const requests = await world.deps.accessRequests.list({ communityId: world.communityId, limit: 100 });
    const allowed = new Map<string, Set<string>>();
    for (const request of requests) {
      const contacts = await world.deps.directory.contacts([
        request.requesterId,
        ...request.routes.flatMap((s) => s.personIds),
      ]);
      allowed.set(
        request.id,
        new Set([
          ...contacts.flatMap((c) => c.accounts.map((acc) => acc.userId)),
          ...request.routes.flatMap((s) => s.targets.map((t) => t.id)),
        ]),
      );
    }
    let private_ = 0;
    for (const message of messages) {
      const text = cardPlainText(message.card);
      if (!Object.values(secrets).some((secret) => text.includes(secret))) continue;
      private_++;
      // Every access message names its request first ("access:<id>:…"): it may reach only that request's people.
      const requestId = message.dedupeKey.split(":")[1] ?? "";
      const target = message.target;
      const id = target.kind === "anchor" ? (target.key.split(":")[5] ?? "") : recipient(message);
      expect(allowed.get(requestId)?.has(id), `${message.dedupeKey} → ${id}`).toBe(true);
      if (target.kind === "channel") expect(channels.triage).toContain(id);
      expect(channels.problems).not.toContain(recipient(message));
    }
    expect(private_).toBeGreaterThan(5);
  });
});
