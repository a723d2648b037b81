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
  discordChamp,
  text,
} from "../../../test/support/core-problem-world.js";
import type { Datadesk } from "../bot/create-datadesk.js";
import { cardPlainText, mentionedUserIds } from "../shared/card.js";

describe("filing a problem (core, over fakes)", () => {
  let deps: FakeCoreDeps;
  let core: Datadesk;
  let communityId: string;
  let submit: CoreProblemWorld["submit"];
  let press: CoreProblemWorld["press"];
  let fileOne: CoreProblemWorld["fileOne"];

  beforeEach(async () => {
    ({ deps, core, communityId, submit, press, fileOne } = await coreProblemWorld());
  });

  it("opens the form from the command, with topic and anonymity inside it on Slack", async () => {
    const reply = await core.handle(ana, { kind: "commandText", text: "problem" });
    expect(reply.kind).toBe("form");
    if (reply.kind !== "form") return;
    expect(reply.form.fields.map((f) => f.id)).toEqual([
      "title",
      "description",
      "affected",
      "place",
      "topic",
      "anonymous",
    ]);
  });

  it("keeps Discord forms to five fields, taking topic and anonymity from the command's options", async () => {
    const reply = await core.handle(ben, {
      kind: "command",
      name: "problem",
      args: { topic: "housing", anonymous: true },
    });
    if (reply.kind !== "form") throw new Error(text(reply));
    expect(reply.form.fields.length).toBeLessThanOrEqual(5);
    expect(reply.form.fields.map((f) => f.id)).not.toContain("anonymous");
    const { topic: _topic, anonymous: _anonymous, ...typed } = problemValues;
    const filed = await submit(ben, typed, reply.form.context);
    expect(filed.kind, text(filed)).toBe("card");
    const [problem] = (await deps.problems.list({ communityId, order: "new", offset: 0, limit: 1 })).items;
    expect(problem?.topic).toBe("Housing");
    expect(problem?.anonymous).toBe(true);
  });

  it("shows each invalid field's error in the form, with what was typed kept for the retry", async () => {
    const reply = await submit(ana, { ...problemValues, title: "bus", topic: "Weather" });
    expect(reply.kind).toBe("errors");
    if (reply.kind !== "errors") return;
    expect(Object.keys(reply.errors).sort()).toEqual(["title", "topic"]);
    expect(reply.retry?.fields.find((f) => f.id === "description")?.initialValue).toBe(
      problemValues.description,
    );
    expect(await deps.problems.list({ communityId, order: "new", offset: 0, limit: 10 })).toMatchObject({
      total: 0,
    });
  });

  it("files a problem, posts it to every problems channel and pings the topic's champion in triage", async () => {
    const problem = await fileOne();
    expect(problem.number).toBe(1);
    const posts = deps.outbox.messages.filter((m) => m.target.kind === "channel");
    expect(
      posts.map((m) => `${m.platform}:${m.target.kind === "channel" ? m.target.channelId : ""}`).sort(),
    ).toEqual(["discord:800", "slack:CPROB", "slack:CTRI"]);
    const triage = posts.find((m) => m.target.kind === "channel" && m.target.channelId === "CTRI");
    expect(triage && mentionedUserIds(triage.card)).toEqual(["UCHAMP"]);
    for (const post of posts.filter((m) => m !== triage)) expect(mentionedUserIds(post.card)).toEqual([]);
    expect(posts.every((m) => m.anchor?.version === problem.cardVersion)).toBe(true);
  });

  it("pings the on-call champion when nobody champions the topic", async () => {
    const oncallId = await deps.people.addPerson(discordChamp, ["member", "champion"]);
    await deps.directory.setChannel(communityId, "discord", "G1", "triage", "801");
    await deps.directory.setOncall(communityId, { personIds: [oncallId], startsOn: "2026-01-05" });
    await fileOne(ana, { ...problemValues, topic: "Housing" });
    const triage = deps.outbox.messages.find(
      (m) => m.target.kind === "channel" && m.target.channelId === "801",
    );
    expect(triage && mentionedUserIds(triage.card)).toEqual(["300"]);
  });

  it("keeps user text as data: no mention segment comes from what people type", async () => {
    await fileOne(ana, { ...problemValues, title: "@everyone <!channel> <@U123> [x](http://evil)" });
    for (const message of deps.outbox.messages.filter(
      (m) => m.target.kind === "channel" && m.target.channelId !== "CTRI",
    )) {
      expect(mentionedUserIds(message.card)).toEqual([]);
      expect(cardPlainText(message.card)).toContain("@everyone <!channel> <@U123> [x](http://evil)");
    }
  });

  it("offers similar problems before filing, files once on a double click of 'File it anyway'", async () => {
    await fileOne(cleo);
    deps.clock.advanceMinutes(10);
    const reply = await submit(ana, { ...problemValues, title: "School bus delays are not published" });
    expect(text(reply)).toContain("#1");
    const file = buttons(reply).find((b) => b.actionId === "problem.file");
    expect(buttons(reply).some((b) => b.actionId === "problem.vote_instead")).toBe(true);
    if (!file) throw new Error("no file button");
    const first = await press(ana, "problem.file", file.value);
    const second = await press(ana, "problem.file", file.value);
    expect(first.kind).toBe("update");
    expect(text(second)).toMatch(/already filed or cancelled/);
    expect((await deps.problems.list({ communityId, order: "new", offset: 0, limit: 10 })).total).toBe(2);
  });

  it("enforces the cooldown and the daily cap for members, not for champions", async () => {
    await deps.directory.setIntakeLimits(communityId, { cooldownMinutes: 5, dailyCap: 2 });
    await fileOne();
    const tooSoon = await submit(ana, {
      ...problemValues,
      title: "Another different issue entirely",
      description: "Completely unrelated words about parks and benches here.",
    });
    expect(text(tooSoon)).toMatch(/wait 5 more minute/);
    deps.clock.advanceMinutes(6);
    await fileOne(ana, {
      ...problemValues,
      title: "Park benches are broken everywhere",
      description: "Benches in parks are broken and nobody knows which ones.",
    });
    deps.clock.advanceMinutes(6);
    const capped = await core.handle(ana, { kind: "commandText", text: "problem" });
    expect(text(capped)).toMatch(/daily limit/);
    await fileOne(champ);
    await fileOne(champ, {
      ...problemValues,
      title: "Streetlights out on main road",
      description: "Many streetlights are out and there is no data on repairs.",
    });
  });
});
