// Issue 19's headline, end to end: one conversation per problem across Slack and Discord. The
// whole app (core, SQL store, outbox worker, Bolt over HTTP, discord.js) against both fakes. A
// problem's cards open a thread on each platform; a reply in one thread appears once in the
// other, attributed; a retried Slack event or a replayed gateway message posts nothing twice;
// edits and deletions follow; `@everyone` / `<!channel>` in a reply ping nobody on the other side.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeDiscord } from "../fakes/discord/fake-discord-server.js";
import type { RecordedCall as DiscordCall } from "../fakes/discord/interaction-ledger.js";
import {
  FAKE_TEAM_ID,
  FAKE_USER_ID,
  type FakeSlack,
  inputState,
  postEvent,
  postInteraction,
  postSlashCommand,
  submissionOf,
} from "../fakes/slack/index.js";
import {
  threadDeleteEvent,
  threadEditEvent,
  threadReplyEvent,
} from "../fakes/slack/thread-message-payloads.js";
import type { TestApp } from "../support/test-app.js";
import { discordBody, startTwoPlatformApp, type TwoPlatformApp } from "../support/two-platform-app.js";

const SECRET = "problem-threads-e2e-secret";
const SLACK_PROBLEMS = "C0PROBLEMS";
const HOSTILE = "@everyone @here <!channel> <!everyone>";

type Json = Record<string, unknown>;

async function until<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("a problem's conversation, mirrored between Slack and Discord", { timeout: 90_000 }, () => {
  let platforms: TwoPlatformApp;
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let desk: TestApp;
  let receiverUrl: string;
  let problemId = "";
  let slackCardTs = "";
  let discordThreadId = "";
  /** The bot's copy of the Slack reply in the Discord thread. */
  let discordCopyId = "";

  const drain = () => platforms.drain();
  const comments = () => desk.app.services.deps.problemThreads.commentsOf(problemId);
  const threadPosts = (): DiscordCall[] =>
    discord.calls.filter((c) => c.method === "POST" && c.path === `/channels/${discordThreadId}/messages`);
  const slackThreadPosts = () =>
    slack.calls.filter((c) => c.method === "chat.postMessage" && c.body.thread_ts === slackCardTs);

  beforeAll(async () => {
    platforms = await startTwoPlatformApp({
      signingSecret: SECRET,
      discordToken: "problem-threads-e2e-discord",
      slackToken: "xoxb-problem-threads",
    });
    ({ slack, discord, desk, receiverUrl } = platforms);
    const { deps } = desk.app.services;
    const communityId = (await deps.people.communityForWorkspace("slack", FAKE_TEAM_ID)).id;
    await deps.directory.setTopics(communityId, ["Transport"]);
    await deps.directory.setChannel(communityId, "slack", FAKE_TEAM_ID, "problems", SLACK_PROBLEMS);
    await deps.directory.setChannel(
      communityId,
      "discord",
      discord.world.guildId,
      "problems",
      discord.textChannelId,
    );

    const opened = slack.waitForCall("views.open");
    await postSlashCommand(receiverUrl, SECRET, {
      text: "problem",
      user_id: FAKE_USER_ID,
      channel_id: "C0GENERAL",
      response_url: slack.responseUrl("problem"),
    });
    const view = (await opened).body.view as Json;
    await postInteraction(
      receiverUrl,
      SECRET,
      submissionOf(view, {
        title: { value: inputState.text("School bus delays are invisible") },
        description: {
          value: inputState.text(
            "Parents wait in the cold because nobody publishes when school buses run late.",
          ),
        },
        affected: { value: inputState.text("Families in the north district") },
        place: { value: inputState.text("North") },
        topic: { value: inputState.select("Transport") },
        anonymous: { value: inputState.checkboxes([]) },
      }),
    );
    const filed = await until(() => deps.problems.byNumber(communityId, 1), "the problem to be filed");
    problemId = filed.id;
    await drain();
    const threads = await deps.problemThreads.threadsOf(problemId);
    slackCardTs = threads.find((t) => t.platform === "slack")?.threadId ?? "";
    discordThreadId = threads.find((t) => t.platform === "discord")?.threadId ?? "";
  });

  afterAll(async () => {
    await platforms?.close();
  });

  it("opens a thread under each card: Slack's is the card's ts, Discord's is started on the card", () => {
    const card = slack.calls.find(
      (c) => c.method === "chat.postMessage" && c.body.channel === SLACK_PROBLEMS,
    );
    expect(slackCardTs).toBe(String((card?.response as Json | undefined)?.ts));
    const started = discord.calls.find((c) => c.method === "POST" && c.path.endsWith("/threads"));
    expect(started?.path).toBe(`/channels/${discord.textChannelId}/messages/${discordThreadId}/threads`);
    expect(discordBody(started?.body) as Json).toMatchObject({
      name: "#1 · School bus delays are invisible",
    });
  });

  it("copies a Slack reply into the Discord thread once, inert, even when Slack retries the event", async () => {
    const envelope = {
      ...threadReplyEvent({ channel: SLACK_PROBLEMS, thread_ts: slackCardTs, text: `Late again ${HOSTILE}` }),
      event_id: "Ev0THREAD0001",
    };
    expect((await postEvent(receiverUrl, SECRET, envelope)).status).toBe(200);
    await until(async () => (await comments()).length === 1, "the Slack reply to be stored");
    await postEvent(receiverUrl, SECRET, envelope, { retryNum: 1, retryReason: "http_timeout" });
    await drain();
    await drain();
    expect(threadPosts()).toHaveLength(1);
    discordCopyId =
      [...discord.world.messages.values()].find(
        (m) => m.channel_id === discordThreadId && m.author.id === discord.botUser.id,
      )?.id ?? "";
    const copy = discordBody(threadPosts()[0]?.body);
    expect(copy.content ?? JSON.stringify(copy.embeds)).toMatch(/on Slack:/);
    expect(JSON.stringify(copy)).toContain("Late again");
    // Nobody may be pinged: Discord parses no @everyone/@here, no roles, no users.
    expect(copy.allowed_mentions?.parse ?? []).toEqual([]);
    expect(copy.allowed_mentions?.users ?? []).toEqual([]);
    expect((await comments())[0]?.body).toBe(
      `Late again ${HOSTILE.replace("<!channel> <!everyone>", "@channel @everyone")}`,
    );
  });

  it("copies a Discord reply into the Slack thread once, inert, even when the gateway replays it", async () => {
    const payload = discord.gateway.sendMessage({
      channelId: discordThreadId,
      content: `Route 12 too ${HOSTILE}`,
    });
    await until(async () => (await comments()).length === 2, "the Discord reply to be stored");
    // discord.js drops a message it still caches; push it out (200 per channel) with the bot's
    // own chatter, which is never a reply, so the replay reaches the bot as a reconnect's would.
    for (let i = 0; i < 205; i++)
      discord.gateway.sendMessage({
        channelId: discordThreadId,
        authorId: discord.botUser.id,
        content: `noise ${i}`,
      });
    // After a RESUME the gateway sends the same message again.
    discord.gateway.dispatch("MESSAGE_CREATE", payload);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await drain();
    expect(await comments()).toHaveLength(2);
    expect(slackThreadPosts()).toHaveLength(1);
    const copy = slackThreadPosts()[0]?.body ?? {};
    expect(copy.channel).toBe(SLACK_PROBLEMS);
    const shown = `${String(copy.text)} ${JSON.stringify(copy.blocks)}`;
    expect(shown).toMatch(/Ada on Discord:/);
    expect(shown).toContain("Route 12 too");
    // Slack would ping on these tokens; escaped, they are text.
    expect(shown).not.toMatch(/<!channel>|<!everyone>|<!here>/);
    expect(copy.link_names).toBeUndefined();
  });

  it("shows the conversation on the public page and in the export, without names", async () => {
    const base = receiverUrl.replace("/slack/events", "");
    const rows = (await (await fetch(`${base}/public/problems.json`)).json()) as Array<{
      comments: Array<{ body: string }>;
    }>;
    expect(rows[0]?.comments.map((c) => c.body)).toEqual([
      expect.stringContaining("Late again"),
      expect.stringContaining("Route 12 too"),
    ]);
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toContain("Route 12 too");
    const people = await desk.app.services.db.sql.query<{ id: string; displayName: string }>(
      `SELECT "id", "displayName" FROM "Person"`,
    );
    for (const body of [JSON.stringify(rows), html])
      for (const person of people) {
        expect(body).not.toContain(person.id);
        expect(body).not.toContain(person.displayName);
      }
  });

  it("follows an edit on either side once", async () => {
    const [fromSlack, fromDiscord] = await comments();
    const edit = {
      ...threadEditEvent({
        channel: SLACK_PROBLEMS,
        thread_ts: slackCardTs,
        ts: fromSlack?.platformMessageId ?? "",
        text: "Late again, 25 minutes this time",
      }),
      event_id: "Ev0THREAD0002",
    };
    await postEvent(receiverUrl, SECRET, edit);
    await until(async () => (await comments())[0]?.version === 1, "the Slack edit");
    await postEvent(receiverUrl, SECRET, edit, { retryNum: 1, retryReason: "http_timeout" });
    await drain();
    const patches = discord.calls.filter(
      (c) => c.method === "PATCH" && c.path === `/channels/${discordThreadId}/messages/${discordCopyId}`,
    );
    expect(patches).toHaveLength(1);
    expect(JSON.stringify(patches[0]?.body)).toMatch(/25 minutes this time.*\(edited\)/);

    discord.gateway.editMessage(fromDiscord?.platformMessageId ?? "", "Route 12 and route 14");
    await until(async () => (await comments())[1]?.version === 1, "the Discord edit");
    await drain();
    const slackCopyTs = String((slackThreadPosts()[0]?.response as Json | undefined)?.ts);
    const updates = slack.calls.filter((c) => c.method === "chat.update" && c.body.ts === slackCopyTs);
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(updates[0]?.body)).toContain("Route 12 and route 14");
  });

  it("removes the copies of deleted replies", async () => {
    const [fromSlack, fromDiscord] = await comments();
    await postEvent(receiverUrl, SECRET, {
      ...threadDeleteEvent({
        channel: SLACK_PROBLEMS,
        thread_ts: slackCardTs,
        ts: fromSlack?.platformMessageId ?? "",
      }),
      event_id: "Ev0THREAD0003",
    });
    discord.gateway.deleteMessage(fromDiscord?.platformMessageId ?? "");
    await until(async () => (await comments()).length === 0, "both deletions");
    await drain();
    const removed = discord.calls.filter(
      (c) => c.method === "DELETE" && c.path === `/channels/${discordThreadId}/messages/${discordCopyId}`,
    );
    expect(removed).toHaveLength(1);
    expect(discord.world.messages.has(discordCopyId)).toBe(false);
    const slackCopyTs = String((slackThreadPosts()[0]?.response as Json | undefined)?.ts);
    expect(slack.calls.filter((c) => c.method === "chat.delete" && c.body.ts === slackCopyTs)).toHaveLength(
      1,
    );
  });
});
