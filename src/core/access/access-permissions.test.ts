import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type AccessWorld,
  accessWorld,
  expectPrivate,
  formOf,
  textOf,
  who,
} from "../../../test/fakes/core/in-memory-access-world.js";
import type { PlatformIdentity } from "../shared/platform.js";
import { decisionRefusal } from "./access-permissions.js";
import type { RouteStep } from "./access-request.js";

const decisions = [
  { action: "access.approve", form: { expires: "2027-03-01", conditions: "" } },
  { action: "access.deny", form: { reason: "Not for this purpose." } },
  { action: "access.ask", form: { question: "Who else will see it?" } },
] as const;

describe("who may decide an access request", () => {
  let world: AccessWorld;

  beforeEach(async () => {
    world = await accessWorld();
  });

  afterEach(() => {
    expectPrivate(world.deps.outbox.messages);
  });

  async function expectRefused(identity: PlatformIdentity, requestId: string, message: RegExp) {
    const before = world.deps.outbox.messages.length;
    for (const { action, form } of decisions) {
      expect(textOf(await world.press(identity, action, requestId)), `${identity.userId} ${action}`).toMatch(
        message,
      );
      // A forged or stale form submission is checked again.
      expect(
        textOf(await world.submit(identity, action, requestId, form)),
        `${identity.userId} ${action} form`,
      ).toMatch(message);
    }
    expect(textOf(await world.press(identity, "access.review", requestId))).toMatch(message);
    expect((await world.deps.accessRequests.byId(requestId))?.status).toBe("pending");
    expect(world.deps.outbox.messages.length).toBe(before);
  }

  it("refuses a member, a champion and another dataset's steward it was not routed to, and the requester", async () => {
    const { requestId } = await world.fileRequest(who.ana, "ambulance");
    const notRouted = /Only the stewards AR-1 was routed to, or an admin, can decide it/;
    await expectRefused(who.ben, requestId, notRouted);
    await expectRefused(who.chen, requestId, notRouted);
    await expectRefused(who.sam, requestId, notRouted);
    await expectRefused(who.ana, requestId, /can't decide your own request \(AR-1\)/);
    // Each refused decision is on the record (who tried); merely viewing is not.
    const refused = world.deps.auditLog.entries.filter((e) => e.action === "decision_refused");
    expect(refused.map((e) => e.actorName)).toEqual([
      ...Array(6).fill("Ben"),
      ...Array(6).fill("Chen"),
      ...Array(6).fill("Sam"),
      ...Array(6).fill("Ana"),
    ]);
    expect(refused.at(-1)?.reason).toBe("own_request");
  });

  it("lets the dataset's steward and an admin decide; the second decision is a no-op", async () => {
    const first = await world.fileRequest(who.ana, "ambulance");
    expect(formOf(await world.press(who.dana, "access.approve", first.requestId)).formId).toBe(
      "access.approve",
    );
    const byAdmin = await world.submit(who.ada, "access.approve", first.requestId, {
      expires: "2027-03-01",
      conditions: "",
    });
    expect(textOf(byAdmin)).toMatch(/AR-1 approved until 2027-03-01/);
    const late = await world.submit(who.dana, "access.deny", first.requestId, {
      reason: "Too late, but no.",
    });
    expect(textOf(late)).toMatch(/AR-1 is already Approved by Ada\. Nothing changed\./);
    expect((await world.deps.accessRequests.byId(first.requestId))?.status).toBe("approved");

    const second = await world.fileRequest(who.ben, "ambulance");
    const bySteward = await world.submit(who.dana, "access.deny", second.requestId, {
      reason: "Patient data stays in.",
    });
    expect(textOf(bySteward)).toMatch(/AR-2 denied/);
  });

  it("never lets an admin or steward decide their own request", async () => {
    const { requestId } = await world.fileRequest(who.ada, "ambulance");
    const own = await world.submit(who.ada, "access.approve", requestId, {
      expires: "2027-03-01",
      conditions: "",
    });
    expect(textOf(own)).toMatch(/can't decide your own request/);
    // Dana asks for the dataset she stewards: it skips her and goes to the Health champion.
    const hers = await world.fileRequest(who.dana, "ambulance");
    expect(textOf(hers.reply)).toMatch(/sent to a Health champion/);
    expect(textOf(await world.press(who.dana, "access.approve", hers.requestId))).toMatch(
      /can't decide your own/,
    );
    expect(formOf(await world.press(who.chen, "access.approve", hers.requestId)).formId).toBe(
      "access.approve",
    );
  });

  it("lets any champion decide once a request is in the champions' triage channel, but not a member", async () => {
    world.deps.stewards.stewards.clear();
    const { requestId } = await world.fileRequest(who.ana, "parking");
    expect(formOf(await world.press(who.chen, "access.ask", requestId)).formId).toBe("access.ask");
    await expectRefused(who.ben, requestId, /Only the stewards/);
  });
});

describe("decisionRefusal", () => {
  const step = (level: RouteStep["level"], personIds: string[]): RouteStep => ({
    level,
    personIds,
    topic: null,
    targets: [],
    at: new Date(0),
  });
  const request = {
    requesterId: "req",
    routes: [step("steward", ["stew"]), step("topic_champions", ["champ"])],
  };

  it("allows everyone routed so far and admins, never the requester", () => {
    expect(decisionRefusal({ personId: "stew", roles: ["member", "steward"] }, request)).toBeNull();
    expect(decisionRefusal({ personId: "champ", roles: ["member", "champion"] }, request)).toBeNull();
    expect(decisionRefusal({ personId: "boss", roles: ["member", "admin"] }, request)).toBeNull();
    expect(decisionRefusal({ personId: "other", roles: ["member", "champion"] }, request)).toBe("not_routed");
    expect(decisionRefusal({ personId: "req", roles: ["member", "admin", "steward"] }, request)).toBe(
      "own_request",
    );
  });
});
