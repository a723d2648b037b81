// Showcases across Slack and Discord at once, as issue 6 defines "done": the whole app (real core,
// SQL stores, Bolt over HTTP, discord.js) against both fakes on 127.0.0.1, on a small catalog.
// Val files problem #1 on Discord and so follows it. Ben submits a showcase from Discord in two
// modals (the dataset autocompleted, problem #1 named); the review card reaches the champions'
// Slack channel. Members on either platform are refused; the champion approves, and the showcase
// is published once on both platforms' showcase channels (a Slack image block, a Discord embed
// image) however often Approve is pressed, and the review card in both platforms' triage channels
// is edited to "Approved and published by …" with no buttons left. Asked whether #1 is solved, the champion confirms:
// #1 closes as solved with the showcase linked, and Val is told exactly once.

import { resolve } from "node:path";
import type { APIModalInteractionResponseCallbackData } from "discord.js";
import { InteractionResponseType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCatalogSourceReader } from "../../src/catalog-sources/index.js";
import { writeCatalogSync } from "../../src/store/catalog/catalog-sync-writer.js";
import type { FakeDiscord } from "../fakes/discord/fake-discord-server.js";
import {
  blockActionPayload,
  FAKE_TEAM_ID,
  FAKE_USER_ID,
  type FakeSlack,
  postInteraction,
  postSlashCommand,
} from "../fakes/slack/index.js";
import type { TestApp } from "../support/test-app.js";
import {
  discordBody,
  discordText,
  type SlackButton,
  slackButtons,
  startTwoPlatformApp,
  type TwoPlatformApp,
} from "../support/two-platform-app.js";

const SECRET = "showcases-e2e-secret";
const DISCORD_TOKEN = "showcases-e2e-discord";
const CHAMPION = "U0CHAMPION";
const SLACK_TRIAGE = "C0TRIAGE";
const SLACK_SHOWCASES = "C0SHOWCASES";
const catalogPath = resolve(import.meta.dirname, "../fixtures/restricted-catalog.json");

const SHOWCASE = {
  title: "Shade map for school walks",
  summary: "Which walking routes to school have the most tree shade, street by street, for hot days.",
  link: "https://example.org/shade-map",
  image_url: "https://example.org/shade-map.png",
  team: "Riverside Walkers",
};

type Json = Record<string, unknown>;
type Modal = APIModalInteractionResponseCallbackData;

describe("showcases on Slack and Discord at once", { timeout: 90_000 }, () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let desk: TestApp;
  let receiverUrl: string;
  let communityId: string;
  let discordShowcases: string;
  let discordTriage: string;
  let val: string;
  let showcaseId = "";
  let problemId = "";
  const ben = () => discord.world.defaultUser.id;

  let platforms: TwoPlatformApp;
  const drain = () => platforms.drain();
  const showcase = () => desk.app.services.deps.showcases.byNumber(communityId, 1);

  async function discordModal(
    payload: Parameters<FakeDiscord["gateway"]["sendInteraction"]>[0],
  ): Promise<Modal> {
    const callback = await discord.gateway.sendInteraction(payload);
    if (callback.type !== InteractionResponseType.Modal)
      throw new Error(`no modal: ${discordText(callback.data)}`);
    return callback.data as Modal;
  }

  /** The custom_id of the first button in a Discord reply whose id starts with `prefix`. */
  function buttonIn(data: unknown, prefix: string): string {
    const id = JSON.stringify(discordBody(data).components ?? []).match(
      new RegExp(`"custom_id":"(${prefix.replace(".", "\\.")}:[^"]*)"`),
    )?.[1];
    if (!id) throw new Error(`no ${prefix} button in ${discordText(data)}`);
    return id;
  }

  const slackPostsIn = (channel: string) =>
    slack.callsTo("chat.postMessage").filter((c) => c.body.channel === channel);

  /** Presses a Slack button on the review card; the answer comes back through `${label}`'s response URL. */
  async function pressSlack(user: string, button: SlackButton, label: string, ephemeral = false) {
    const review = slackPostsIn(SLACK_TRIAGE).at(-1);
    await postInteraction(
      receiverUrl,
      SECRET,
      blockActionPayload({
        actionId: button.action_id,
        value: button.value ?? "",
        user,
        channel: SLACK_TRIAGE,
        ...(ephemeral
          ? { ephemeral: true }
          : { messageTs: String((review?.response as Json | undefined)?.ts ?? "") }),
        responseUrl: slack.responseUrl(label),
      }),
    );
  }

  const reviewButton = (actionId: string): SlackButton => {
    const button = slackButtons(slackPostsIn(SLACK_TRIAGE).at(-1)?.body.blocks).find(
      (b) => b.action_id.replace(/#\d+$/, "") === actionId,
    );
    if (!button) throw new Error(`no ${actionId} on the review card`);
    return button;
  };

  /** Review cards in Discord's triage channel: messages with the showcase's decision buttons. */
  const discordReviewCards = () =>
    [...discord.world.messages.values()].filter(
      (m) =>
        m.channel_id === discordTriage && JSON.stringify(m.components ?? []).includes("showcase.approve:"),
    );
  let discordReviewId = "";

  /** DMs the bot sent Val on Discord. */
  const valDms = () => {
    const dm = discord.world.dmChannels.get(val);
    return dm ? [...discord.world.messages.values()].filter((m) => m.channel_id === dm.id) : [];
  };

  beforeAll(async () => {
    platforms = await startTwoPlatformApp({
      signingSecret: SECRET,
      discordToken: DISCORD_TOKEN,
      slackToken: "xoxb-showcases",
      discordUsers: ["val"],
    });
    ({ slack, discord, desk, receiverUrl } = platforms);
    val = platforms.discordUsers.val ?? "";
    const { deps, db } = desk.app.services;
    communityId = (await deps.people.communityForWorkspace("slack", FAKE_TEAM_ID)).id;
    discordShowcases = discord.world.otherTextChannelId;
    discordTriage = discord.world.textChannelId;
    await deps.directory.setChannel(communityId, "discord", discord.world.guildId, "triage", discordTriage);
    await deps.directory.setChannel(communityId, "slack", FAKE_TEAM_ID, "triage", SLACK_TRIAGE);
    await deps.directory.setChannel(communityId, "slack", FAKE_TEAM_ID, "showcases", SLACK_SHOWCASES);
    await deps.directory.setChannel(
      communityId,
      "discord",
      discord.world.guildId,
      "showcases",
      discordShowcases,
    );
    await writeCatalogSync(
      db.sql,
      { communityId, name: "city", kind: "dcat", location: catalogPath },
      createCatalogSourceReader().read(catalogPath, "dcat"),
      new Date(),
    );
    // The champion exists once they have talked to the bot; an admin then gives them the role.
    await postSlashCommand(receiverUrl, SECRET, {
      text: "help",
      user_id: CHAMPION,
      response_url: slack.responseUrl("help"),
    });
    await slack.waitForResponse("help");
    await db.sql.query(
      `UPDATE "Membership" m SET "roles" = ARRAY['member','champion']::"Role"[]
       FROM "PlatformAccount" a WHERE a."personId" = m."personId" AND a."userId" = $1`,
      [CHAMPION],
    );
    // Val files problem #1 on Discord (and so follows it).
    const form = await discordModal(discord.gateway.chatInputInteraction({ name: "problem", user: val }));
    const filed = await discord.gateway.sendInteraction(
      discord.gateway.answerModal(
        form,
        {
          title: "Which school walks have shade?",
          description:
            "On hot days children walk to school in full sun; nobody maps the shade on those routes.",
          affected: "Children walking to school",
          place: "",
        },
        { user: val },
      ),
    );
    expect(discordText(filed.data)).toMatch(/#1/);
    problemId = (await deps.problems.byNumber(communityId, 1))?.id ?? "";
    await drain();
  });

  afterAll(async () => {
    await platforms?.close();
  });

  it("submits from Discord in two modals, the dataset autocompleted and the problem named", async () => {
    const suggestions = await discord.gateway.sendInteraction(
      discord.gateway.autocompleteInteraction({
        name: "showcase",
        options: { dataset: "street" },
        focused: "dataset",
      }),
    );
    expect(JSON.stringify(suggestions.data)).toContain("ar-street-trees");
    const stepOne = await discordModal(
      discord.gateway.chatInputInteraction({ name: "showcase", options: { dataset: "ar-street-trees" } }),
    );
    expect(
      JSON.stringify(stepOne.components).match(/"custom_id":"(title|summary|link|image_url|team)"/g),
    ).toHaveLength(5);
    const bad = await discord.gateway.sendInteraction(
      discord.gateway.answerModal(stepOne, { ...SHOWCASE, link: "javascript:alert(1)" }),
    );
    expect(discordText(bad.data)).toMatch(/http/);
    const next = await discord.gateway.sendInteraction(discord.gateway.answerModal(stepOne, SHOWCASE));
    const stepTwo = await discordModal(
      discord.gateway.buttonInteraction({ customId: buttonIn(next.data, "showcase.continue") }),
    );
    expect(JSON.stringify(stepTwo.components)).toContain("Street trees");
    const sent = await discord.gateway.sendInteraction(
      discord.gateway.answerModal(stepTwo, { kind: ["visualisation"], problems: "#1" }),
    );
    expect(discordText(sent.data)).toMatch(/S1 “Shade map for school walks” is with the champions/);
    const stored = await showcase();
    expect(stored).toMatchObject({ status: "pending_review", imageUrl: SHOWCASE.image_url });
    expect(stored?.datasets.map((d) => d.title)).toEqual(["Street trees"]);
    expect(stored?.problems.map((p) => p.number)).toEqual([1]);
    showcaseId = stored?.id ?? "";

    await drain();
    // (The triage channel also holds problem #1's card.)
    const [review, ...more] = slackPostsIn(SLACK_TRIAGE).filter((c) =>
      JSON.stringify(c.body).includes("showcase.approve"),
    );
    expect(more).toEqual([]);
    expect(review?.body.blocks).toContainEqual(
      expect.objectContaining({ type: "image", image_url: SHOWCASE.image_url }),
    );
    expect(slackButtons(review?.body.blocks).map((b) => b.action_id.replace(/#\d+$/, ""))).toEqual([
      "showcase.approve",
      "showcase.changes",
      "showcase.reject",
    ]);
    const [onDiscord, ...moreOnDiscord] = discordReviewCards();
    expect(moreOnDiscord).toEqual([]);
    expect(JSON.stringify(onDiscord?.components)).toContain(`showcase.approve:${showcaseId}`);
    discordReviewId = onDiscord?.id ?? "";
    expect(slackPostsIn(SLACK_SHOWCASES)).toEqual([]);
  });

  it("refuses members who press Approve, on either platform, and changes nothing", async () => {
    await pressSlack(FAKE_USER_ID, reviewButton("showcase.approve"), "member-approve");
    expect(JSON.stringify((await slack.waitForResponse("member-approve")).body)).toMatch(
      /Only the community's champions and admins review showcases/,
    );
    const refused = await discord.gateway.sendInteraction(
      discord.gateway.buttonInteraction({ customId: `showcase.approve:${showcaseId}`, user: val }),
    );
    expect(discordText(refused.data)).toMatch(/champions and admins/);
    expect((await showcase())?.status).toBe("pending_review");
  });

  it("publishes once on both platforms' showcase channels, however often Approve is pressed", async () => {
    await pressSlack(CHAMPION, reviewButton("showcase.approve"), "approve");
    const asked = await slack.waitForResponse("approve", (post) =>
      JSON.stringify(post.body).includes("showcase.solve"),
    );
    expect(JSON.stringify(asked.body)).toMatch(/Is that problem now solved\?/);
    await pressSlack(CHAMPION, reviewButton("showcase.approve"), "approve-again");
    expect(
      JSON.stringify(
        (await slack.waitForResponse("approve-again", (p) => JSON.stringify(p.body).includes("already")))
          .body,
      ),
    ).toMatch(/already decided/);
    await drain();
    await drain();
    const slackPublished = slackPostsIn(SLACK_SHOWCASES);
    expect(slackPublished).toHaveLength(1);
    expect(slackPublished[0]?.body.blocks).toContainEqual(
      expect.objectContaining({ type: "image", image_url: SHOWCASE.image_url }),
    );
    const discordPublished = [...discord.world.messages.values()].filter(
      (m) => m.channel_id === discordShowcases,
    );
    expect(discordPublished).toHaveLength(1);
    expect(discordPublished[0]?.embeds?.some((e) => e.image?.url === SHOWCASE.image_url)).toBe(true);
    expect(discordText(discordPublished[0])).toContain(SHOWCASE.title);
    expect(await showcase()).toMatchObject({ status: "published" });
    // Every copy of the review card now says who approved it, with no buttons to press.
    const reviewTs = (
      slackPostsIn(SLACK_TRIAGE).find((c) => JSON.stringify(c.body).includes("showcase.approve"))?.response as
        | Json
        | undefined
    )?.ts;
    const slackEdits = slack
      .callsTo("chat.update")
      .filter((c) => c.body.channel === SLACK_TRIAGE && c.body.ts === reviewTs);
    expect(JSON.stringify(slackEdits.at(-1)?.body)).toContain("Approved and published by");
    expect(slackButtons(slackEdits.at(-1)?.body.blocks)).toEqual([]);
    const discordCard = discord.world.messages.get(discordReviewId);
    expect(JSON.stringify(discordCard?.components ?? [])).not.toContain("showcase.");
    expect(discordText(discordCard)).toContain("Approved and published by");
    expect(discordText(discordCard)).toContain(SHOWCASE.title);
    expect(discordCard?.edited_timestamp).toBeTruthy();
    // Ben, who submitted it, is told on Discord.
    const benDm = discord.world.dmChannels.get(ben());
    expect(
      [...discord.world.messages.values()]
        .filter((m) => m.channel_id === benDm?.id)
        .map((m) => discordText(m)),
    ).toEqual([expect.stringMatching(/S1 “Shade map for school walks” is published/)]);
  });

  it("closes problem #1 as solved with the showcase linked, and tells its follower exactly once", async () => {
    const asked = slack.responses.find(
      (p) => p.id === "approve" && JSON.stringify(p.body).includes("showcase.solve"),
    );
    const solve = slackButtons((asked?.body as Json | undefined)?.blocks).find(
      (b) => b.action_id === "showcase.solve",
    );
    if (!solve) throw new Error("no solve button");
    expect(solve.text?.text).toBe("Mark #1 as solved");
    await pressSlack(CHAMPION, solve, "solve", true);
    expect(JSON.stringify((await slack.waitForResponse("solve")).body)).toMatch(
      /Marked #1 as solved; 1 person was told/,
    );
    await pressSlack(CHAMPION, solve, "solve-again", true);
    expect(JSON.stringify((await slack.waitForResponse("solve-again")).body)).toMatch(/already closed/);
    await drain();
    await drain();

    const { deps } = desk.app.services;
    expect((await deps.problems.byId(problemId))?.status).toBe("solved");
    const events = await deps.problems.events(problemId);
    expect(events.at(-1)).toMatchObject({ toStatus: "solved" });
    expect(events.at(-1)?.note).toContain(SHOWCASE.link);
    const told = valDms().filter((m) => /#1/.test(discordText(m)) && /Solved/i.test(discordText(m)));
    expect(told).toHaveLength(1);
    expect(discordText(told[0])).toContain(SHOWCASE.link);
  });
});
