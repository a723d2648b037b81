import { beforeEach, describe, expect, it } from "vitest";
import { type FakeCoreDeps, fakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import {
  slackChampion as champ,
  sampleProblemValues as problemValues,
} from "../../../test/fakes/core/problem-fixtures.js";
import { createDatadesk, type Datadesk } from "../bot/create-datadesk.js";
import type { OutboundMessage } from "../ports/outbox.js";
import type { ProblemThread } from "../ports/problem-thread-store.js";
import { cardPlainText } from "../shared/card.js";
import type { PlatformIdentity } from "../shared/platform.js";
import { exportProblems } from "./export-problems.js";
import type { Problem } from "./problem.js";
import { REMOVED_VERSION } from "./problem-thread-messages.js";

const ana: PlatformIdentity = { platform: "slack", workspaceId: "T1", userId: "UANA", displayName: "Ana" };
const ben: PlatformIdentity = { platform: "discord", workspaceId: "G1", userId: "200", displayName: "Ben" };

describe("a problem's conversation across platforms", () => {
  let deps: FakeCoreDeps;
  let core: Datadesk;
  let problem: Problem;
  let slackThread: ProblemThread;
  let discordThread: ProblemThread;

  const threadPosts = (): OutboundMessage[] => deps.outbox.messages.filter((m) => m.target.kind === "thread");
  const reply = (
    who: PlatformIdentity,
    place: { channelId?: string; threadId: string },
    messageId: string,
    text: string,
  ) => core.threadActivity?.({ kind: "reply", identity: who, place, messageId, text });

  beforeEach(async () => {
    deps = fakeCoreDeps();
    core = createDatadesk(deps);
    const communityId = deps.people.defaultCommunity.id;
    await deps.directory.setTopics(communityId, ["Transport"]);
    await deps.directory.setChannel(communityId, "slack", "T1", "problems", "CPROB");
    await deps.directory.setChannel(communityId, "discord", "G1", "problems", "800");
    const champId = await deps.people.addPerson(champ, ["member", "champion"]);
    deps.people.grant(champId, communityId, "champion", ["Transport"]);
    await core.handle(ana, {
      kind: "form",
      formId: "problem.submit",
      context: "t=;a=0",
      values: problemValues,
    });
    const [filed] = (await deps.problems.list({ communityId, order: "new", offset: 0, limit: 1 })).items;
    if (!filed) throw new Error("not filed");
    problem = filed;
    // What the outbox worker records once each public card is out.
    slackThread = deps.problemThreads.recordThread(
      problem.id,
      "slack",
      { channelId: "CPROB", messageId: "1700.1" },
      "1700.1",
    );
    discordThread = deps.problemThreads.recordThread(
      problem.id,
      "discord",
      { channelId: "800", messageId: "9001" },
      "9001",
    );
  });

  it("asks for a thread on each public card, named after the problem", () => {
    const opening = deps.outbox.messages.filter((m) => m.target.kind === "channel" && m.target.thread);
    expect(opening.map((m) => m.platform).sort()).toEqual(["discord", "slack"]);
    for (const m of opening)
      expect(m.target).toMatchObject({ thread: { problemId: problem.id, name: `#1 · ${problem.title}` } });
  });

  it("stores a Slack reply as a comment and copies it, attributed, to the Discord thread once", async () => {
    const outcome = await reply(
      ana,
      { channelId: "CPROB", threadId: "1700.1" },
      "1700.2",
      "The 7:40 bus was 20 minutes late",
    );
    expect(outcome).toEqual({ kind: "mirrored", copies: 1 });
    const [copy, ...more] = threadPosts();
    expect(more).toEqual([]);
    expect(copy).toMatchObject({
      platform: "discord",
      target: { kind: "thread", channelId: "800", threadId: "9001" },
    });
    expect(cardPlainText(copy?.card ?? { fallbackText: "", blocks: [] })).toContain(
      "Ana on Slack: The 7:40 bus was 20 minutes late",
    );
    // A Slack retry of the same message: nothing new.
    expect(
      await reply(
        ana,
        { channelId: "CPROB", threadId: "1700.1" },
        "1700.2",
        "The 7:40 bus was 20 minutes late",
      ),
    ).toEqual({ kind: "unchanged" });
    expect(threadPosts()).toHaveLength(1);
    expect(await deps.problemThreads.commentsOf(problem.id)).toHaveLength(1);
  });

  it("copies a Discord reply to Slack, and leaves threads that are not a problem's alone", async () => {
    expect(await reply(ben, { threadId: "9001" }, "9002", "Same on route 12")).toEqual({
      kind: "mirrored",
      copies: 1,
    });
    expect(threadPosts()[0]).toMatchObject({
      platform: "slack",
      target: { channelId: "CPROB", threadId: "1700.1" },
    });
    expect(cardPlainText(threadPosts()[0]?.card ?? { fallbackText: "", blocks: [] })).toContain(
      "Ben on Discord:",
    );
    const people = deps.people.people.size;
    expect(await reply(ben, { threadId: "7777" }, "9003", "unrelated chatter")).toEqual({
      kind: "not-a-problem-thread",
    });
    // Nobody is created for chatter in other threads.
    expect(deps.people.people.size).toBe(people);
  });

  it("follows an edit once and a delete once, ordered after the post", async () => {
    await reply(ana, { channelId: "CPROB", threadId: "1700.1" }, "1700.2", "first words");
    const place = { channelId: "CPROB", threadId: "1700.1" };
    const edit = {
      kind: "edit" as const,
      platform: "slack" as const,
      place,
      messageId: "1700.2",
      text: "better words",
    };
    expect(await core.threadActivity?.(edit)).toEqual({ kind: "mirrored", copies: 1 });
    expect(await core.threadActivity?.(edit)).toEqual({ kind: "unchanged" });
    const edits = deps.outbox.messages.filter(
      (m) => m.target.kind === "anchor" && m.target.key.startsWith("comment:"),
    );
    expect(edits).toHaveLength(1);
    expect(edits[0]?.anchor?.version).toBe(1);
    expect(cardPlainText(edits[0]?.card ?? { fallbackText: "", blocks: [] })).toContain(
      "better words (edited)",
    );
    const remove = { kind: "delete" as const, platform: "slack" as const, place, messageId: "1700.2" };
    expect(await core.threadActivity?.(remove)).toEqual({ kind: "mirrored", copies: 1 });
    expect(await core.threadActivity?.(remove)).toEqual({ kind: "unchanged" });
    const removals = deps.outbox.messages.filter((m) => m.target.kind === "removal");
    expect(removals).toEqual([
      expect.objectContaining({
        platform: "discord",
        anchor: { key: edits[0]?.anchor?.key, version: REMOVED_VERSION },
      }),
    ]);
    // An edit after the delete changes nothing.
    expect(await core.threadActivity?.({ ...edit, text: "too late" })).toEqual({ kind: "unchanged" });
    expect(await deps.problemThreads.commentsOf(problem.id)).toEqual([]);
  });

  it("shows comments in the export without their authors, and not those of hidden problems", async () => {
    await reply(ana, { channelId: "CPROB", threadId: "1700.1" }, "1700.2", "Zelda here: the 7:40 was late");
    await reply(ben, { threadId: "9001" }, "9002", "Route 12 too");
    await reply(ben, { threadId: "9001" }, "9003", "gone soon");
    await core.threadActivity?.({
      kind: "delete",
      platform: "discord",
      place: { threadId: "9001" },
      messageId: "9003",
    });
    const communityId = deps.people.defaultCommunity.id;
    const json = JSON.parse(await exportProblems(deps.problems, communityId, "json")) as {
      comments: Record<string, unknown>[];
    }[];
    expect(json[0]?.comments).toEqual([
      { body: "Zelda here: the 7:40 was late", writtenAt: expect.any(String), edited: false },
      { body: "Route 12 too", writtenAt: expect.any(String), edited: false },
    ]);
    const csv = await exportProblems(deps.problems, communityId, "csv");
    expect(csv).toContain('"Zelda here: the 7:40 was late\nRoute 12 too"');
    for (const body of [JSON.stringify(json), csv]) {
      expect(body).not.toMatch(/Ana|Ben|UANA|"200"/);
    }
    await deps.problems.setHidden(problem.id, true);
    expect(await exportProblems(deps.problems, communityId, "json")).not.toContain("Route 12");
  });

  it("tells a champion's triage move in every thread", async () => {
    await core.handle(champ, { kind: "action", actionId: "problem.accept", value: problem.id });
    const moves = threadPosts();
    expect(moves.map((m) => m.platform).sort()).toEqual(["discord", "slack"]);
    expect(cardPlainText(moves[0]?.card ?? { fallbackText: "", blocks: [] })).toContain(
      "Chen moved #1 to Accepted.",
    );
    expect(slackThread.threadId).toBe("1700.1");
    expect(discordThread.threadId).toBe("9001");
  });
});
