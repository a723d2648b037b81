// The weekly digest on both platforms: the whole app (SQL stores, outbox, real Bolt and discord.js
// against the fake Slack and Discord) runs the digest job main.ts schedules; the due digest lands
// once in each digest channel, the champions' version once in the triage channel (with the
// problems nobody triaged in time, on both platforms), and runs that come later (or at the same
// time) send nothing more.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestJob } from "../../src/jobs/digest-job.js";
import type { FakeDiscord } from "../fakes/discord/fake-discord-server.js";
import { FAKE_TEAM_ID, type FakeSlack } from "../fakes/slack/index.js";
import type { TestApp } from "../support/test-app.js";
import { discordText, startTwoPlatformApp, type TwoPlatformApp } from "../support/two-platform-app.js";

const SLACK_DIGEST = "C0DIGEST";
const SLACK_TRIAGE = "C0TRIAGE";
// 2027-W01 runs from Monday 4 to Sunday 10 January 2027 in Chicago; its digest is due Monday
// 11 January at 09:00 CST (15:00Z). Far from the real clock, so the app's own scheduler, which
// runs on real time, has nothing to do with it.
const FILED_AT = new Date("2027-01-06T18:00:00Z");
const DUE = new Date("2027-01-11T15:00:00Z");
const TITLE = "Potholes on Western Avenue";
/**
 * Never triaged: the champions' digest lists it as waiting. Standing lists are read as of the
 * week's end or the app's (real) clock if sooner, so it is filed long before either.
 */
const STALE_AT = new Date("2026-11-02T18:00:00Z");
const STALE_TITLE = "Broken street lights on Pulaski Road";

describe("weekly digest on Slack and Discord", { timeout: 60_000 }, () => {
  let platforms: TwoPlatformApp;
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let desk: TestApp;
  let discordDigest: string;

  const slackPosts = (channel: string) =>
    slack.callsTo("chat.postMessage").filter((call) => call.body.channel === channel);
  const discordPosts = (title = "Weekly digest") =>
    [...discord.world.messages.values()].filter(
      (message) => message.channel_id === discordDigest && discordText(message).includes(title),
    );

  beforeAll(async () => {
    platforms = await startTwoPlatformApp({
      signingSecret: "digest-e2e-secret",
      discordToken: "digest-e2e-discord",
      slackToken: "xoxb-digest-e2e",
    });
    ({ slack, discord, desk } = platforms);
    discordDigest = discord.world.textChannelId;
    const { deps } = desk.app.services;
    const community = await deps.people.communityForWorkspace("slack", FAKE_TEAM_ID);
    await deps.directory.setTimezone(community.id, "America/Chicago");
    await deps.directory.setChannel(community.id, "slack", FAKE_TEAM_ID, "digest", SLACK_DIGEST);
    await deps.directory.setChannel(community.id, "slack", FAKE_TEAM_ID, "triage", SLACK_TRIAGE);
    await deps.directory.setChannel(community.id, "discord", discord.world.guildId, "digest", discordDigest);
    // The fake guild has one text channel: the champions' version lands beside the public one.
    await deps.directory.setChannel(community.id, "discord", discord.world.guildId, "triage", discordDigest);
    const ana = await deps.people.findOrCreateActor(
      { platform: "slack", workspaceId: FAKE_TEAM_ID, userId: "U0ANA", displayName: "Ana" },
      community,
      ["member"],
    );
    const file = (title: string, at: Date) =>
      deps.unitOfWork.run((tx) =>
        tx.problems.create(
          {
            communityId: community.id,
            submitterId: ana.personId,
            platform: "slack",
            title,
            description: "Deep potholes between 10th and 16th street.",
            affected: "Cyclists and bus riders",
            place: "Western Avenue",
            topic: null,
            anonymous: false,
          },
          at,
        ),
      );
    await file(TITLE, FILED_AT);
    await file(STALE_TITLE, STALE_AT);
  });

  afterAll(async () => {
    await platforms?.close();
  });

  it("lands once in the digest channel on Slack and on Discord, and the champions' version in triage", async () => {
    const job = digestJob(desk.app.services.deps);
    await job.run(new Date(DUE.getTime() - 60_000));
    await platforms.drain();
    expect(slackPosts(SLACK_DIGEST)).toEqual([]);
    expect(discordPosts()).toEqual([]);

    // Two runs at once, as two replicas would, then later ones.
    await Promise.all([job.run(DUE), job.run(DUE)]);
    await platforms.drain();
    for (const minutes of [5, 60, 24 * 60]) {
      await job.run(new Date(DUE.getTime() + minutes * 60_000));
      await platforms.drain();
    }

    const [slackDigest, ...slackExtra] = slackPosts(SLACK_DIGEST);
    expect(slackExtra).toEqual([]);
    expect(JSON.stringify(slackDigest?.body)).toContain(TITLE);
    expect(JSON.stringify(slackDigest?.body)).toContain("Weekly digest");
    const [discordDigestMessage, ...discordExtra] = discordPosts();
    expect(discordExtra).toEqual([]);
    expect(discordText(discordDigestMessage)).toContain(TITLE);
    const [champions, ...championsExtra] = slackPosts(SLACK_TRIAGE);
    expect(championsExtra).toEqual([]);
    expect(JSON.stringify(champions?.body)).toContain("Champions' digest");
    // Untriaged since 2 November: listed for the champions only, on both platforms.
    expect(JSON.stringify(champions?.body)).toContain("Waiting for triage, 5 business days or more (1)");
    expect(JSON.stringify(champions?.body)).toContain(STALE_TITLE);
    expect(JSON.stringify(slackDigest?.body)).not.toContain("Waiting for triage");
    expect(discordText(discordDigestMessage)).not.toContain("Waiting for triage");
    const [discordChampions, ...discordChampionsExtra] = discordPosts("Champions' digest");
    expect(discordChampionsExtra).toEqual([]);
    expect(discordText(discordChampions)).toContain("Waiting for triage, 5 business days or more (1)");
    expect(discordText(discordChampions)).toContain(`${STALE_TITLE} · filed 2026-11-02`);
  });
});
