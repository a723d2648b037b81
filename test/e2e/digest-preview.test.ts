import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_TEAM_ID, type FakeSlack, postSlashCommand } from "../fakes/slack/index.js";
import type { TestApp } from "../support/test-app.js";
import { discordText, startTwoPlatformApp, type TwoPlatformApp } from "../support/two-platform-app.js";

const SECRET = "digest-preview-e2e-secret";
const CHAMPION = "U0CHAMPION";
const MEMBER = "U0MEMBER";
const EPHEMERAL = 64;

/**
 * `/datadesk digest` on the real Bolt app and `/digest` on the real discord.js client, against
 * the fake servers: a champion sees this week so far, only to them; a member is kindly refused.
 */
describe("digest preview in chat", { timeout: 90_000 }, () => {
  let platforms: TwoPlatformApp;
  let slack: FakeSlack;
  let desk: TestApp;
  let receiverUrl: string;

  async function slash(user: string, text: string, label: string) {
    await postSlashCommand(receiverUrl, SECRET, {
      text,
      user_id: user,
      response_url: slack.responseUrl(label),
    });
    return (await slack.waitForResponse(label)).body as Record<string, unknown>;
  }

  beforeAll(async () => {
    platforms = await startTwoPlatformApp({
      signingSecret: SECRET,
      discordToken: "digest-preview-e2e-discord",
      slackToken: "xoxb-digest-preview",
      discordUsers: ["dora"],
    });
    ({ slack, desk, receiverUrl } = platforms);
    await slash(CHAMPION, "help", "help-champion");
    const { db, deps } = desk.app.services;
    await db.sql.query(
      `UPDATE "Membership" m SET "roles" = ARRAY['member','champion']::"Role"[]
         FROM "PlatformAccount" a WHERE a."personId" = m."personId" AND a."userId" = $1`,
      [CHAMPION],
    );
    // Something happened this week, whatever the week is when the test runs.
    const communityId = (await deps.people.communityForWorkspace("slack", FAKE_TEAM_ID)).id;
    await db.sql.query(
      `INSERT INTO "Problem" ("id", "communityId", "number", "title", "description", "affected", "anonymous",
                              "submitterId", "platform", "createdAt")
       SELECT gen_random_uuid(), $1::uuid, 1, 'Bus shelters without shade', 'd', 'a', false, a."personId", 'slack', now()
         FROM "PlatformAccount" a WHERE a."userId" = $2`,
      [communityId, CHAMPION],
    );
  });

  afterAll(async () => {
    await platforms?.close();
  });

  it("shows a champion on Slack this week so far, ephemerally", async () => {
    const reply = await slash(CHAMPION, "digest", "digest-champion");
    expect(reply.response_type).toBe("ephemeral");
    const text = JSON.stringify(reply);
    expect(text).toContain("Champions' digest");
    expect(text).toContain("This week so far");
    expect(text).toContain("New problem (1)");
    expect(text).toContain("Bus shelters without shade");
  });

  it("refuses a member on Slack and on Discord, kindly and only to them", async () => {
    const slackReply = await slash(MEMBER, "digest preview", "digest-member");
    expect(slackReply.response_type).toBe("ephemeral");
    expect(JSON.stringify(slackReply)).toContain("The digest preview is for champions and admins");
    const callback = await platforms.discord.gateway.sendInteraction(
      platforms.discord.gateway.chatInputInteraction({
        name: "digest",
        user: platforms.discordUsers.dora,
        options: { action: "preview" },
      }),
    );
    const data = callback.data as { flags?: number };
    expect((data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(discordText(callback.data)).toContain("The digest preview is for champions and admins");
  });
});
