import { beforeEach, describe, expect, it } from "vitest";
import { type FakeCoreDeps, fakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import {
  slackChampion as champ,
  sampleProblemValues as problemValues,
} from "../../../test/fakes/core/problem-fixtures.js";
import { createDatadesk, type Datadesk } from "../bot/create-datadesk.js";
import type { OutboundMessage } from "../ports/outbox.js";
import { cardPlainText, type FormReply, mentionedUserIds } from "../shared/card.js";
import type { PlatformIdentity } from "../shared/platform.js";

const ana: PlatformIdentity = {
  platform: "slack",
  workspaceId: "T1",
  userId: "UANA",
  displayName: "Ana",
  channelId: "CGEN",
};
const ben: PlatformIdentity = {
  platform: "discord",
  workspaceId: "G1",
  userId: "200",
  displayName: "Ben",
  channelId: "900",
};
const cleo: PlatformIdentity = { platform: "slack", workspaceId: "T1", userId: "UCLEO", displayName: "Cleo" };
const discordChamp: PlatformIdentity = {
  platform: "discord",
  workspaceId: "G1",
  userId: "300",
  displayName: "Chen",
};

function text(reply: FormReply): string {
  if (reply.kind === "card" || reply.kind === "update")
    return (
      cardPlainText(reply.card) +
      (reply.kind === "update" && reply.notice ? `\n${cardPlainText(reply.notice)}` : "")
    );
  return "";
}

function buttons(reply: FormReply): { actionId: string; value: string; label: string }[] {
  const cards =
    reply.kind === "card"
      ? [reply.card]
      : reply.kind === "update"
        ? [reply.card, ...(reply.notice ? [reply.notice] : [])]
        : [];
  return cards.flatMap((card) =>
    card.blocks.flatMap((b) =>
      b.type === "actions" ? b.actions.flatMap((a) => (a.kind === "button" ? [a] : [])) : [],
    ),
  );
}

const distinctWords = [
  ["potholes", "asphalt"],
  ["graffiti", "murals"],
  ["flooding", "drainage"],
  ["noise", "decibels"],
  ["libraries", "bookshelves"],
  ["wildfire", "smoke"],
  ["recycling", "compost"],
  ["evictions", "tenancy"],
  ["vaccination", "clinics"],
  ["playgrounds", "swings"],
  ["snowplows", "blizzard"],
  ["heatwave", "cooling"],
] as const;

describe("problem inventory (core, over fakes)", () => {
  let deps: FakeCoreDeps;
  let core: Datadesk;
  let communityId: string;
  let champId: string;

  const submit = (
    who: PlatformIdentity,
    values: Record<string, string> = problemValues,
    context = "t=;a=0",
  ) => core.handle(who, { kind: "form", formId: "problem.submit", context, values });
  const press = (who: PlatformIdentity, actionId: string, value: string) =>
    core.handle(who, { kind: "action", actionId, value });
  const dms = (): OutboundMessage[] => deps.outbox.messages.filter((m) => m.target.kind === "user");
  const fileOne = async (who = ana, values = problemValues) => {
    const reply = await submit(who, values);
    expect(reply.kind, text(reply)).toBe("card");
    const [problem] = (
      await deps.problems.list({ communityId, order: "new", offset: 0, limit: 1, includeClosed: true })
    ).items;
    if (!problem) throw new Error("not filed");
    return problem;
  };

  beforeEach(async () => {
    deps = fakeCoreDeps();
    core = createDatadesk(deps);
    communityId = deps.people.defaultCommunity.id;
    await deps.directory.setTopics(communityId, ["Transport", "Housing"]);
    await deps.directory.setChannel(communityId, "slack", "T1", "problems", "CPROB");
    await deps.directory.setChannel(communityId, "slack", "T1", "triage", "CTRI");
    await deps.directory.setChannel(communityId, "discord", "G1", "problems", "800");
    champId = await deps.people.addPerson(champ, ["member", "champion"]);
    deps.people.grant(champId, communityId, "champion", ["Transport"]);
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
