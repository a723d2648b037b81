import { beforeEach, describe, expect, it } from "vitest";
import { createDatadesk, type Datadesk } from "../../src/core/bot/create-datadesk.js";
import type { InboundRequest } from "../../src/core/bot/inbound-request.js";
import type { Role } from "../../src/core/people/roles.js";
import { cardPlainText, type FormReply } from "../../src/core/shared/card.js";
import type { PlatformIdentity } from "../../src/core/shared/platform.js";
import { type FakeCoreDeps, fakeCoreDeps } from "../fakes/core/fake-core-deps.js";

/**
 * The permissions matrix of the problem inventory: every privileged action, by every kind of
 * person. Allowed means the request did what it says; refused means a friendly "only …" and
 * nothing changed: no status, no event, no message queued. Buttons and forged form submissions
 * are both tried, since a platform payload can name any action.
 */

type Who = "member" | "submitter" | "steward" | "champion" | "admin";
const people: Record<Who, { identity: PlatformIdentity; roles: Role[] }> = {
  member: {
    identity: { platform: "slack", workspaceId: "T1", userId: "UMEMBER", displayName: "Mia" },
    roles: ["member"],
  },
  submitter: {
    identity: { platform: "slack", workspaceId: "T1", userId: "USUBMIT", displayName: "Sam" },
    roles: ["member"],
  },
  steward: {
    identity: { platform: "discord", workspaceId: "G1", userId: "401", displayName: "Stu" },
    roles: ["member", "steward"],
  },
  champion: {
    identity: { platform: "discord", workspaceId: "G1", userId: "402", displayName: "Cy" },
    roles: ["member", "champion"],
  },
  admin: {
    identity: { platform: "slack", workspaceId: "T1", userId: "UADMIN", displayName: "Ada" },
    roles: ["member", "admin"],
  },
};

interface Case {
  name: string;
  request: (problemId: string) => InboundRequest;
  allowed: readonly Who[];
  /** Only meaningful from this status (the problem is moved there first). */
  from?: "needs_info";
}

const TRIAGERS: readonly Who[] = ["champion", "admin"];
const cases: Case[] = [
  {
    name: "show triage",
    request: (id) => ({ kind: "action", actionId: "problem.triage", value: id }),
    allowed: TRIAGERS,
  },
  {
    name: "accept",
    request: (id) => ({ kind: "action", actionId: "problem.accept", value: id }),
    allowed: TRIAGERS,
  },
  {
    name: "in progress",
    request: (id) => ({ kind: "action", actionId: "problem.progress", value: id }),
    allowed: TRIAGERS,
  },
  {
    name: "hide",
    request: (id) => ({ kind: "action", actionId: "problem.hide", value: id }),
    allowed: TRIAGERS,
  },
  {
    name: "open needs-info form",
    request: (id) => ({ kind: "action", actionId: "problem.ask", value: id }),
    allowed: TRIAGERS,
  },
  {
    name: "open duplicate form",
    request: (id) => ({ kind: "action", actionId: "problem.duplicate", value: id }),
    allowed: TRIAGERS,
  },
  {
    name: "open decline form",
    request: (id) => ({ kind: "action", actionId: "problem.decline", value: id }),
    allowed: TRIAGERS,
  },
  {
    name: "open link form",
    request: (id) => ({ kind: "action", actionId: "problem.link", value: id }),
    allowed: TRIAGERS,
  },
  {
    name: "open assign form",
    request: (id) => ({ kind: "action", actionId: "problem.assign", value: id }),
    allowed: TRIAGERS,
  },
  {
    name: "submit needs-info question",
    request: (id) => ({
      kind: "form",
      formId: "problem.ask",
      context: id,
      values: { question: "Which streets?" },
    }),
    allowed: TRIAGERS,
  },
  {
    name: "submit decline",
    request: (id) => ({
      kind: "form",
      formId: "problem.decline",
      context: id,
      values: { reason: "out_of_scope", detail: "" },
    }),
    allowed: TRIAGERS,
  },
  {
    name: "submit assign (nobody)",
    request: (id) => ({ kind: "form", formId: "problem.assign", context: id, values: { assignee: "none" } }),
    allowed: TRIAGERS,
  },
  {
    name: "answer the champions' question",
    request: (id) => ({
      kind: "form",
      formId: "problem.answer",
      context: id,
      values: { answer: "Elm and Oak" },
    }),
    allowed: ["submitter"],
    from: "needs_info",
  },
  {
    name: "set the problems channel",
    request: () => ({ kind: "command", name: "channel", args: { purpose: "problems" } }),
    allowed: ["admin"],
  },
  {
    name: "read metadata gaps",
    request: () => ({ kind: "command", name: "gaps", args: {} }),
    allowed: ["steward", "champion", "admin"],
  },
  {
    name: "add a usage note",
    request: () => ({
      kind: "command",
      name: "note",
      args: { dataset: "nothing", kind: "caveat", text: "x" },
    }),
    allowed: ["steward", "champion", "admin"],
  },
];

function text(reply: FormReply): string {
  if (reply.kind === "card" || reply.kind === "update") return cardPlainText(reply.card);
  return reply.kind;
}

describe("problem inventory permissions matrix", () => {
  let deps: FakeCoreDeps;
  let core: Datadesk;
  let problemId: string;

  async function snapshot() {
    const problem = await deps.problems.byId(problemId);
    return {
      status: problem?.status,
      hidden: problem?.hidden,
      assignee: problem?.assignee,
      events: (await deps.problems.events(problemId)).length,
      outbox: deps.outbox.messages.length,
      channels: JSON.stringify((await deps.directory.config(deps.people.defaultCommunity.id)).channels),
    };
  }

  beforeEach(async () => {
    deps = fakeCoreDeps();
    core = createDatadesk(deps);
    const communityId = deps.people.defaultCommunity.id;
    for (const { identity, roles } of Object.values(people)) {
      // First contact links the workspace to the community, as the first request would.
      await deps.people.communityForWorkspace(identity.platform, identity.workspaceId);
      const personId = await deps.people.addPerson(identity, roles);
      for (const role of roles) deps.people.grant(personId, communityId, role);
    }
    const filed = await core.handle(people.submitter.identity, {
      kind: "form",
      formId: "problem.submit",
      context: "t=;a=0",
      values: {
        title: "Crossings without lights near schools",
        description: "Several school crossings have no lights and nobody knows which ones.",
        affected: "Children walking to school",
        place: "",
        anonymous: "false",
      },
    });
    expect(text(filed)).toMatch(/filed as #1/);
    const [problem] = (await deps.problems.list({ communityId, order: "new", offset: 0, limit: 1 })).items;
    problemId = problem?.id ?? "";
  });

  for (const testCase of cases) {
    for (const who of Object.keys(people) as Who[]) {
      const allowed = testCase.allowed.includes(who);
      it(`${testCase.name}: ${who} is ${allowed ? "allowed" : "refused"}`, async () => {
        if (testCase.from === "needs_info") {
          await core.handle(people.champion.identity, {
            kind: "form",
            formId: "problem.ask",
            context: problemId,
            values: { question: "Which streets?" },
          });
        }
        const identity = { ...people[who].identity, channelId: "C-HERE" };
        const before = await snapshot();
        const reply = await core.handle(identity, testCase.request(problemId));
        const after = await snapshot();
        if (allowed) {
          expect(text(reply)).not.toMatch(/only|can't|cannot/i);
        } else {
          expect(reply.kind).toBe("card");
          expect(text(reply)).toMatch(/only/i);
          expect(after).toEqual(before);
        }
      });
    }
  }
});
