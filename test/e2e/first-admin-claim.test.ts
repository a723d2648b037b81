// The first admin, as issue 19 defines "done": the whole app (real core, SQL store, Bolt over HTTP,
// discord.js) against both fakes, on a community with no admin. Start-up logs a one-time claim
// code; Ana sends it to the bot in a Slack DM and becomes the one admin (audited); Ben sending the
// same code in a Discord DM is refused, and the community still has exactly one admin.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dmChannelIdFor, dmMessageEvent, postEvent } from "../fakes/slack/index.js";
import { discordText, startTwoPlatformApp, type TwoPlatformApp } from "../support/two-platform-app.js";

const SECRET = "first-admin-e2e-secret";
const ANA = "U0ANA";

describe("the first admin claims the community with the start-up code", { timeout: 60_000 }, () => {
  let platforms: TwoPlatformApp;
  let code: string;
  const admins = () =>
    platforms.desk.app.services.db.sql.query<{ displayName: string }>(
      `SELECT p."displayName" FROM "Membership" m JOIN "Person" p ON p."id" = m."personId"
        WHERE 'admin' = ANY(m."roles")`,
    );

  beforeAll(async () => {
    platforms = await startTwoPlatformApp({
      signingSecret: SECRET,
      discordToken: "first-admin-e2e-discord-token",
      slackToken: "xoxb-first-admin-e2e",
      discordUsers: ["ben"],
      slackUsers: { [ANA]: { name: "ana", real_name: "Ana" } },
    });
    // Log lines reach the test through a stream, a tick after they are written.
    const claimLine = () => platforms.desk.logs.find((log) => /has no admin yet/.test(log.msg));
    for (let i = 0; i < 50 && !claimLine(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const line = claimLine();
    const found = /claim ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(line?.msg ?? "");
    if (!found?.[1]) throw new Error(`no claim code in the start-up log: ${JSON.stringify(line)}`);
    code = found[1];
    // The log says how to send it on each running platform.
    expect(line?.msg).toContain(`/datadesk claim ${code}`);
    expect(line?.msg).toContain(`/claim ${code}`);
  });
  afterAll(async () => {
    await platforms?.close();
  });

  it("makes the first sender admin, once, and refuses the code the second time", async () => {
    expect(await admins()).toEqual([]);
    await postEvent(platforms.receiverUrl, SECRET, dmMessageEvent({ text: `claim ${code}`, user: ANA }));
    const reply = await platforms.slack.waitForCall(
      "chat.postMessage",
      (call) => call.body.channel === dmChannelIdFor(ANA),
    );
    expect(JSON.stringify(reply.body)).toContain("you are now an admin of");
    expect((await admins()).map((row) => row.displayName)).toEqual(["ana"]);
    const audit = await platforms.desk.app.services.db.sql.query<{ action: string; platform: string }>(
      `SELECT "action", "platform"::text AS "platform" FROM "AuditEntry" WHERE "subjectType" = 'membership'`,
    );
    expect(audit).toEqual([{ action: "role_granted", platform: "slack" }]);

    const ben = platforms.discordUsers.ben ?? "";
    const dm = platforms.discord.gateway.sendMessage({
      content: `claim ${code}`,
      guildId: null,
      authorId: ben,
    });
    const refused = await platforms.discord.waitForCall(
      (call) => call.method === "POST" && call.path === `/channels/${dm.channel_id}/messages`,
    );
    expect(discordText(refused.body)).toContain("already has an admin");
    expect((await admins()).map((row) => row.displayName)).toEqual(["ana"]);
    // The one code row is gone: nothing left to guess at.
    expect(await platforms.desk.app.services.db.sql.query(`SELECT 1 FROM "AdminClaim"`)).toEqual([]);
  });
});
