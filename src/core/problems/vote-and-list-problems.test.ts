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
  distinctWords,
  text,
} from "../../../test/support/core-problem-world.js";
import type { Datadesk } from "../bot/create-datadesk.js";
import { cardPlainText } from "../shared/card.js";

describe("voting on and listing problems (core, over fakes)", () => {
  let deps: FakeCoreDeps;
  let core: Datadesk;
  let communityId: string;
  let submit: CoreProblemWorld["submit"];
  let press: CoreProblemWorld["press"];
  let fileOne: CoreProblemWorld["fileOne"];

  beforeEach(async () => {
    ({ deps, core, communityId, submit, press, fileOne } = await coreProblemWorld());
  });

  it("counts one vote per person across Slack and Discord once accounts are linked, and edits the cards", async () => {
    const problem = await fileOne(cleo);
    const linkReply = await core.handle(ana, { kind: "commandText", text: "link" });
    const code = /code is ([A-Z0-9]+)/.exec(text(linkReply))?.[1];
    if (!code) throw new Error(text(linkReply));
    const linked = await core.handle(ben, { kind: "command", name: "link", args: { code } });
    expect(text(linked)).toMatch(/linked/);
    const fromSlack = await press(ana, "problem.vote", problem.id);
    expect(fromSlack.kind).toBe("update");
    const fromDiscord = await press(ben, "problem.vote", problem.id);
    expect(text(fromDiscord)).toMatch(/already voted/);
    expect((await deps.problems.byId(problem.id))?.voteCount).toBe(1);
    const edits = deps.outbox.messages.filter((m) => m.target.kind === "anchor");
    expect(edits.length).toBe(3);
    expect(new Set(edits.map((m) => m.anchor?.version)).size).toBe(1);
  });

  it("lists problems ten to a page with paging buttons, and finds one by number", async () => {
    await deps.directory.setIntakeLimits(communityId, { cooldownMinutes: 0, dailyCap: 100 });
    for (let i = 0; i < 12; i++) {
      const [word, other] = distinctWords[i] ?? ["", ""];
      let reply = await submit(champ, {
        ...problemValues,
        title: `${word} ${word} ${word}`,
        description: `${other} ${other} ${other} ${other}`,
      });
      // A fuzzy match may still deflect: file anyway, as a person would.
      const fileAnyway = buttons(reply).find((b) => b.actionId === "problem.file");
      if (fileAnyway) reply = await press(champ, "problem.file", fileAnyway.value);
      expect(text(reply)).toMatch(/filed as/);
    }
    const total = (await deps.problems.list({ communityId, order: "new", offset: 0, limit: 100 })).total;
    expect(total).toBeGreaterThan(10);
    const first = await core.handle(cleo, { kind: "commandText", text: "problems new" });
    const next = buttons(first).find((b) => b.label === "Next");
    expect(next?.value).toBe("new:2");
    const second = await press(cleo, "problem.page", "new:2");
    expect(second.kind).toBe("update");
    expect(text(second)).toMatch(/Page 2 of 2/);
    const one = await core.handle(cleo, { kind: "commandText", text: "problems #1" });
    expect(text(one)).toMatch(/#1 ·/);
  });

  it("shows your problems and the community's top ones on your home, with a button to file", async () => {
    const mine = await fileOne(ana);
    await press(cleo, "problem.vote", mine.id);
    const home = cardPlainText(await core.home(ana));
    expect(home).toMatch(/Problems you filed\n#1 School bus delays are invisible · 1 vote · New/);
    expect(home).toMatch(/Top problems\n#1 School bus delays/);
    expect(home).toContain("File a problem");
    expect(cardPlainText(await core.home(cleo))).not.toContain("Problems you filed");
  });
});
