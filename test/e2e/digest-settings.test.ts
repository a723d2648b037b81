// Personal digests end to end on both platforms: Ana opts in on Slack (checkboxes in a modal), Sam
// on Discord (a select taking several values); when the digest is due each gets one DM with only
// the sections they kept, and Ben, who never opted in, gets none.
import type { APIModalInteractionResponseCallbackData } from "discord.js";
import { InteractionResponseType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestJob } from "../../src/jobs/digest-job.js";
import type { FakeDiscord } from "../fakes/discord/fake-discord-server.js";
import {
  dmChannelIdFor,
  FAKE_TEAM_ID,
  type FakeSlack,
  inputState,
  postInteraction,
  postSlashCommand,
  submissionOf,
} from "../fakes/slack/index.js";
import type { TestApp } from "../support/test-app.js";
import { discordText, startTwoPlatformApp, type TwoPlatformApp } from "../support/two-platform-app.js";

const SECRET = "digest-settings-e2e-secret";
const ANA = "U0ANA";
const BEN = "U0BEN";
// 2027-W01's digest is due Monday 11 January 2027, 09:00 UTC (the default community's zone).
const DUE = new Date("2027-01-11T09:00:00Z");
const TITLE = "Broken streetlights on Elm Street";
type Json = Record<string, unknown>;

describe("personal digest settings on Slack and Discord", { timeout: 60_000 }, () => {
  let platforms: TwoPlatformApp;
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let desk: TestApp;
  let receiverUrl: string;
  let sam: string;

  beforeAll(async () => {
    platforms = await startTwoPlatformApp({
      signingSecret: SECRET,
      discordToken: "digest-settings-e2e-discord",
      slackToken: "xoxb-digest-settings-e2e",
      discordUsers: ["sam"],
    });
    ({ slack, discord, desk, receiverUrl } = platforms);
    sam = platforms.discordUsers.sam ?? "";
  });

  afterAll(async () => {
    await platforms?.close();
  });

  async function slackSettings(user: string): Promise<Json> {
    const seen = new Set(slack.callsTo("views.open"));
    const opened = slack.waitForCall("views.open", (call) => !seen.has(call));
    await postSlashCommand(receiverUrl, SECRET, {
      text: "digest settings",
      user_id: user,
      channel_id: "C0GENERAL",
      response_url: slack.responseUrl(`digest-${user}`),
    });
    return (await opened).body.view as Json;
  }

  it("Ana opts in on Slack with checkboxes; Ben opens the form and leaves it", async () => {
    const view = await slackSettings(ANA);
    const sections = (view.blocks as Json[]).find((block) => block.block_id === "sections");
    const element = sections?.element as { type: string; options: { value: string }[] };
    expect(element.type).toBe("checkboxes");
    // A member is not offered the access request sections.
    expect(element.options.map((o) => o.value)).not.toContain("accessWaiting");
    const answer = await postInteraction(
      receiverUrl,
      SECRET,
      submissionOf(
        view,
        {
          enabled: { value: inputState.checkboxes(["true"]) },
          sections: { values: inputState.checkboxes(["newProblems"]) },
        },
        { user: ANA },
      ),
    );
    expect(answer.status).toBe(200);
    await slackSettings(BEN);
    const { deps } = desk.app.services;
    const community = await deps.people.communityForWorkspace("slack", FAKE_TEAM_ID);
    const subscribed = await deps.digestSubscriptions.enabledIn(community.id);
    expect(subscribed.map((s) => s.sections)).toEqual([["newProblems"]]);
  });

  it("Sam opts in on Discord with a select taking several values and sees what he saved", async () => {
    const callback = await discord.gateway.sendInteraction(
      discord.gateway.chatInputInteraction({ name: "digest", options: { action: "settings" }, user: sam }),
    );
    expect(callback.type).toBe(InteractionResponseType.Modal);
    const modal = callback.data as APIModalInteractionResponseCallbackData;
    expect(JSON.stringify(modal)).toContain('"custom_id":"sections[]"');
    const answered = await discord.gateway.sendInteraction(
      discord.gateway.answerModal(
        modal,
        { enabled: ["true"], "sections[]": ["mostVoted", "metadataGaps"] },
        { user: sam },
      ),
    );
    const text = discordText(answered.data);
    expect(text).toContain("Your digest settings are saved");
    expect(text).toContain("Most voted problems, Most-asked metadata gaps");
  });

  it("when the digest is due, each gets one DM with only their sections", async () => {
    const { deps } = desk.app.services;
    const community = await deps.people.communityForWorkspace("slack", FAKE_TEAM_ID);
    const ana = await deps.people.findOrCreateActor(
      { platform: "slack", workspaceId: FAKE_TEAM_ID, userId: ANA },
      community,
      ["member"],
    );
    const filed = await deps.unitOfWork.run((tx) =>
      tx.problems.create(
        {
          communityId: community.id,
          submitterId: ana.personId,
          platform: "slack",
          title: TITLE,
          description: "Half the streetlights on Elm Street are out after dark.",
          affected: "People walking home",
          place: "Elm Street",
          topic: null,
          anonymous: false,
        },
        new Date("2027-01-06T18:00:00Z"),
      ),
    );
    await deps.unitOfWork.run((tx) =>
      tx.problems.vote(filed.id, ana.personId, new Date("2027-01-07T10:00:00Z")),
    );
    const job = digestJob(deps);
    await Promise.all([job.run(DUE), job.run(DUE)]);
    await job.run(new Date(DUE.getTime() + 5 * 60_000));
    await platforms.drain();

    const slackDms = (user: string) =>
      slack.callsTo("chat.postMessage").filter((call) => call.body.channel === dmChannelIdFor(user));
    const [anaDigest, ...anaExtra] = slackDms(ANA).filter((c) =>
      JSON.stringify(c.body).includes("Your weekly digest"),
    );
    expect(anaExtra).toEqual([]);
    expect(JSON.stringify(anaDigest?.body)).toContain(TITLE);
    expect(slackDms(BEN).filter((c) => JSON.stringify(c.body).includes("Your weekly digest"))).toEqual([]);

    const samDm = discord.world.dmChannels.get(sam)?.id;
    const samDigests = [...discord.world.messages.values()].filter(
      (m) => m.channel_id === samDm && discordText(m).includes("Your weekly digest"),
    );
    expect(samDigests).toHaveLength(1);
    expect(discordText(samDigests[0])).toContain(TITLE);
    // Each has only the sections they kept.
    expect(JSON.stringify(anaDigest?.body)).toContain("New problem (1)");
    expect(JSON.stringify(anaDigest?.body)).not.toContain("Most voted");
    expect(discordText(samDigests[0])).toContain("Most voted this week (1 vote cast)");
    expect(discordText(samDigests[0])).not.toContain("New problem");
  });
});
