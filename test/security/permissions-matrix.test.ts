import { describe, expect, it } from "vitest";
import type { FormReply } from "../../src/core/shared/card.js";
import type { PlatformIdentity } from "../../src/core/shared/platform.js";
import {
  type AccessWorld,
  accessWorld,
  buttonsOf,
  formOf,
  textOf,
  who,
} from "../fakes/core/in-memory-access-world.js";

/**
 * One matrix for every privileged action of the bot (issue 8): problem triage, access decisions,
 * showcase review, setup, roles and profiles, each tried by a member, a champion, a steward, an admin and
 * the person who asked for the thing in the first place, through the real core (createDatadesk
 * over the fakes). Allowed means it happened; refused means a friendly answer and nothing
 * written: the thing acted on, memberships, settings and the outbox stay as they were, and the
 * audit log gains nothing but the record of a refused access decision (kept on purpose).
 */

type Who = "member" | "champion" | "steward" | "admin" | "requester";
const everyone: readonly Who[] = ["member", "champion", "steward", "admin", "requester"];
/** The access world's people: Ben a member, Chen the Health champion, Dana the ambulance data's steward, Ada the admin, Ana who files things. */
const person: Record<Who, PlatformIdentity> = {
  member: who.ben,
  champion: who.chen,
  steward: who.dana,
  admin: who.ada,
  requester: who.ana,
};

interface PrivilegedAction {
  name: string;
  allowed: readonly Who[];
  /** Creates what the action acts on, as the requester; returns its id. */
  prepare: (world: AccessWorld) => Promise<string>;
  run: (world: AccessWorld, identity: PlatformIdentity, subject: string) => Promise<FormReply>;
  /** What the action would change, read back. */
  state: (world: AccessWorld, subject: string) => Promise<unknown>;
  /** Whether an allowed run did what it says. */
  happened: (world: AccessWorld, subject: string) => Promise<boolean>;
}

async function fileProblem(world: AccessWorld): Promise<string> {
  const filed = await world.submit(who.ana, "problem.submit", "t=;a=0", {
    title: "Crossings without lights near schools",
    description: "Several school crossings have no lights and nobody knows which ones.",
    affected: "Children walking to school",
    place: "",
    anonymous: "false",
  });
  expect(textOf(filed)).toMatch(/filed as #1/);
  const [problem] = (
    await world.deps.problems.list({ communityId: world.communityId, order: "new", offset: 0, limit: 1 })
  ).items;
  return problem?.id ?? "";
}

async function submitShowcase(world: AccessWorld): Promise<string> {
  const form = formOf(await world.handle(who.ana, { kind: "commandText", text: "showcase" }));
  const stepOne = await world.submit(who.ana, form.formId, form.context, {
    title: "Ambulance wait map",
    summary: "A map of night-time ambulance waits by district, for the council.",
    link: "https://example.org/ambulance-map",
    image_url: "",
    team: "North District Residents",
  });
  const next = buttonsOf(stepOne).find((b) => b.actionId === "showcase.continue");
  if (!next) throw new Error(textOf(stepOne));
  const stepTwo = formOf(await world.press(who.ana, "showcase.continue", next.value));
  const filed = await world.submit(who.ana, stepTwo.formId, stepTwo.context, {
    kind: "visualisation",
    datasets: "Bike Racks",
    problems: "",
  });
  expect(filed.kind, textOf(filed)).toBe("card");
  const showcase = await world.deps.showcases.byNumber(world.communityId, 1);
  if (!showcase) throw new Error("the showcase was not filed");
  return showcase.id;
}

const rolesOf = async (world: AccessWorld, name: keyof typeof who) =>
  (await world.deps.memberships.profile(world.communityId, world.ids[name]))?.roles ?? [];

const actions: PrivilegedAction[] = [
  {
    name: "problem triage: accept",
    allowed: ["champion", "admin"],
    prepare: fileProblem,
    run: (world, identity, id) => world.press(identity, "problem.accept", id),
    state: async (world, id) => ({
      status: (await world.deps.problems.byId(id))?.status,
      events: (await world.deps.problems.events(id)).length,
    }),
    happened: async (world, id) => (await world.deps.problems.byId(id))?.status === "accepted",
  },
  {
    name: "access decision: approve",
    allowed: ["steward", "admin"],
    prepare: async (world) => (await world.fileRequest(who.ana, "ambulance")).requestId,
    run: (world, identity, id) =>
      world.submit(identity, "access.approve", id, { expires: "2027-03-01", conditions: "" }),
    state: async (world, id) => (await world.deps.accessRequests.byId(id))?.status,
    happened: async (world, id) => (await world.deps.accessRequests.byId(id))?.status === "approved",
  },
  {
    name: "access decision: deny",
    allowed: ["steward", "admin"],
    prepare: async (world) => (await world.fileRequest(who.ana, "ambulance")).requestId,
    run: (world, identity, id) =>
      world.submit(identity, "access.deny", id, { reason: "Patient data cannot leave the service." }),
    state: async (world, id) => (await world.deps.accessRequests.byId(id))?.status,
    happened: async (world, id) => (await world.deps.accessRequests.byId(id))?.status === "denied",
  },
  {
    name: "showcase review: approve",
    allowed: ["champion", "admin"],
    prepare: submitShowcase,
    run: (world, identity, id) => world.press(identity, "showcase.approve", id),
    state: async (world, id) => (await world.deps.showcases.byId(id))?.status,
    happened: async (world, id) => (await world.deps.showcases.byId(id))?.status === "published",
  },
  {
    name: "setup change: topics",
    allowed: ["admin"],
    prepare: async () => "",
    run: (world, identity) =>
      world.submit(identity, "setup.topics", "", { topics: "Health\nTransport\nParks" }),
    state: async (world) => world.deps.directory.config(world.communityId),
    happened: async (world) =>
      (await world.deps.directory.config(world.communityId)).topics.includes("Parks"),
  },
  {
    name: "setup change: time zone and language",
    allowed: ["admin"],
    prepare: async () => "",
    run: (world, identity) =>
      world.submit(identity, "setup.region", "", { timezone: "Europe/Madrid", locale: "es" }),
    state: async (world) => world.deps.directory.config(world.communityId),
    happened: async (world) =>
      (await world.deps.directory.config(world.communityId)).timezone === "Europe/Madrid",
  },
  {
    name: "role grant: champion",
    allowed: ["admin"],
    prepare: async () => "",
    run: (world, identity) =>
      world.handle(identity, { kind: "commandText", text: "role grant <@UANA> champion" }),
    state: (world) => rolesOf(world, "ana"),
    happened: async (world) => (await rolesOf(world, "ana")).includes("champion"),
  },
  {
    name: "role revoke: champion",
    allowed: ["admin"],
    prepare: async () => "",
    run: (world, identity) =>
      world.handle(identity, { kind: "commandText", text: "role revoke <@UCHEN> champion" }),
    state: (world) => rolesOf(world, "chen"),
    happened: async (world) => !(await rolesOf(world, "chen")).includes("champion"),
  },
  {
    name: "own profile: edit",
    allowed: ["champion", "steward", "admin"],
    prepare: async () => "",
    run: (world, identity) =>
      world.submit(identity, "community.profile", "", {
        topics: "Health",
        bio: "I know the data.",
        contact: "",
      }),
    state: async (world) =>
      Promise.all(
        Object.values(world.ids).map((id) => world.deps.memberships.profile(world.communityId, id)),
      ),
    happened: async (world) =>
      (
        await Promise.all(
          Object.values(world.ids).map((id) => world.deps.memberships.profile(world.communityId, id)),
        )
      ).some((profile) => profile?.bio === "I know the data."),
  },
];

/** Everything a refused action must leave alone, besides the action's own subject. */
async function snapshot(world: AccessWorld, action: PrivilegedAction, subject: string) {
  return {
    subject: await action.state(world, subject),
    memberships: JSON.stringify([...world.deps.people.memberships]),
    outbox: world.deps.outbox.messages.length,
    // A refused access decision is recorded on purpose (who tried); nothing else may be.
    audit: world.deps.auditLog.entries.filter((entry) => entry.action !== "decision_refused").length,
  };
}

describe("permissions matrix: every privileged action by every kind of person", () => {
  for (const action of actions) {
    describe(action.name, () => {
      for (const role of everyone) {
        const allowed = action.allowed.includes(role);
        it(`${role}: ${allowed ? "allowed" : "refused, nothing written"}`, async () => {
          const world = await accessWorld();
          const subject = await action.prepare(world);
          const before = await snapshot(world, action, subject);
          const reply = await action.run(world, person[role], subject);
          expect(textOf(reply)).not.toMatch(/try again/i);
          if (allowed) {
            expect(await action.happened(world, subject), textOf(reply)).toBe(true);
            return;
          }
          expect(reply.kind).toBe("card");
          expect(textOf(reply)).toMatch(/only|can't|not allowed|own|are for/i);
          expect(await action.happened(world, subject)).toBe(false);
          expect(await snapshot(world, action, subject)).toEqual(before);
        });
      }
    });
  }
});
