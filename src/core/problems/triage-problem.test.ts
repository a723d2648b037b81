import { beforeEach, describe, expect, it } from "vitest";
import type { FakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import {
  slackChampion as champ,
  sampleProblemValues as problemValues,
} from "../../../test/fakes/core/problem-fixtures.js";
import {
  ana,
  ben,
  buttons,
  type CoreProblemWorld,
  cleo,
  coreProblemWorld,
  text,
} from "../../../test/support/core-problem-world.js";
import type { Datadesk } from "../bot/create-datadesk.js";
import { cardPlainText } from "../shared/card.js";

describe("triaging a problem (core, over fakes)", () => {
  let deps: FakeCoreDeps;
  let core: Datadesk;
  let press: CoreProblemWorld["press"];
  let dms: CoreProblemWorld["dms"];
  let fileOne: CoreProblemWorld["fileOne"];

  beforeEach(async () => {
    ({ deps, core, press, dms, fileOne } = await coreProblemWorld());
  });

  it("refuses triage to non-champions and changes nothing", async () => {
    const problem = await fileOne();
    const before = deps.outbox.messages.length;
    for (const actionId of [
      "problem.accept",
      "problem.decline",
      "problem.duplicate",
      "problem.hide",
      "problem.triage",
    ]) {
      const reply = await press(cleo, actionId, problem.id);
      expect(text(reply), actionId).toMatch(/only|solo/i);
    }
    const forged = await core.handle(cleo, {
      kind: "form",
      formId: "problem.decline",
      context: problem.id,
      values: { reason: "out_of_scope", detail: "" },
    });
    expect(text(forged)).toMatch(/only/i);
    expect((await deps.problems.byId(problem.id))?.status).toBe("new");
    expect(deps.outbox.messages.length).toBe(before);
  });

  it("tells the submitter and each follower once per status change; a second click changes nothing", async () => {
    const problem = await fileOne(ana);
    await press(cleo, "problem.follow", problem.id);
    await press(champ, "problem.follow", problem.id);
    const accepted = await press(champ, "problem.accept", problem.id);
    expect(text(accepted)).toMatch(/now Accepted\. 2 followers were told/);
    const again = await press(champ, "problem.accept", problem.id);
    expect(text(again)).toMatch(/already Accepted/);
    expect(
      dms()
        .map((m) => (m.target.kind === "user" ? m.target.userId : ""))
        .sort(),
    ).toEqual(["UANA", "UCLEO"]);
    const illegal = await press(champ, "problem.ask", problem.id);
    expect(illegal.kind).toBe("form");
    const solved = await press(champ, "problem.solve", problem.id);
    expect(solved.kind).toBe("update");
    const reopenedToNew = await core.handle(champ, {
      kind: "form",
      formId: "problem.ask",
      context: problem.id,
      values: { question: "Which route?" },
    });
    expect(text(reopenedToNew)).toMatch(/Solved, so it can't become Needs info/);
  });

  it("merges a duplicate: votes and followers move to the original, each person once", async () => {
    const original = await fileOne(cleo);
    deps.clock.advanceMinutes(10);
    const dup = await fileOne(ana, {
      ...problemValues,
      title: "Late buses with no information",
      description: "Nobody publishes bus lateness so families stand outside for ages.",
    });
    await press(ben, "problem.vote", dup.id);
    await press(ana, "problem.vote", original.id);
    await press(ana, "problem.vote", dup.id);
    const reply = await core.handle(champ, {
      kind: "form",
      formId: "problem.duplicate",
      context: dup.id,
      values: { original: "#1" },
    });
    expect(text(reply)).toMatch(/duplicate of #1, which now has 2 votes/);
    const merged = await deps.problems.byId(original.id);
    expect(merged?.voteCount).toBe(2);
    expect((await deps.problems.followerIds(original.id)).sort()).toEqual(
      [...new Set([...(await deps.problems.followerIds(original.id))])].sort(),
    );
    expect((await deps.problems.byId(dup.id))?.status).toBe("duplicate");
    const self = await core.handle(champ, {
      kind: "form",
      formId: "problem.duplicate",
      context: original.id,
      values: { original: "1" },
    });
    expect(self.kind).toBe("errors");
  });

  it("requires the detail each decline reason needs, then tells followers why", async () => {
    const problem = await fileOne();
    const noDate = await core.handle(champ, {
      kind: "form",
      formId: "problem.decline",
      context: problem.id,
      values: { reason: "planned_release", detail: "next spring" },
    });
    expect(noDate.kind).toBe("errors");
    const noLink = await core.handle(champ, {
      kind: "form",
      formId: "problem.decline",
      context: problem.id,
      values: { reason: "available_elsewhere", detail: "javascript:alert(1)" },
    });
    expect(noLink.kind).toBe("errors");
    const ok = await core.handle(champ, {
      kind: "form",
      formId: "problem.decline",
      context: problem.id,
      values: { reason: "planned_release", detail: "2027-03-01" },
    });
    expect(text(ok)).toMatch(/declined\. 1 follower was told/);
    const [dm] = dms();
    expect(dm && cardPlainText(dm.card)).toMatch(/To be released later — 2027-03-01/);
    const twice = await core.handle(champ, {
      kind: "form",
      formId: "problem.decline",
      context: problem.id,
      values: { reason: "planned_release", detail: "2027-03-01" },
    });
    expect(text(twice)).toMatch(/can't become Declined/);
    expect(dms()).toHaveLength(1);
  });

  it("runs the needs-info round trip: question to the submitter, answer back to triage, status restored", async () => {
    const problem = await fileOne();
    await press(champ, "problem.accept", problem.id);
    await core.handle(champ, {
      kind: "form",
      formId: "problem.ask",
      context: problem.id,
      values: { question: "Which bus routes?" },
    });
    const question = dms().find((m) => cardPlainText(m.card).includes("Which bus routes?"));
    expect(question?.target).toEqual({ kind: "user", userId: "UANA" });
    expect(
      question &&
        buttons({ kind: "card", visibility: "ephemeral", card: question.card }).map((b) => b.actionId),
    ).toEqual(["problem.answer"]);
    const stranger = await press(cleo, "problem.answer", problem.id);
    expect(text(stranger)).toMatch(/Only the person who filed/);
    const form = await press(ana, "problem.answer", problem.id);
    expect(form.kind).toBe("form");
    await core.handle(ana, {
      kind: "form",
      formId: "problem.answer",
      context: problem.id,
      values: { answer: "Routes 4 and 12" },
    });
    expect((await deps.problems.byId(problem.id))?.status).toBe("accepted");
    const answerPost = deps.outbox.messages.find(
      (m) =>
        m.target.kind === "channel" &&
        m.target.channelId === "CTRI" &&
        cardPlainText(m.card).includes("Routes 4 and 12"),
    );
    expect(answerPost).toBeDefined();
    const events = await deps.problems.events(problem.id);
    expect(events.map((e) => `${e.kind}:${e.toStatus ?? ""}`)).toEqual([
      "submitted:new",
      "status_changed:accepted",
      "status_changed:needs_info",
      "status_changed:accepted",
      "info_provided:",
    ]);
  });
});
