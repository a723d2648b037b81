// Hostile text people type into a showcase (title, summary, team) and into a champion's bio, on
// the real app against the fake Slack and Discord at once: it is echoed back on the receipt, the
// review cards in both triage channels (and their edits), the public cards in both showcase
// channels, the submitter's DM and the champions directory, and nowhere does it ping anyone or
// style itself. Slack: `<!channel>`, `<@U123>`, `<http…>` arrive entity-escaped and mrkdwn marks
// fenced; Discord: `allowed_mentions` parses nothing, `@everyone` is defused and markdown
// (`*bold*`, `[link](…)`, `<@U123>`, `<script>`) escaped.

import type { APIModalInteractionResponseCallbackData } from "discord.js";
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
import type { TestApp } from "../support/test-app.js";
import {
  discordBody,
  discordText,
  type SlackButton,
  slackButtons,
  startTwoPlatformApp,
  type TwoPlatformApp,
} from "../support/two-platform-app.js";

const SECRET = "showcase-text-inert-secret";
const CHAMPION = "U0CHAMPION";
const SLACK_GENERAL = "C0GENERAL";
const SLACK_TRIAGE = "C0TRIAGE";
const SLACK_SHOWCASES = "C0SHOWCASES";
const HOSTILE = "<!channel> @everyone <@U123> *bold* [link](http://evil) <script>x</script>";

type Json = Record<string, unknown>;
type Modal = APIModalInteractionResponseCallbackData;

/** Every mrkdwn text object in a Slack payload (where formatting and links would be live). */
function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (typeof value !== "object" || value === null) return [];
  const object = value as Json;
  const own = object.type === "mrkdwn" && typeof object.text === "string" ? [object.text] : [];
  return [...own, ...Object.values(object).flatMap(mrkdwnTexts)];
}

describe("showcase and champion text stays inert on Slack and Discord", { timeout: 90_000 }, () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let desk: TestApp;
  let receiverUrl: string;
  let platforms: TwoPlatformApp;
  let val = "";
  let discordTriage = "";
  let discordShowcases = "";

  async function slackCommand(user: string, text: string, label: string) {
    await postSlashCommand(receiverUrl, SECRET, {
      text,
      user_id: user,
      channel_id: SLACK_GENERAL,
      response_url: slack.responseUrl(label),
    });
    return (await slack.waitForResponse(label)).body;
  }

  async function submit(view: Json, values: Record<string, Json>, user: string) {
    const state = Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value }]));
    return postInteraction(receiverUrl, SECRET, submissionOf(view, state, { user }));
  }

  const nextSlackCall = (method: string, predicate: (body: Json) => boolean) => {
    const seen = new Set(slack.callsTo(method));
    return slack.waitForCall(method, (call) => !seen.has(call) && predicate(call.body as Json));
  };
  const buttonIn = (blocks: unknown, actionId: string): SlackButton | undefined =>
    slackButtons(blocks).find((b) => b.action_id.replace(/#\d+$/, "") === actionId);

  beforeAll(async () => {
    platforms = await startTwoPlatformApp({
      signingSecret: SECRET,
      discordToken: "showcase-text-inert-discord",
      slackToken: "xoxb-showcase-text-inert",
      discordUsers: ["val"],
    });
    ({ slack, discord, desk, receiverUrl } = platforms);
    val = platforms.discordUsers.val ?? "";
    discordTriage = discord.world.textChannelId;
    discordShowcases = discord.world.otherTextChannelId;
    const { deps, db } = desk.app.services;
    const communityId = (await deps.people.communityForWorkspace("slack", FAKE_TEAM_ID)).id;
    const guild = discord.world.guildId;
    await deps.directory.setChannel(communityId, "slack", FAKE_TEAM_ID, "triage", SLACK_TRIAGE);
    await deps.directory.setChannel(communityId, "slack", FAKE_TEAM_ID, "showcases", SLACK_SHOWCASES);
    await deps.directory.setChannel(communityId, "discord", guild, "triage", discordTriage);
    await deps.directory.setChannel(communityId, "discord", guild, "showcases", discordShowcases);
    // The Slack champion and Val on Discord exist once they have talked to the bot; then champions.
    await slackCommand(CHAMPION, "help", "help");
    await discord.gateway.sendInteraction(discord.gateway.chatInputInteraction({ name: "help", user: val }));
    await db.sql.query(
      `UPDATE "Membership" m SET "roles" = ARRAY['member','champion']::"Role"[]
       FROM "PlatformAccount" a WHERE a."personId" = m."personId" AND a."userId" = ANY($1)`,
      [[CHAMPION, val]],
    );
  });

  afterAll(async () => {
    await platforms?.close();
  });

  it("echoes a hostile showcase and bio everywhere, pinging and styling nothing", async () => {
    // Val writes a hostile bio on Discord.
    const profile = await discord.gateway.sendInteraction(
      discord.gateway.chatInputInteraction({ name: "profile", user: val }),
    );
    expect(profile.type).toBe(InteractionResponseType.Modal);
    await discord.gateway.sendInteraction(
      discord.gateway.answerModal(
        profile.data as Modal,
        { topics: "", bio: HOSTILE, contact: "" },
        { user: val },
      ),
    );

    // Ana submits a hostile showcase on Slack; the Slack champion approves it.
    const opened = nextSlackCall("views.open", () => true);
    await postSlashCommand(receiverUrl, SECRET, {
      text: "showcase",
      user_id: FAKE_USER_ID,
      channel_id: SLACK_GENERAL,
      response_url: slack.responseUrl("showcase"),
    });
    const stepOne = (await opened).body.view as Json;
    const offered = nextSlackCall(
      "chat.postEphemeral",
      (b) => buttonIn(b.blocks, "showcase.continue") !== undefined,
    );
    await submit(
      stepOne,
      {
        title: inputState.text(HOSTILE),
        summary: inputState.text(`Summary: ${HOSTILE}`),
        link: inputState.text("https://example.org/hostile"),
        image_url: inputState.text(""),
        team: inputState.text(`Team ${HOSTILE}`),
      },
      FAKE_USER_ID,
    );
    const next = buttonIn((await offered).body.blocks, "showcase.continue") as SlackButton;
    const stepTwoOpened = nextSlackCall("views.open", () => true);
    await postInteraction(
      receiverUrl,
      SECRET,
      blockActionPayload({
        actionId: next.action_id,
        value: next.value ?? "",
        user: FAKE_USER_ID,
        channel: SLACK_GENERAL,
        ephemeral: true,
        responseUrl: slack.responseUrl("continue"),
      }),
    );
    const receipt = nextSlackCall("chat.postEphemeral", (b) =>
      JSON.stringify(b).includes("with the champions"),
    );
    await submit(
      (await stepTwoOpened).body.view as Json,
      { kind: inputState.select("app"), datasets: inputState.text(""), problems: inputState.text("") },
      FAKE_USER_ID,
    );
    await receipt;
    await platforms.drain();
    const review = slack
      .callsTo("chat.postMessage")
      .find((c) => c.body.channel === SLACK_TRIAGE && buttonIn(c.body.blocks, "showcase.approve"));
    const approve = buttonIn(review?.body.blocks, "showcase.approve") as SlackButton;
    await postInteraction(
      receiverUrl,
      SECRET,
      blockActionPayload({
        actionId: approve.action_id,
        value: approve.value ?? "",
        user: CHAMPION,
        channel: SLACK_TRIAGE,
        messageTs: String((review?.response as Json | undefined)?.ts ?? ""),
        responseUrl: slack.responseUrl("approve"),
      }),
    );
    await slack.waitForResponse("approve");
    await platforms.drain();
    await platforms.drain();
    const champions = await slackCommand(FAKE_USER_ID, "champions", "champions");
    const onDiscord = discordBody(
      (
        await discord.gateway.sendInteraction(
          discord.gateway.chatInputInteraction({ name: "champions", user: val }),
        )
      ).data,
    );
    expect(discordText(onDiscord)).toContain("bold");

    // Slack: everything that carried the text, each surface at least once.
    const slackOut = [
      ...slack.calls
        .filter((c) => ["chat.postMessage", "chat.postEphemeral", "chat.update"].includes(c.method))
        .map((c) => ({ where: `${c.method} ${String(c.body.channel)}`, body: c.body })),
      ...slack.responses.map((r) => ({ where: `response_url ${r.id}`, body: r.body })),
    ].filter(({ body }) => JSON.stringify(body).includes("evil"));
    const surfaces = slackOut.map((o) => o.where);
    for (const where of [
      `chat.postMessage ${SLACK_TRIAGE}`,
      `chat.update ${SLACK_TRIAGE}`,
      `chat.postMessage ${SLACK_SHOWCASES}`,
      "chat.postEphemeral C0GENERAL",
      "response_url champions",
    ])
      expect(surfaces, where).toContainEqual(expect.stringContaining(where));
    expect(JSON.stringify(champions)).toContain("evil");
    for (const { where, body } of slackOut) {
      const json = JSON.stringify(body);
      for (const markup of ["<!channel>", "<@U123>", "<http://evil", "<script>"])
        expect(json, `${where}: ${markup}`).not.toContain(markup);
      expect(json, where).not.toMatch(/@(everyone|here)\b/);
      for (const text of mrkdwnTexts(body)) expect(text, where).not.toMatch(/\*bold\*/);
    }

    // Discord: the review card (edited), the public card and the directory.
    const discordOut = [
      ...discord.calls
        .filter(
          (c) =>
            (c.method === "POST" || c.method === "PATCH") && JSON.stringify(c.body ?? "").includes("evil"),
        )
        .map((c) => ({ where: `${c.method} ${c.path}`, body: c.body })),
      { where: "champions", body: onDiscord },
    ];
    for (const channel of [discordTriage, discordShowcases])
      expect(discordOut.map((o) => o.where)).toContainEqual(
        expect.stringContaining(`/channels/${channel}/messages`),
      );
    expect(discordOut.some((o) => o.where.startsWith("PATCH"))).toBe(true);
    for (const { where, body } of discordOut) {
      // An interaction callback carries the message as its `data`.
      const message = discordBody((body as { data?: unknown }).data ?? body);
      expect(message.allowed_mentions?.parse ?? [], where).toEqual([]);
      expect(JSON.stringify(message.allowed_mentions ?? {}), where).not.toContain("U123");
      const text = discordText(message);
      expect(text, where).toContain("evil");
      expect(text, where).not.toMatch(/@(everyone|here)\b/);
      expect(text, where).not.toMatch(/(?<!\\)<(@U123|script|!channel)/);
      expect(text, where).not.toContain("*bold*");
      expect(text, where).not.toContain("[link](");
    }
  });
});
