import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type AccessWorld,
  accessWorld,
  expectPrivate,
  recipient,
  textOf,
  who,
} from "../../../test/fakes/core/in-memory-access-world.js";
import { cardPlainText } from "../shared/card.js";
import { runAccessReminders } from "./access-sla.js";
import type { AccessSlaSettings } from "./access-sla-settings.js";

const settings: AccessSlaSettings = {
  reminderBusinessDays: 2,
  escalationBusinessDays: 4,
  expiryNoticeDays: 7,
};
const nothing = { reminded: 0, escalated: 0, stillWaiting: 0, expiryNotices: 0, expired: 0 };

describe("access request reminders, escalation and expiry (test clock, Chicago time)", () => {
  let world: AccessWorld;

  // Filed on Friday 2026-11-20 at 16:00 in Chicago (22:00 UTC, CST).
  beforeEach(async () => {
    world = await accessWorld({ timezone: "America/Chicago", start: "2026-11-20T22:00:00Z" });
  });

  afterEach(() => {
    expectPrivate(world.deps.outbox.messages);
  });

  const runAt = (iso: string) => {
    world.deps.clock.set(iso);
    return runAccessReminders(world.deps, world.deps.clock.now(), settings);
  };
  const newMessages = (from: number) => world.deps.outbox.messages.slice(from);

  it("reminds after N business days, escalates after M, level by level, each once, then says it still waits", async () => {
    const { requestId } = await world.fileRequest();
    expect(await runAt("2026-11-23T22:00:00Z")).toEqual(nothing); // Monday: one business day
    expect(await runAt("2026-11-24T21:59:00Z")).toEqual(nothing);

    let mark = world.deps.outbox.messages.length;
    expect(await runAt("2026-11-24T22:00:00Z")).toEqual({ ...nothing, reminded: 1 }); // Tuesday: two
    const reminder = newMessages(mark);
    expect(reminder.map(recipient)).toEqual(["UDANA"]);
    expect(cardPlainText(reminder[0]?.card ?? { fallbackText: "", blocks: [] })).toMatch(
      /AR-1 \(Ambulance Response Times\) has waited 2 business days/,
    );
    expect(await runAt("2026-11-24T23:00:00Z")).toEqual(nothing);
    expect(await runAt("2026-11-26T21:59:00Z")).toEqual(nothing);

    mark = world.deps.outbox.messages.length;
    expect(await runAt("2026-11-26T22:00:00Z")).toEqual({ ...nothing, escalated: 1 }); // Thursday: four
    const escalation = newMessages(mark);
    const toChen = escalation.find((m) => recipient(m) === "UCHEN");
    expect(toChen?.anchor?.key).toMatch(/:review:slack:user:UCHEN$/);
    expect(toChen && cardPlainText(toChen.card)).toMatch(
      /Escalated to you: it waited 4 business days with the dataset's steward/,
    );
    const toAna = escalation.find((m) => recipient(m) === "UANA");
    expect(toAna && cardPlainText(toAna.card)).toMatch(
      /still waiting\. It has now gone to a Health champion/,
    );
    // Dana's card is edited (it now says who has it), not posted again.
    expect(escalation.filter((m) => recipient(m).endsWith("UDANA")).map((m) => m.target.kind)).toEqual([
      "anchor",
    ]);
    expect(await runAt("2026-11-26T23:00:00Z")).toEqual(nothing);
    // The steward still may decide; so may the champion it went to.
    expect(textOf(await world.press(who.chen, "access.review", requestId))).toMatch(/AR-1/);

    // A new round at the champion's level: reminder Monday, escalation to the triage channel Wednesday.
    expect(await runAt("2026-11-30T21:59:00Z")).toEqual(nothing);
    mark = world.deps.outbox.messages.length;
    expect(await runAt("2026-11-30T22:00:00Z")).toEqual({ ...nothing, reminded: 1 });
    expect(newMessages(mark).map(recipient)).toEqual(["UCHEN"]);
    mark = world.deps.outbox.messages.length;
    expect(await runAt("2026-12-02T22:00:00Z")).toEqual({ ...nothing, escalated: 1 });
    expect(
      newMessages(mark)
        .filter((m) => m.target.kind === "channel")
        .map(recipient)
        .sort(),
    ).toEqual(["801", "CTRI"]);

    // The triage channel is the last level: after M more business days the requester hears it still waits.
    expect(await runAt("2026-12-04T22:00:00Z")).toEqual({ ...nothing, reminded: 1 });
    mark = world.deps.outbox.messages.length;
    expect(await runAt("2026-12-08T22:00:00Z")).toEqual({ ...nothing, stillWaiting: 1 });
    const still = newMessages(mark);
    expect(still.map(recipient)).toEqual(["UANA"]);
    expect(still[0] && cardPlainText(still[0].card)).toMatch(
      /still waiting for the champions' triage channel/,
    );
    expect(await runAt("2026-12-09T22:00:00Z")).toEqual(nothing);

    expect(world.deps.auditLog.actionsOf(requestId)).toEqual([
      "submitted",
      "routed",
      "reminded",
      "escalated",
      "reminded",
      "escalated",
      "reminded",
      "still_waiting",
    ]);
  });

  it("counts business days in the community's timezone, across a daylight-saving change", async () => {
    // Friday 2027-03-12 16:00 CST; clocks go forward on Sunday the 14th.
    world.deps.clock.set("2027-03-12T22:00:00Z");
    await world.fileRequest();
    // Tuesday 16:00 in Chicago is 21:00 UTC after the change: counted in UTC it would be an hour late.
    expect(await runAt("2027-03-16T20:59:00Z")).toEqual(nothing);
    expect(await runAt("2027-03-16T21:00:00Z")).toEqual({ ...nothing, reminded: 1 });
  });

  it("stops the clock while the requester is asked, and restarts it when they answer", async () => {
    const { requestId } = await world.fileRequest();
    await world.submit(who.dana, "access.ask", requestId, { question: "Which years do you need?" });
    expect(await runAt("2026-11-27T22:00:00Z")).toEqual(nothing); // five business days later, but waiting on Ana
    await world.submit(who.ana, "access.answer", requestId, { answer: "2019 to 2025" });
    expect(await runAt("2026-12-01T21:59:00Z")).toEqual(nothing); // Friday 22:00Z + 2 business days = Tuesday
    expect(await runAt("2026-12-01T22:00:00Z")).toEqual({ ...nothing, reminded: 1 });
  });

  it("tells the requester before a grant ends, marks it expired when it ends, each once", async () => {
    const { requestId } = await world.fileRequest();
    await world.submit(who.dana, "access.approve", requestId, { expires: "2027-01-15", conditions: "" });
    // Access lasts through 2027-01-15 in Chicago: it ends at 2027-01-16 00:00 CST = 06:00 UTC.
    expect((await world.deps.accessRequests.byId(requestId))?.grantExpiresAt?.toISOString()).toBe(
      "2027-01-16T06:00:00.000Z",
    );
    expect(await runAt("2027-01-09T05:59:00Z")).toEqual(nothing);
    let mark = world.deps.outbox.messages.length;
    expect(await runAt("2027-01-09T06:00:00Z")).toEqual({ ...nothing, expiryNotices: 1 });
    const notice = newMessages(mark);
    expect(notice.map(recipient)).toEqual(["UANA"]);
    expect(notice[0] && cardPlainText(notice[0].card)).toMatch(/ends after 2027-01-15/);
    expect(await runAt("2027-01-12T12:00:00Z")).toEqual(nothing);
    expect(await runAt("2027-01-16T05:59:00Z")).toEqual(nothing);

    mark = world.deps.outbox.messages.length;
    expect(await runAt("2027-01-16T06:00:00Z")).toEqual({ ...nothing, expired: 1 });
    expect((await world.deps.accessRequests.byId(requestId))?.status).toBe("expired");
    const expired = newMessages(mark);
    expect(expired.find((m) => recipient(m) === "UANA")?.card.fallbackText).toMatch(/ended after 2027-01-15/);
    expect(
      expired.some(
        (m) => m.target.kind === "anchor" && cardPlainText(m.card).includes("This access has expired"),
      ),
    ).toBe(true);
    expect(await runAt("2027-01-17T06:00:00Z")).toEqual(nothing);
    expect(world.deps.auditLog.actionsOf(requestId)).toEqual([
      "submitted",
      "routed",
      "approved",
      "expiry_notified",
      "expired",
    ]);
  });
});
