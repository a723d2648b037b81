// Community setup and champions across Slack and Discord at once (issue 6's done-when: a
// non-admin cannot change setup or roles). The whole app (real core, SQL stores, Bolt over HTTP,
// discord.js) against both fakes: an admin on each platform sets the community up through the
// setup card's forms and grants roles by mention; a champion fills in her profile; anyone can
// look the champions up, with a mention only on the platform they ask from; members are refused
// and nothing they try is written.

import type {
  APIApplicationCommandInteractionDataOption,
  APIModalInteractionResponseCallbackData,
} from "discord.js";
import { ApplicationCommandOptionType, InteractionResponseType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportAudit } from "../../src/core/access/export-audit.js";
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

const SECRET = "community-setup-e2e-secret";
const DISCORD_TOKEN = "community-setup-e2e-discord";
const ADA = FAKE_USER_ID; // admin, on Slack
const THEO = "U0THEO"; // a member on Slack who becomes a champion
const SLACK_GENERAL = "C0GENERAL";

type Json = Record<string, unknown>;
type Modal = APIModalInteractionResponseCallbackData;

describe("community setup and champions on Slack and Discord at once", { timeout: 90_000 }, () => {
  let platforms: TwoPlatformApp;
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let desk: TestApp;
  let receiverUrl: string;
  let communityId: string;
  let dora: string; // admin, on Discord
  let sam: string; // a member on Discord who becomes a champion
  let cleo: string; // a member on Discord
  let labels = 0;

  const config = () => desk.app.services.deps.directory.config(communityId);
  const auditCount = async () => (await desk.app.services.deps.auditLog.list(communityId)).length;
  const personOf = async (userId: string) => {
    const [row] = await desk.app.services.db.sql.query<{ personId: string }>(
      `SELECT "personId" FROM "PlatformAccount" WHERE "userId" = $1`,
      [userId],
    );
    if (!row) throw new Error(`nobody is ${userId}`);
    return row.personId;
  };

  async function slackCommand(user: string, text: string): Promise<Json> {
    const label = `${user}-${++labels}`;
    await postSlashCommand(receiverUrl, SECRET, {
      text,
      user_id: user,
      channel_id: SLACK_GENERAL,
      response_url: slack.responseUrl(label),
      trigger_id: `${labels}.${user}`,
    });
    return (await slack.waitForResponse(label)).body as Json;
  }

  function nextSlackCall(method: string, predicate: (body: Json) => boolean = () => true) {
    const seen = new Set(slack.callsTo(method));
    return slack.waitForCall(method, (call) => !seen.has(call) && predicate(call.body as Json));
  }

  async function slackButtonModal(user: string, button: SlackButton): Promise<Json> {
    const opened = nextSlackCall("views.open");
    await postInteraction(
      receiverUrl,
      SECRET,
      blockActionPayload({
        actionId: button.action_id,
        value: button.value ?? "",
        user,
        triggerId: `${++labels}.${user}.press`,
        channel: SLACK_GENERAL,
        ephemeral: true,
        responseUrl: slack.responseUrl(`${user}-press-${labels}`),
      }),
    );
    return (await opened).body.view as Json;
  }

  async function submitSlack(view: Json, values: Record<string, Json>, user: string): Promise<Json> {
    const state = Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value }]));
    const acked = await postInteraction(receiverUrl, SECRET, submissionOf(view, state, { user }));
    expect(acked.status).toBe(200);
    return (acked.json ?? {}) as Json;
  }

  async function discordCommand(
    user: string,
    name: string,
    options: Record<string, string> | APIApplicationCommandInteractionDataOption[] = {},
  ) {
    return discord.gateway.sendInteraction(discord.gateway.chatInputInteraction({ name, user, options }));
  }

  beforeAll(async () => {
    platforms = await startTwoPlatformApp({
      signingSecret: SECRET,
      discordToken: DISCORD_TOKEN,
      slackToken: "xoxb-community-setup",
      discordUsers: ["dora", "sam", "cleo"],
      slackUsers: { [THEO]: { real_name: "Theo" } },
    });
    ({ slack, discord, desk, receiverUrl } = platforms);
    dora = platforms.discordUsers.dora ?? "";
    sam = platforms.discordUsers.sam ?? "";
    cleo = platforms.discordUsers.cleo ?? "";
    const { deps } = desk.app.services;
    communityId = (await deps.people.communityForWorkspace("slack", FAKE_TEAM_ID)).id;
    // Everyone exists once they have talked to the bot; the operator names the first admins.
    // (Slack escapes a mention in a command as <@U…|username>; the id is what names the person,
    // so a stale username in the label does not matter.)
    await slackCommand(ADA, "help");
    await slackCommand(THEO, "help");
    for (const user of [dora, sam, cleo]) await discordCommand(user, "help");
    await deps.directory.setTopics(communityId, ["Transport", "Housing"]);
    for (const user of [ADA, dora]) {
      await deps.memberships.grantRole(communityId, await personOf(user), "admin", {});
    }
  });

  afterAll(async () => {
    await platforms?.close();
  });

  it("an admin on Slack sets the time zone, language and channels from the setup card", async () => {
    const card = await slackCommand(ADA, "setup");
    expect(JSON.stringify(card)).toContain("Community setup");
    const buttons = slackButtons(card.blocks);
    const region = buttons.find((b) => b.action_id.startsWith("setup.region")) as SlackButton;
    const channels = buttons.find((b) => b.action_id.startsWith("setup.channels")) as SlackButton;
    expect(region && channels).toBeTruthy();

    const regionForm = await slackButtonModal(ADA, region);
    const refused = await submitSlack(
      regionForm,
      { timezone: inputState.text("Mars/Olympus"), locale: inputState.select("en") },
      ADA,
    );
    expect(refused.response_action).toBe("errors");
    expect(JSON.stringify(refused.errors)).toContain("Mars/Olympus");
    expect((await config()).timezone).toBe("UTC");

    const saved = nextSlackCall("chat.postEphemeral", (b) => JSON.stringify(b).includes("America/Chicago"));
    const ok = await submitSlack(
      regionForm,
      { timezone: inputState.text("America/Chicago"), locale: inputState.select("en") },
      ADA,
    );
    expect(ok.response_action).toBeUndefined();
    expect(JSON.stringify((await saved).body)).toContain("Community setup");
    expect((await config()).timezone).toBe("America/Chicago");

    const channelForm = await slackButtonModal(ADA, channels);
    await submitSlack(
      channelForm,
      {
        problems: inputState.text("<#C0PROBLEMS|problems>"),
        triage: inputState.text("C0TRIAGE"),
        showcases: inputState.text(""),
        digest: inputState.text("<#C0DIGEST>"),
      },
      ADA,
    );
    const here = (await config()).channels.find((c) => c.platform === "slack");
    expect(here).toMatchObject({
      problemChannelId: "C0PROBLEMS",
      triageChannelId: "C0TRIAGE",
      showcaseChannelId: null,
      digestChannelId: "C0DIGEST",
    });
  });

  it("an admin on Discord sets the digest and this server's showcase channel", async () => {
    const shown = await discordCommand(dora, "setup");
    expect(discordText(shown.data)).toContain("Community setup");
    const pressed = async (section: string) => {
      const callback = await discord.gateway.sendInteraction(
        discord.gateway.buttonInteraction({ customId: `setup.${section}:open`, user: dora }),
      );
      if (callback.type !== InteractionResponseType.Modal) throw new Error(discordText(callback.data));
      return callback.data as Modal;
    };
    const digest = await pressed("digest");
    const bad = await discord.gateway.sendInteraction(
      discord.gateway.answerModal(digest, { weekday: "5", hour: "25", quiet: "false" }, { user: dora }),
    );
    expect(discordText(bad.data)).toContain("A whole hour from 0 to 23");
    await discord.gateway.sendInteraction(
      discord.gateway.answerModal(digest, { weekday: "5", hour: "17", quiet: "true" }, { user: dora }),
    );
    expect((await config()).digest).toEqual({ weekday: 5, hour: 17, sendWhenQuiet: true });

    const channel = discord.world.textChannelId;
    const channels = await pressed("channels");
    await discord.gateway.sendInteraction(
      discord.gateway.answerModal(channels, { showcases: `<#${channel}>` }, { user: dora }),
    );
    const server = (await config()).channels.find((c) => c.platform === "discord");
    expect(server).toMatchObject({ workspaceId: discord.world.guildId, showcaseChannelId: channel });
  });

  it("admins grant champion by mention on each platform; the champion fills in her profile", async () => {
    const onSlack = await slackCommand(
      ADA,
      `role grant <@${THEO}|theo.old-handle> champion executive leads transit`,
    );
    expect(JSON.stringify(onSlack)).toContain("is now champion (executive)");
    // Sam picked from Discord's member list: the option is a user, its value his bare id.
    const onDiscord = await discordCommand(dora, "role", [
      { name: "action", type: ApplicationCommandOptionType.String, value: "grant" },
      { name: "user", type: ApplicationCommandOptionType.User, value: sam },
      { name: "role", type: ApplicationCommandOptionType.String, value: "champion" },
      { name: "level", type: ApplicationCommandOptionType.String, value: "external" },
    ]);
    expect(discordText(onDiscord.data)).toContain("is now champion (external-facing)");

    const form = await discordCommand(sam, "profile");
    expect(form.type).toBe(InteractionResponseType.Modal);
    // The community's topics are offered as a select taking several values.
    expect(JSON.stringify(form.data)).toContain('"custom_id":"topics[]"');
    const wrong = await discord.gateway.sendInteraction(
      discord.gateway.answerModal(
        form.data as Modal,
        { "topics[]": ["Parks"], bio: "", contact: "" }, // a forged value: not one of the options
        { user: sam },
      ),
    );
    expect(discordText(wrong.data)).toContain("Not one of the community's topics: Parks");
    await discord.gateway.sendInteraction(
      discord.gateway.answerModal(
        form.data as Modal,
        { "topics[]": ["Housing"], bio: "Tenant organiser. @everyone", contact: "DM me here" },
        { user: sam },
      ),
    );
    const audit = JSON.parse(
      await exportAudit(desk.app.services.deps.auditLog, communityId, "json"),
    ) as Array<{
      action: string;
      actor: string;
    }>;
    expect(audit.map((entry) => entry.action)).toEqual([
      "setup_changed",
      "setup_changed",
      "setup_changed",
      "setup_changed",
      "role_granted",
      "role_granted",
      "profile_updated",
    ]);
  });

  it("anyone finds the champions, mentioned only where they have an account, without pinging anyone", async () => {
    const onDiscord = await discordCommand(cleo, "champions", { topic: "housing" });
    const body = discordBody(onDiscord.data);
    expect(discordText(body)).toContain("Champions for Housing");
    expect(discordText(body)).toContain("Tenant organiser.");
    expect(discordText(body)).not.toContain("@everyone"); // shown, but defused
    expect(discordText(body)).toContain(`<@${sam}>`);
    expect(body.flags).toBe(64); // ephemeral
    expect(body.allowed_mentions?.parse ?? []).toEqual([]);

    const onSlack = JSON.stringify(await slackCommand(THEO, "champions"));
    expect(onSlack).toContain("Executive champions");
    expect(onSlack).toContain(`<@${THEO}>`);
    expect(onSlack).not.toContain(`<@${sam}>`);
    expect(onSlack).not.toMatch(/<!everyone>|<!channel>|<!here>/);
  });

  it("members are refused setup and roles on both platforms, and nothing they try is written", async () => {
    const before = { config: await config(), audit: await auditCount() };
    expect(discordText((await discordCommand(cleo, "setup")).data)).toMatch(
      /only people with one of these roles/i,
    );
    expect(
      discordText(
        (await discordCommand(cleo, "role", { action: "grant", user: `<@${cleo}>`, role: "admin" })).data,
      ),
    ).toMatch(/only people with one of these roles/i);
    const forged = await discord.gateway.sendInteraction(
      discord.gateway.buttonInteraction({ customId: "setup.topics:open", user: cleo }),
    );
    expect(discordText(forged.data)).toMatch(/only people/i);
    // A champion is not an admin either.
    expect(JSON.stringify(await slackCommand(THEO, "setup"))).toMatch(/only people with one of these roles/i);
    expect(JSON.stringify(await slackCommand(THEO, `role grant <@${THEO}> admin`))).toMatch(/only people/i);
    expect(await config()).toEqual(before.config);
    expect(await auditCount()).toBe(before.audit);
    expect(
      (await desk.app.services.deps.memberships.profile(communityId, await personOf(cleo)))?.roles,
    ).toEqual(["member"]);
  });

  it("tells the admin, in setup and when a channel is chosen, that the bot is not in it", async () => {
    // Slack: a public channel the bot was not invited to says is_member: false; a private one it
    // is not in is channel_not_found to it. Either way its posts there would be dead letters.
    slack.setResponse("conversations.info", ({ body }) => {
      if (body.channel === "C0TRIAGE")
        return { ok: true, channel: { id: "C0TRIAGE", name: "triage", is_member: false } };
      if (body.channel === SLACK_GENERAL) return { ok: false, error: "channel_not_found" };
      return { ok: true, channel: { id: String(body.channel), name: "elsewhere", is_member: true } };
    });
    const card = JSON.stringify(await slackCommand(ADA, "setup"));
    expect(card.match(/the bot is not in this channel/g)).toHaveLength(1);
    // On the triage row: after its channel, before the next set one (the digest's).
    const warning = card.indexOf("the bot is not in this channel");
    expect(card.indexOf("C0TRIAGE")).toBeLessThan(warning);
    expect(warning).toBeLessThan(card.indexOf("C0DIGEST"));

    const chosen = JSON.stringify(await slackCommand(ADA, "channel problems"));
    expect(chosen).toContain("New problems will be posted in this channel");
    expect(chosen).toContain("I am not in this channel yet");
    expect((await config()).channels.find((c) => c.platform === "slack")?.problemChannelId).toBe(
      SLACK_GENERAL,
    );
  });
});
