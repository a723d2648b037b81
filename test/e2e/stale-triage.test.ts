// Stale triage, as issue 19 defines "done": the whole app (real core, SQL store, Bolt over HTTP,
// discord.js) against both fakes. A problem filed on Slack waits; nobody triages it. The job
// raises it to this week's on-call champion (a Discord user) once, as a DM with the triage card;
// later runs, and a second runner as another replica would be, send nothing more. With nobody on
// call, a second stale problem goes to the Slack triage channel instead.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { remindStaleProblems } from "../../src/core/problems/stale-triage.js";
import { FAKE_TEAM_ID, postSlashCommand } from "../fakes/slack/index.js";
import { discordText, startTwoPlatformApp, type TwoPlatformApp } from "../support/two-platform-app.js";

const SECRET = "stale-triage-e2e-secret";
const FILER = "U0FILER";
const SLACK_TRIAGE = "C0TRIAGE";
// Monday 2026-11-30 in UTC (the community's zone here); five business days: Monday 2026-12-07.
const FILED = new Date("2026-11-30T15:00:00Z");
const AFTER_WINDOW = new Date("2026-12-07T15:00:01Z");

describe("problems nobody triaged are raised once, on Slack and Discord", { timeout: 60_000 }, () => {
  let platforms: TwoPlatformApp;
  let communityId: string;
  let filerId: string;
  let omarId: string;
  const deps = () => platforms.desk.app.services.deps;
  const omarDms = () => {
    const dm = platforms.discord.world.dmChannels.get(platforms.discordUsers.omar ?? "");
    return dm ? [...platforms.discord.world.messages.values()].filter((m) => m.channel_id === dm.id) : [];
  };
  const slackTriagePosts = () =>
    platforms.slack.callsTo("chat.postMessage").filter((c) => c.body.channel === SLACK_TRIAGE);
  const personOf = async (userId: string) =>
    (
      await platforms.desk.app.services.db.sql.query<{ personId: string }>(
        `SELECT "personId" FROM "PlatformAccount" WHERE "userId" = $1`,
        [userId],
      )
    )[0]?.personId ?? "";
  const file = (title: string) =>
    deps().problems.create(
      {
        communityId,
        submitterId: filerId,
        platform: "slack",
        title,
        description: "Nobody can find this.",
        affected: "Residents",
        place: null,
        topic: null,
        anonymous: false,
      },
      FILED,
    );

  beforeAll(async () => {
    platforms = await startTwoPlatformApp({
      signingSecret: SECRET,
      discordToken: "stale-triage-e2e-discord",
      slackToken: "xoxb-stale-triage",
      discordUsers: ["omar"],
    });
    communityId = (await deps().people.communityForWorkspace("slack", FAKE_TEAM_ID)).id;
    await deps().directory.setChannel(communityId, "slack", FAKE_TEAM_ID, "triage", SLACK_TRIAGE);
    // Both people talk to the bot once, so they exist.
    await postSlashCommand(platforms.receiverUrl, SECRET, {
      text: "help",
      user_id: FILER,
      response_url: platforms.slack.responseUrl("filer-help"),
    });
    await platforms.slack.waitForResponse("filer-help");
    const omar = platforms.discordUsers.omar ?? "";
    const hello = platforms.discord.gateway.sendMessage({ content: "help", guildId: null, authorId: omar });
    await platforms.discord.waitForCall(
      (call) => call.method === "POST" && call.path === `/channels/${hello.channel_id}/messages`,
    );
    filerId = await personOf(FILER);
    omarId = await personOf(omar);
  });
  afterAll(async () => {
    await platforms?.close();
  });

  it("DMs the on-call champion once, with the card to triage from", async () => {
    await deps().directory.setOncall(communityId, { personIds: [omarId], startsOn: "2026-11-30" });
    const problem = await file("Where are the lead service lines?");
    const before = omarDms().length;

    expect(await remindStaleProblems(deps(), new Date("2026-12-04T15:00:00Z"))).toEqual({ reminded: 0 });
    expect(await remindStaleProblems(deps(), AFTER_WINDOW)).toEqual({ reminded: 1 });
    await platforms.drain();
    const dms = omarDms().slice(before);
    expect(dms).toHaveLength(1);
    const text = discordText(dms[0]);
    expect(text).toContain(`Nobody has triaged #${problem.number} yet`);
    expect(JSON.stringify(dms[0]?.components)).toContain("problem.accept");

    // Two runners at once (two replicas), then a later run: nothing more.
    const again = await Promise.all([
      remindStaleProblems(deps(), AFTER_WINDOW),
      remindStaleProblems(deps(), AFTER_WINDOW),
    ]);
    expect(again).toEqual([{ reminded: 0 }, { reminded: 0 }]);
    expect(await remindStaleProblems(deps(), new Date("2026-12-14T15:00:00Z"))).toEqual({ reminded: 0 });
    await platforms.drain();
    expect(omarDms().slice(before)).toHaveLength(1);
    expect(slackTriagePosts()).toEqual([]);
  });

  it("with nobody on call, raises it in the triage channel, once", async () => {
    await deps().directory.setOncall(communityId, null);
    const problem = await file("Which streets flood first?");
    expect(await remindStaleProblems(deps(), AFTER_WINDOW)).toEqual({ reminded: 1 });
    expect(await remindStaleProblems(deps(), AFTER_WINDOW)).toEqual({ reminded: 0 });
    await platforms.drain();
    const posts = slackTriagePosts();
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]?.body)).toContain(`Nobody has triaged #${problem.number} yet`);
    expect(JSON.stringify(posts[0]?.body)).toContain("nobody is on call this week");
  });
});
