import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccessDetails, RouteStep } from "../../src/core/access/access-request.js";
import type { NewAccessRequest } from "../../src/core/access/ports.js";
import type { NewAuditEntry } from "../../src/core/ports/audit-log.js";
import type { AccessWorld } from "./access-world.js";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 10, minute));

const details: AccessDetails = {
  purpose: "Ambulance response times per district",
  intendedUse: "A council report",
  organisation: "North District Residents",
  linkedProblem: null,
  durationMonths: 3,
  checklist: {
    personalData: false,
    thirdParties: false,
    retentionPlan: "Deleted after",
    derivedPublished: true,
  },
  termsAccepted: true,
};

function route(level: RouteStep["level"], personIds: string[], minute: number): RouteStep {
  return {
    level,
    personIds,
    topic: level === "topic_champions" ? "Health" : null,
    targets: personIds.map((id) => ({
      platform: "slack",
      kind: "user",
      id: `U-${id.slice(0, 4)}`,
      locale: "en",
    })),
    at: at(minute),
  };
}

/**
 * What every implementation of the five access ports must do, run against the in-memory fakes the
 * core's access tests rely on and against the SQL stores, so the two cannot quietly diverge.
 */
export function accessStoresContract(name: string, setup: () => Promise<AccessWorld>): void {
  describe(`access stores contract: ${name}`, () => {
    let world: AccessWorld;
    let ana: string;
    let ben: string;
    let steward: string;
    let ambulance: string;
    let permits: string;
    beforeAll(async () => {
      world = await setup();
      ana = await world.person("UANA", "Ana");
      ben = await world.person("UBEN", "Ben");
      steward = await world.person("USTEW", "Stella");
      ambulance = await world.addDataset("Ambulance response times");
      permits = await world.addDataset("Building permits");
    });
    afterAll(async () => world.teardown());

    function request(overrides: Partial<NewAccessRequest> = {}): NewAccessRequest {
      return {
        communityId: world.communityId,
        dataset: {
          id: ambulance,
          title: "Ambulance response times",
          landingPage: "https://data.example.org/a",
        },
        requesterId: ana,
        platform: "slack",
        communityLocale: "en",
        details,
        route: route("steward", [steward], 0),
        ...overrides,
      };
    }

    it("files a request pending, numbered per community, with its details, route and requester's name", async () => {
      const first = await world.requests.create(request(), at(0));
      const second = await world.requests.create(request({ requesterId: ben }), at(1));
      expect(first).toMatchObject({
        number: expect.any(Number),
        status: "pending",
        requesterName: "Ana",
        details,
        routes: [route("steward", [steward], 0)],
        decision: null,
        messages: [],
        grantExpiresAt: null,
        waitingSince: at(0),
        slaRound: 0,
        cardVersion: 0,
        createdAt: at(0),
      });
      expect(second.number).toBe(first.number + 1);
      expect(await world.requests.byId(first.id)).toEqual(first);
      expect(await world.requests.openFor(world.communityId, ana, ambulance)).toEqual(first);
      expect(await world.requests.openFor(world.communityId, ana, permits)).toBeNull();
      expect(await world.requests.byId("not-a-uuid")).toBeNull();
      const elsewhere = await world.addCommunity("access-numbering");
      const other = await world.requests.create(request({ communityId: elsewhere }), at(2));
      expect(other.number).toBe(1);
    });

    it("changes status only from the status the actor saw: a second click changes nothing", async () => {
      const filed = await world.requests.create(
        request({ dataset: { id: permits, title: "Permits", landingPage: null } }),
        at(3),
      );
      const asked = await world.requests.changeStatus(filed.id, {
        from: "pending",
        to: "needs_info",
        actorId: steward,
        at: at(4),
        message: { kind: "question", byId: steward, text: "Which districts?" },
      });
      expect(asked).toMatchObject({ status: "needs_info", cardVersion: 1, updatedAt: at(4) });
      expect(asked?.messages).toEqual([
        { kind: "question", byId: steward, text: "Which districts?", at: at(4) },
      ]);
      const again = await world.requests.changeStatus(filed.id, {
        from: "pending",
        to: "needs_info",
        actorId: steward,
        at: at(5),
      });
      expect(again).toBeNull();
      const answered = await world.requests.changeStatus(filed.id, {
        from: "needs_info",
        to: "pending",
        actorId: ana,
        at: at(6),
        message: { kind: "answer", byId: ana, text: "All of them" },
        restartClock: true,
      });
      expect(answered).toMatchObject({ status: "pending", waitingSince: at(6), slaRound: 1, cardVersion: 2 });
      expect(answered?.messages.map((m) => m.kind)).toEqual(["question", "answer"]);
      const decision = {
        outcome: "approved" as const,
        byId: steward,
        byName: "Stella",
        at: at(7),
        conditions: "No redistribution",
        expiresOn: "2027-02-21",
        reason: null,
      };
      const grantEnd = new Date(Date.UTC(2027, 1, 22));
      const approved = await world.requests.changeStatus(filed.id, {
        from: "pending",
        to: "approved",
        actorId: steward,
        at: at(7),
        decision,
        grantExpiresAt: grantEnd,
      });
      expect(approved).toMatchObject({
        status: "approved",
        decision,
        grantExpiresAt: grantEnd,
        cardVersion: 3,
      });
      expect(
        await world.requests.changeStatus(filed.id, {
          from: "approved",
          to: "denied",
          actorId: steward,
          at: at(8),
        }),
      ).toBeNull();
      expect(await world.requests.openFor(world.communityId, ana, permits)).toBeNull();
      expect((await world.requests.grantsEndingBy(grantEnd)).map((r) => r.id)).toContain(filed.id);
      expect((await world.requests.grantsEndingBy(at(59))).map((r) => r.id)).not.toContain(filed.id);
      // Once closed, the requester may file again for the same dataset.
      const refiled = await world.requests.create(
        request({ dataset: { id: permits, title: "Permits", landingPage: null } }),
        at(9),
      );
      expect(refiled.status).toBe("pending");
      await world.requests.changeStatus(refiled.id, {
        from: "pending",
        to: "withdrawn",
        actorId: ana,
        at: at(9),
      });
    });

    it("escalates only from the level the job saw, restarting the clock", async () => {
      const carl = await world.person("UCARL", "Carl");
      const filed = await world.requests.create(request({ requesterId: carl }), at(10));
      const next = route("topic_champions", [ben], 20);
      const rerouted = await world.requests.reroute(filed.id, {
        fromLevel: "steward",
        route: next,
        at: at(20),
      });
      expect(rerouted).toMatchObject({ waitingSince: at(20), slaRound: 1, cardVersion: 1 });
      expect(rerouted?.routes.map((r) => r.level)).toEqual(["steward", "topic_champions"]);
      expect(rerouted?.routes[1]).toEqual(next);
      expect(
        await world.requests.reroute(filed.id, { fromLevel: "steward", route: next, at: at(21) }),
      ).toBeNull();
      await world.requests.changeStatus(filed.id, {
        from: "pending",
        to: "needs_info",
        actorId: ben,
        at: at(22),
      });
      expect(
        await world.requests.reroute(filed.id, { fromLevel: "topic_champions", route: next, at: at(23) }),
      ).toBeNull();
    });

    it("marks a once-only event once per request and key", async () => {
      const dee = await world.person("UDEE", "Dee");
      const filed = await world.requests.create(request({ requesterId: dee }), at(11));
      expect(await world.requests.markOnce(filed.id, "reminder:0", at(12))).toBe(true);
      expect(await world.requests.markOnce(filed.id, "reminder:0", at(13))).toBe(false);
      expect(await world.requests.markOnce(filed.id, "reminder:1", at(13))).toBe(true);
    });

    it("lists newest first, by requester and status; finds waiting and open requests across the world", async () => {
      const eli = await world.person("UELI", "Eli");
      const one = await world.requests.create(request({ requesterId: eli }), at(30));
      const two = await world.requests.create(
        request({ requesterId: eli, dataset: { id: permits, title: "Permits", landingPage: null } }),
        at(31),
      );
      await world.requests.changeStatus(two.id, {
        from: "pending",
        to: "withdrawn",
        actorId: eli,
        at: at(32),
      });
      const mine = await world.requests.list({ communityId: world.communityId, requesterId: eli, limit: 10 });
      expect(mine.map((r) => r.id)).toEqual([two.id, one.id]);
      const open = await world.requests.list({
        communityId: world.communityId,
        requesterId: eli,
        statuses: ["pending", "needs_info"],
        limit: 10,
      });
      expect(open.map((r) => r.id)).toEqual([one.id]);
      expect(await world.requests.list({ communityId: world.communityId, limit: 1 })).toHaveLength(1);
      const waiting = await world.requests.waitingSince(at(30));
      expect(waiting.map((r) => r.id)).toContain(one.id);
      expect(waiting.every((r) => r.status === "pending" && r.waitingSince <= at(30))).toBe(true);
      const times = waiting.map((r) => r.waitingSince.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const forDatasets = await world.requests.openForDatasets(world.communityId, [ambulance]);
      expect(forDatasets.map((r) => r.id)).toContain(one.id);
      expect(
        forDatasets.every((r) => r.dataset.id === ambulance && ["pending", "needs_info"].includes(r.status)),
      ).toBe(true);
      expect(await world.requests.openForDatasets(world.communityId, [])).toEqual([]);
    });

    it("appends audit entries in order, per community and subject, and gives them back unchanged", async () => {
      const subject = await world.requests.create(
        request({ requesterId: await world.person("UFAY", "Fay") }),
        at(40),
      );
      const entry = (action: NewAuditEntry["action"], minute: number): NewAuditEntry => ({
        communityId: world.communityId,
        at: at(minute),
        actorId: action === "reminded" ? null : ana,
        actorName: action === "reminded" ? null : "Ana",
        platform: action === "reminded" ? null : "slack",
        action,
        subjectType: "access_request",
        subjectId: subject.id,
        subjectRef: `AR-${subject.number}`,
        reason: action === "denied" ? "Personal data" : null,
        details: { dataset: "Ambulance response times", level: "steward" },
      });
      const first = await world.audit.append(entry("submitted", 40));
      // Same instant: the order is the append order, not the clock's.
      const second = await world.audit.append(entry("reminded", 40));
      const third = await world.audit.append(entry("denied", 41));
      expect(first).toMatchObject(entry("submitted", 40));
      expect(second.seq).toBeGreaterThan(first.seq);
      expect(third.seq).toBeGreaterThan(second.seq);
      const listed = await world.audit.list(world.communityId, { subjectId: subject.id });
      expect(listed).toEqual([first, second, third]);
      expect((await world.audit.list(world.communityId)).slice(-3)).toEqual([first, second, third]);
      expect(await world.audit.list(await world.addCommunity("audit-elsewhere"))).toEqual([]);
    });

    it("knows a dataset's stewards in naming order and members by email, within the community", async () => {
      const gil = await world.person("UGIL", "Gil");
      await world.nameSteward(ambulance, steward);
      await world.nameSteward(ambulance, gil);
      await world.nameSteward(ambulance, steward);
      expect(await world.stewards.stewardsOf(world.communityId, ambulance)).toEqual([steward, gil]);
      expect(await world.stewards.stewardsOf(world.communityId, permits)).toEqual([]);
      await world.setEmail("UGIL", gil, "Gil.Contact@City.example");
      expect(await world.stewards.personIdByEmail(world.communityId, "gil.contact@city.example")).toBe(gil);
      expect(await world.stewards.personIdByEmail(world.communityId, "  GIL.CONTACT@CITY.EXAMPLE ")).toBe(
        gil,
      );
      expect(await world.stewards.personIdByEmail(world.communityId, "nobody@city.example")).toBeNull();
      expect(
        await world.stewards.personIdByEmail(
          await world.addCommunity("emails-elsewhere"),
          "gil.contact@city.example",
        ),
      ).toBeNull();
    });

    it("looks a current dataset up by id, in its own community only", async () => {
      const found = await world.datasets.byId(world.communityId, ambulance);
      expect(found).toMatchObject({ id: ambulance, title: "Ambulance response times" });
      expect(await world.datasets.byId(await world.addCommunity("lookup-elsewhere"), ambulance)).toBeNull();
      const gone = await world.addDataset("Closed dataset");
      await world.removeDataset("Closed dataset");
      expect(await world.datasets.byId(world.communityId, gone)).toBeNull();
    });

    it("runs a unit of work with stores that see its own writes", async () => {
      const hal = await world.person("UHAL", "Hal");
      const result = await world.unitOfWork.run(async (tx) => {
        const filed = await tx.requests.create(request({ requesterId: hal }), at(50));
        await tx.audit.append({
          communityId: world.communityId,
          at: at(50),
          actorId: hal,
          actorName: "Hal",
          platform: "slack",
          action: "submitted",
          subjectType: "access_request",
          subjectId: filed.id,
          subjectRef: `AR-${filed.number}`,
          reason: null,
          details: {},
        });
        return {
          filed,
          seen: await tx.requests.byId(filed.id),
          audit: await tx.audit.list(world.communityId, { subjectId: filed.id }),
        };
      });
      expect(result.seen).toEqual(result.filed);
      expect(result.audit.map((e) => e.action)).toEqual(["submitted"]);
      expect(await world.requests.byId(result.filed.id)).toEqual(result.filed);
    });
  });
}
