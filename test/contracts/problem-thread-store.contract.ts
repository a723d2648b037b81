import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewComment } from "../../src/core/ports/problem-thread-store.js";
import type { ProblemInventoryWorld } from "../support/problem-inventory-world.js";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 12, minute));

/**
 * The behaviour every ProblemThreadStore must have, run against the in-memory fake and the SQL
 * store, so the fake the core's thread tests rely on cannot quietly diverge from the real one.
 */
export function problemThreadStoreContract(name: string, setup: () => Promise<ProblemInventoryWorld>): void {
  describe(`ProblemThreadStore contract: ${name}`, () => {
    let world: ProblemInventoryWorld;
    let ana: string;
    let problemId: string;
    let otherProblemId: string;

    beforeAll(async () => {
      world = await setup();
      ana = await world.person("U-ana", { displayName: "Ana" });
      const draft = {
        communityId: world.communityId,
        submitterId: ana,
        platform: "slack" as const,
        description: "Nobody knows when the buses are late",
        affected: "families",
        place: null,
        topic: null,
        anonymous: false,
      };
      problemId = (await world.problems.create({ ...draft, title: "Bus delays" }, at(0))).id;
      otherProblemId = (await world.problems.create({ ...draft, title: "Potholes" }, at(1))).id;
      await world.recordThread(problemId, "slack", { channelId: "CPROB", messageId: "1700.1" }, "1700.1");
      await world.recordThread(problemId, "discord", { channelId: "800", messageId: "9001" }, "9001");
      await world.recordThread(
        otherProblemId,
        "slack",
        { channelId: "CPROB", messageId: "1700.5" },
        "1700.5",
      );
    });
    afterAll(async () => world.teardown());

    const comment = (overrides: Partial<NewComment> = {}): NewComment => ({
      problemId,
      authorPersonId: ana,
      platform: "slack",
      channelId: "CPROB",
      platformMessageId: "1700.2",
      body: "The 7:40 was late",
      at: at(5),
      ...overrides,
    });

    it("finds a thread by Slack's channel and ts, or by Discord's thread channel alone", async () => {
      const { problemThreads } = world;
      expect(
        await problemThreads.threadAt("slack", { channelId: "CPROB", threadId: "1700.1" }),
      ).toMatchObject({
        problemId,
        platform: "slack",
        messageId: "1700.1",
      });
      expect(await problemThreads.threadAt("discord", { threadId: "9001" })).toMatchObject({
        problemId,
        channelId: "800",
        threadId: "9001",
      });
      expect(await problemThreads.threadAt("slack", { channelId: "COTHER", threadId: "1700.1" })).toBeNull();
      expect(await problemThreads.threadAt("discord", { threadId: "1700.1" })).toBeNull();
      expect((await problemThreads.threadsOf(problemId)).map((t) => t.platform)).toEqual([
        "slack",
        "discord",
      ]);
    });

    it("records a thread once however often its post is recorded", async () => {
      await world.recordThread(problemId, "slack", { channelId: "CPROB", messageId: "1700.1" }, "1700.1");
      expect(await world.problemThreads.threadsOf(problemId)).toHaveLength(2);
    });

    it("stores a comment once per platform message, with its author's name", async () => {
      const { problemThreads } = world;
      const stored = await problemThreads.addComment(comment());
      expect(stored).toMatchObject({
        body: "The 7:40 was late",
        authorName: "Ana",
        version: 0,
        deletedAt: null,
      });
      expect(await problemThreads.addComment(comment({ body: "a redelivery" }))).toBeNull();
      // The same ts in another channel is another message.
      expect(
        await problemThreads.addComment(comment({ channelId: "CTWO", body: "elsewhere" })),
      ).not.toBeNull();
      expect(await problemThreads.commentAt("slack", "CPROB", "1700.2")).toMatchObject({ id: stored?.id });
      expect(await problemThreads.commentAt("discord", "CPROB", "1700.2")).toBeNull();
    });

    it("edits only when the text changes, and never after a delete", async () => {
      const { problemThreads } = world;
      const stored = await problemThreads.addComment(comment({ platformMessageId: "1700.3", body: "first" }));
      if (!stored) throw new Error("not stored");
      expect(await problemThreads.editComment(stored.id, "first", at(6))).toBeNull();
      expect(await problemThreads.editComment(stored.id, "second", at(7))).toMatchObject({
        body: "second",
        version: 1,
        editedAt: at(7),
      });
      expect(await problemThreads.deleteComment(stored.id, at(8))).toMatchObject({ deletedAt: at(8) });
      expect(await problemThreads.deleteComment(stored.id, at(9))).toBeNull();
      expect(await problemThreads.editComment(stored.id, "third", at(10))).toBeNull();
      expect((await problemThreads.commentsOf(problemId)).map((c) => c.platformMessageId)).not.toContain(
        "1700.3",
      );
    });

    it("remembers a comment's copies once each", async () => {
      const { problemThreads } = world;
      const stored = await problemThreads.addComment(comment({ platformMessageId: "1700.4" }));
      const discordThread = await problemThreads.threadAt("discord", { threadId: "9001" });
      if (!stored || !discordThread) throw new Error("missing fixture");
      const mirror = {
        commentId: stored.id,
        threadId: discordThread.id,
        platform: "discord" as const,
        anchorKey: `comment:${stored.id}:discord:${discordThread.id}`,
      };
      await problemThreads.recordMirrors([mirror], at(11));
      await problemThreads.recordMirrors([mirror], at(12));
      expect(await problemThreads.mirrorsOf(stored.id)).toEqual([mirror]);
    });

    it("lists a problem's live comments oldest first, and no other problem's", async () => {
      const { problemThreads } = world;
      await problemThreads.addComment(
        comment({ problemId: otherProblemId, platformMessageId: "1700.6", body: "other", at: at(2) }),
      );
      const listed = await problemThreads.commentsOf(problemId);
      expect(listed.map((c) => c.body)).toEqual(["The 7:40 was late", "elsewhere", "The 7:40 was late"]);
      expect(listed.every((c) => c.problemId === problemId)).toBe(true);
    });

    it("hands the export each problem's live comments, without their authors", async () => {
      const exported = await world.problems.exportPublic(world.communityId);
      const bus = exported.find((p) => p.title === "Bus delays");
      expect(bus?.comments.map((c) => c.body)).toEqual([
        "The 7:40 was late",
        "elsewhere",
        "The 7:40 was late",
      ]);
      expect(bus?.comments[0]).toEqual({ body: "The 7:40 was late", writtenAt: at(5), edited: false });
      expect(JSON.stringify(exported)).not.toContain(ana);
      expect(JSON.stringify(exported)).not.toContain("Ana");
    });
  });
}
