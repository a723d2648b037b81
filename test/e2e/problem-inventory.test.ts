// The problem inventory across Slack and Discord at once, as issue 4 defines "done": the whole
// app (real core, SQL store, Bolt over HTTP, discord.js) against both fakes on 127.0.0.1. A problem
// is filed through the Slack modal; people vote from both platforms (a linked person counts once);
// a champion merges a duplicate (counts merge) and declines with a reason (each follower told
// once); a member pressing a triage button is refused; hostile text pings nobody anywhere.

import type { APIInteraction, APIModalInteractionResponseCallbackData } from "discord.js";
import { InteractionResponseType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeDiscord } from "../fakes/discord/fake-discord-server.js";
import {
  blockActionPayload,
  FAKE_TEAM_ID,
  FAKE_USER_ID,
  type FakeSlack,
  inputState,
  postInteraction,
  postSlashCommand,
  submissionOf,
} from "../fakes/slack/index.js";
import { discordButton } from "../support/discord-buttons.js";
import type { TestApp } from "../support/test-app.js";
import {
  discordBody,
  discordText,
  slackButtons,
  startTwoPlatformApp,
  type TwoPlatformApp,
} from "../support/two-platform-app.js";

const SECRET = "problem-inventory-e2e-secret";
const DISCORD_TOKEN = "problem-inventory-e2e-discord";
const CHAMPION = "U0CHAMPION";
const SLACK_PROBLEMS = "C0PROBLEMS";
const SLACK_TRIAGE = "C0TRIAGE";
const HOSTILE = "@everyone @here <!channel> <!everyone> <@U0VICTIM> [click](https://evil.example)";

type Json = Record<string, unknown>;
type Modal = APIModalInteractionResponseCallbackData;

describe("problem inventory on Slack and Discord at once", { timeout: 60_000 }, () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let desk: TestApp;
  let receiverUrl: string;
  let communityId: string;
  let discordProblems: string;
  const ben = () => discord.world.defaultUser.id;
  let cleo: string;
  let dan: string;
  let firstId = "";

  let platforms: TwoPlatformApp;
  const drain = () => platforms.drain();
  const problem = (number: number) => desk.app.services.deps.problems.byNumber(communityId, number);

  /** The next `method` call after those already recorded. */
  function nextSlackCall(method: string) {
    const seen = new Set(slack.callsTo(method));
    return slack.waitForCall(method, (call) => !seen.has(call));
  }

  async function slackModal(text: string, user = FAKE_USER_ID): Promise<Json> {
    const opened = nextSlackCall("views.open");
    await postSlashCommand(receiverUrl, SECRET, {
      text,
      user_id: user,
      channel_id: "C0GENERAL",
      response_url: slack.responseUrl(`cmd-${user}`),
    });
    return (await opened).body.view as Json;
  }

  async function discordModal(interaction: APIInteraction): Promise<Modal> {
    const callback = await discord.gateway.sendInteraction(interaction);
    if (callback.type !== InteractionResponseType.Modal)
      throw new Error(`no modal: ${discordText(callback.data)}`);
    return callback.data as Modal;
  }

  async function pressDiscord(user: string, channelId: string, prefix: string, problemId?: string) {
    const { customId, messageId } = discordButton(discord.world, channelId, prefix);
    const id = problemId ? `${prefix}:${problemId}` : customId;
    return discord.gateway.sendInteraction(
      discord.gateway.buttonInteraction({ customId: id, messageId, user, channelId }),
    );
  }

  /** The Slack post of problem `number` in `channel`, with its buttons. */
  function slackPost(channel: string, number: number) {
    const post = slack.calls.find(
      (c) =>
        c.method === "chat.postMessage" &&
        c.body.channel === channel &&
        JSON.stringify(c.body.blocks).includes(`#${number} ·`),
    );
    if (!post) throw new Error(`no post of #${number} in ${channel}`);
    return {
      ts: String((post.response as Json | undefined)?.ts ?? ""),
      buttons: slackButtons(post.body.blocks),
    };
  }

  async function pressSlack(user: string, channel: string, number: number, actionId: string): Promise<Json> {
    const { ts, buttons } = slackPost(channel, number);
    const button = buttons.find((b) => b.action_id.replace(/#\d+$/, "") === actionId);
    if (!button) throw new Error(`no ${actionId} on #${number}`);
    const responseUrl = slack.responseUrl(`${actionId}-${user}-${number}`);
    await postInteraction(
      receiverUrl,
      SECRET,
      blockActionPayload({
        actionId: button.action_id,
        value: button.value ?? "",
        user,
        channel,
        messageTs: ts,
        responseUrl,
      }),
    );
    return { responseUrl: `${actionId}-${user}-${number}` };
  }

  beforeAll(async () => {
    platforms = await startTwoPlatformApp({
      signingSecret: SECRET,
      discordToken: DISCORD_TOKEN,
      slackToken: "xoxb-problem-inventory",
      discordUsers: ["cleo", "dan"],
    });
    ({ slack, discord, desk, receiverUrl } = platforms);
    cleo = platforms.discordUsers.cleo ?? "";
    dan = platforms.discordUsers.dan ?? "";
    const { deps, db } = desk.app.services;
    communityId = (await deps.people.communityForWorkspace("slack", FAKE_TEAM_ID)).id;
    discordProblems = discord.world.otherTextChannelId;
    await deps.directory.setTopics(communityId, ["Transport", "Housing"]);
    await deps.directory.setChannel(communityId, "slack", FAKE_TEAM_ID, "problems", SLACK_PROBLEMS);
    await deps.directory.setChannel(communityId, "slack", FAKE_TEAM_ID, "triage", SLACK_TRIAGE);
    await deps.directory.setChannel(
      communityId,
      "discord",
      discord.world.guildId,
      "problems",
      discordProblems,
    );
    // The champion exists once they have talked to the bot; an admin then gives them the role.
    await postSlashCommand(receiverUrl, SECRET, {
      text: "help",
      user_id: CHAMPION,
      response_url: slack.responseUrl("help"),
    });
    await slack.waitForResponse("help");
    await db.sql.query(
      `UPDATE "Membership" m SET "roles" = ARRAY['member','champion']::"Role"[], "topics" = ARRAY['Transport']
       FROM "PlatformAccount" a WHERE a."personId" = m."personId" AND a."userId" = $1`,
      [CHAMPION],
    );
  });

  afterAll(async () => {
    await platforms?.close();
  });

  it("files a problem from the Slack modal and posts it on both platforms, pinging the topic's champion", async () => {
    const view = await slackModal("problem");
    const acked = await postInteraction(
      receiverUrl,
      SECRET,
      submissionOf(view, {
        title: { value: inputState.text(`Bus delays are invisible ${HOSTILE}`) },
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
    expect(acked.status).toBe(200);
    expect((acked.json as Json | null)?.response_action).not.toBe("errors");
    const filed = await problem(1);
    expect(filed?.title).toContain("Bus delays are invisible");
    firstId = filed?.id ?? "";
    await drain();
    expect(slackPost(SLACK_PROBLEMS, 1).buttons.map((b) => b.action_id)).toEqual([
      "problem.vote",
      "problem.follow",
      "problem.triage",
    ]);
    const triage = slack.calls.find(
      (c) => c.method === "chat.postMessage" && c.body.channel === SLACK_TRIAGE,
    );
    expect(JSON.stringify(triage?.body.blocks)).toContain(`<@${CHAMPION}>`);
    expect(discordButton(discord.world, discordProblems, "problem.vote").customId).toBe(
      `problem.vote:${firstId}`,
    );
  });

  it("counts a linked person's votes from Slack and Discord once, and edits the cards on both", async () => {
    await pressSlack(FAKE_USER_ID, SLACK_PROBLEMS, 1, "problem.vote");
    // Link the Slack user (Ana) with the Discord default user (Ben): the same human.
    await postSlashCommand(receiverUrl, SECRET, {
      text: "link",
      user_id: FAKE_USER_ID,
      response_url: slack.responseUrl("link"),
    });
    const issued = await slack.waitForResponse("link");
    const code = /code is ([A-Z0-9]+)/.exec(JSON.stringify(issued.body))?.[1];
    expect(code).toBeTruthy();
    const linked = await discord.gateway.sendInteraction(
      discord.gateway.chatInputInteraction({ name: "link", options: { code: code ?? "" } }),
    );
    expect(discordText(linked.data)).toMatch(/accounts are linked/);

    await pressDiscord(ben(), discordProblems, "problem.vote");
    expect((await problem(1))?.voteCount).toBe(1);
    await pressDiscord(cleo, discordProblems, "problem.vote");
    expect((await problem(1))?.voteCount).toBe(2);

    await drain();
    const slackEdit = slack.calls
      .filter((c) => c.method === "chat.update" && c.body.channel === SLACK_PROBLEMS)
      .at(-1);
    expect(JSON.stringify(slackEdit?.body.blocks)).toContain("Vote (2)");
    const { messageId } = discordButton(discord.world, discordProblems, "problem.vote");
    expect(JSON.stringify(discord.world.messages.get(messageId)?.components)).toContain("Vote (2)");
  });

  it("refuses a member who presses a triage button, and changes nothing", async () => {
    const before = await problem(1);
    const refused = await pressDiscord(cleo, discordProblems, "problem.triage");
    expect(JSON.stringify(refused)).toMatch(/champion/);
    await pressSlack(FAKE_USER_ID, SLACK_TRIAGE, 1, "problem.accept");
    const answer = await slack.waitForResponse(`problem.accept-${FAKE_USER_ID}-1`);
    expect(JSON.stringify(answer.body)).toMatch(/champion/);
    expect(await problem(1)).toMatchObject({
      status: before?.status,
      voteCount: before?.voteCount,
      cardVersion: before?.cardVersion,
    });
  });

  it("merges a duplicate: its votes and followers move to the original, each person once", async () => {
    const modal = await discordModal(
      discord.gateway.chatInputInteraction({ name: "problem", options: { topic: "Housing" }, user: cleo }),
    );
    const answered = await discord.gateway.sendInteraction(
      discord.gateway.answerModal(
        modal,
        {
          title: "Leaking roofs in public housing",
          description: "Tenants report leaking roofs for months; repair records are not published anywhere.",
          affected: "Public housing tenants",
          place: "",
        },
        { user: cleo },
      ),
    );
    expect(discordText(answered.data)).toMatch(/filed as #2/);
    const second = await problem(2);
    await drain();
    await pressDiscord(ben(), discordProblems, "problem.vote", second?.id);
    await pressDiscord(dan, discordProblems, "problem.vote", second?.id);
    expect((await problem(2))?.voteCount).toBe(2);

    await pressSlack(CHAMPION, SLACK_PROBLEMS, 2, "problem.triage");
    const triage = await slack.waitForResponse(`problem.triage-${CHAMPION}-2`);
    const duplicate = slackButtons(triage.body.blocks).find((b) => b.action_id === "problem.duplicate");
    const opened = nextSlackCall("views.open");
    await postInteraction(
      receiverUrl,
      SECRET,
      blockActionPayload({
        actionId: "problem.duplicate",
        value: duplicate?.value ?? "",
        user: CHAMPION,
        ephemeral: true,
        channel: SLACK_PROBLEMS,
        responseUrl: slack.responseUrl("dup"),
      }),
    );
    const form = (await opened).body.view as Json;
    await postInteraction(
      receiverUrl,
      SECRET,
      submissionOf(form, { original: { value: inputState.text("#1") } }, { user: CHAMPION }),
    );
    // Ana-and-Ben (one person) voted on both; Cleo on #1; Dan on #2: three people.
    expect(await problem(1)).toMatchObject({ voteCount: 3 });
    expect(await problem(2)).toMatchObject({ status: "duplicate" });
  });

  it("declines with a reason: the submitter and each follower are told exactly once", async () => {
    await drain();
    const slackBefore = slack.calls.length;
    const discordBefore = discord.calls.length;
    const opened = nextSlackCall("views.open");
    const openDecline = blockActionPayload({
      actionId: "problem.decline",
      value: firstId,
      user: CHAMPION,
      ephemeral: true,
      channel: SLACK_PROBLEMS,
      responseUrl: slack.responseUrl("decline"),
    });
    await postInteraction(receiverUrl, SECRET, openDecline);
    const form = (await opened).body.view as Json;
    const noDate = await postInteraction(
      receiverUrl,
      SECRET,
      submissionOf(
        form,
        {
          reason: { value: inputState.select("planned_release") },
          detail: { value: inputState.text("next spring") },
        },
        { user: CHAMPION },
      ),
    );
    expect((noDate.json as Json).response_action).toBe("errors");
    await postInteraction(
      receiverUrl,
      SECRET,
      submissionOf(
        form,
        {
          reason: { value: inputState.select("planned_release") },
          detail: { value: inputState.text("2027-03-01") },
        },
        { user: CHAMPION },
      ),
    );
    // A retried submission (Slack resends on a slow ack) changes nothing and tells nobody again.
    await postInteraction(
      receiverUrl,
      SECRET,
      submissionOf(
        form,
        {
          reason: { value: inputState.select("planned_release") },
          detail: { value: inputState.text("2027-03-01") },
        },
        { user: CHAMPION },
      ),
    );
    expect(await problem(1)).toMatchObject({ status: "declined" });
    await drain();
    await drain();

    const slackDms = slack.calls
      .slice(slackBefore)
      .filter(
        (c) =>
          c.method === "chat.postMessage" &&
          typeof c.body.channel === "string" &&
          /^[UD]/.test(c.body.channel) &&
          JSON.stringify(c.body).includes("Declined"),
      );
    const discordDms = discord.calls
      .slice(discordBefore)
      .filter(
        (c) =>
          c.method === "POST" &&
          /^\/channels\/[^/]+\/messages$/.test(c.path) &&
          discord.world.dmChannels.size > 0 &&
          [...discord.world.dmChannels.values()].some((dm) => c.path === `/channels/${dm.id}/messages`),
      );
    const recipients = [
      ...slackDms.map((c) => `slack:${c.body.channel}`),
      ...discordDms.map(
        (c) =>
          `discord:${[...discord.world.dmChannels.entries()].find(([, dm]) => c.path.includes(dm.id))?.[0]}`,
      ),
    ];
    // The submitter (Ana, who is also Ben: one DM on her most recent account) and Cleo, who
    // followed #2 as its submitter and was moved to #1. Dan only voted; the champion acted.
    expect(recipients).toHaveLength(2);
    expect(recipients).toContain(`discord:${cleo}`);
    expect(recipients.some((r) => r === `slack:${FAKE_USER_ID}` || r === `discord:${ben()}`)).toBe(true);
    for (const dm of [
      ...slackDms.map((c) => JSON.stringify(c.body)),
      ...discordDms.map((c) => discordText(c.body)),
    ]) {
      expect(dm).toMatch(/To be released later — 2027-03-01/);
    }
  });

  it("publishes the inventory as open data over HTTP, with no people in it", async () => {
    const base = receiverUrl.replace("/slack/events", "");
    const json = await fetch(`${base}/public/problems.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get("access-control-allow-origin")).toBe("*");
    const rows = (await json.json()) as Array<{
      number: number;
      status: string;
      votes: number;
      duplicateOf: number | null;
    }>;
    expect(rows.map((r) => [r.number, r.status, r.votes, r.duplicateOf])).toEqual([
      [1, "declined", 3, null],
      [2, "duplicate", 0, 1],
    ]);
    const csv = await (await fetch(`${base}/public/problems.csv`)).text();
    const people = await desk.app.services.db.sql.query<{ id: string; displayName: string }>(
      `SELECT "id", "displayName" FROM "Person"`,
    );
    for (const body of [JSON.stringify(rows), csv]) {
      for (const person of people) {
        expect(body).not.toContain(person.id);
        expect(body).not.toContain(person.displayName);
      }
      for (const platformId of [FAKE_USER_ID, CHAMPION, cleo, dan, ben()])
        expect(body).not.toContain(platformId);
    }
    for (const slug of ["nope", "Bad!", "x%00y"])
      expect((await fetch(`${base}/public/problems.json?community=${slug}`)).status).toBe(404);
  });

  it("pinged nobody through user text on either platform", () => {
    for (const call of slack.calls) {
      const sent = JSON.stringify(call.body);
      for (const live of ["<!channel>", "<!everyone>", "<!here>", "<@U0VICTIM>"])
        expect(sent, call.method).not.toContain(live);
    }
    for (const call of discord.calls) {
      const sent = call.path.endsWith("/callback") ? (call.body as { data?: unknown }).data : call.body;
      const message = discordBody(sent);
      if (message.embeds === undefined && message.content === undefined) continue;
      expect(message.allowed_mentions?.parse ?? [], `${call.method} ${call.path}`).toEqual([]);
      expect(message.allowed_mentions?.roles ?? []).toEqual([]);
    }
    expect(desk.logs.filter((line) => line.level >= 50)).toEqual([]);
  });
});
