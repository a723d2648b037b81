// Access requests across Slack and Discord at once, as issue 5 defines "done": the whole app (real
// core, SQL stores, Bolt over HTTP, discord.js) against both fakes on 127.0.0.1, on a tiny DCAT-US
// catalog with two restricted datasets. Ana asks on Slack; the bus data's steward decides on
// Discord (a question, her answer, an approval with an expiry); the housing data's steward denies
// on Slack, and must give a reason. A bystander and Ana herself are refused; a second approval
// changes nothing; the audit export tells every step in order; the request details reach nobody
// but Ana, the stewards and the triage channel.

import { resolve } from "node:path";
import type { APIModalInteractionResponseCallbackData } from "discord.js";
import { InteractionResponseType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCatalogSourceReader } from "../../src/catalog-sources/index.js";
import type { AccessRequest } from "../../src/core/access/access-request.js";
import { exportAudit } from "../../src/core/access/export-audit.js";
import { SqlStewardDirectory } from "../../src/store/access/sql-steward-directory.js";
import { writeCatalogSync } from "../../src/store/catalog/catalog-sync-writer.js";
import type { FakeDiscord } from "../fakes/discord/fake-discord-server.js";
import {
  blockActionPayload,
  dmChannelIdFor,
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
  discordText,
  type SlackButton,
  slackButtons,
  startTwoPlatformApp,
  type TwoPlatformApp,
} from "../support/two-platform-app.js";

const SECRET = "access-requests-e2e-secret";
const DISCORD_TOKEN = "access-requests-e2e-discord";
const catalogPath = resolve(import.meta.dirname, "../fixtures/restricted-catalog.json");

const ANA = FAKE_USER_ID; // the requester, on Slack
// The housing data's steward, on Slack: named by nobody, found because his Slack profile's email
// is the catalog's contact for the dataset.
const THEO = "U0STEWARD";
const SLACK_GENERAL = "C0GENERAL";
const SLACK_TRIAGE = "C0TRIAGE";
const ANA_DM = dmChannelIdFor(ANA);
const THEO_DM = dmChannelIdFor(THEO);

// What Ana tells the stewards and nobody else.
const BUS = {
  purpose: "Measure how often buses bunch on the north corridor at school time",
  intendedUse: "A delay model for a parents' association report to the transport committee",
  organisation: "Northside Parents Collective",
};
const HOUSING = {
  purpose: "Map which landlords get repeat complaints about damp and mould",
  intendedUse: "A tenants' union campaign briefing, aggregated by landlord only",
  organisation: "Riverside Tenants Union",
};
const QUESTION = "Will driver shift identifiers be dropped before analysis?";
const ANSWER = "Yes: we drop them on import and keep only bus and stop ids.";
const CONDITIONS = "Cite City Transit; publish aggregates only.";
const DENY_REASON = "The register holds personal data we cannot share outside accredited research.";
const PRIVATE = [
  BUS.purpose,
  BUS.intendedUse,
  BUS.organisation,
  HOUSING.purpose,
  HOUSING.intendedUse,
  HOUSING.organisation,
  QUESTION,
  ANSWER,
];

type Json = Record<string, unknown>;
type Modal = APIModalInteractionResponseCallbackData;
/** Action ids may carry a "#n" suffix that keeps them unique within a message. */
const buttonIn = (blocks: unknown, actionId: string): SlackButton | undefined =>
  slackButtons(blocks).find((b) => b.action_id.replace(/#\d+$/, "") === actionId);

describe("access requests on Slack and Discord at once", { timeout: 90_000 }, () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let desk: TestApp;
  let receiverUrl: string;
  let communityId: string;
  let sam: string; // the bus data's steward, on Discord
  let cleo: string; // a member who stewards nothing
  let busRequest: AccessRequest;
  let housingRequest: AccessRequest;
  let approveModal: Modal;
  const datasetIds = new Map<string, string>();
  /** Who clicked, by the trigger id of the click. */
  const triggeredBy = new Map<string, string>();

  let platforms: TwoPlatformApp;
  const drain = () => platforms.drain();
  const requestById = async (id: string) => {
    const found = await desk.app.services.deps.accessRequests.byId(id);
    if (!found) throw new Error(`no request ${id}`);
    return found;
  };
  const personOf = async (userId: string) => {
    const [row] = await desk.app.services.db.sql.query<{ personId: string }>(
      `SELECT "personId" FROM "PlatformAccount" WHERE "userId" = $1`,
      [userId],
    );
    if (!row) throw new Error(`nobody is ${userId}`);
    return row.personId;
  };
  const samDm = () => {
    const dm = discord.world.dmChannels.get(sam);
    if (!dm) throw new Error("no DM with the steward on Discord");
    return dm.id;
  };

  function nextSlackCall(method: string, predicate: (body: Json) => boolean = () => true) {
    const seen = new Set(slack.callsTo(method));
    return slack.waitForCall(method, (call) => !seen.has(call) && predicate(call.body as Json));
  }

  /** Slack posts (DMs and channel messages) in `channel` with the `actionId` button, newest first. */
  function slackPostsWith(channel: string, actionId: string) {
    return slack
      .callsTo("chat.postMessage")
      .filter((c) => c.body.channel === channel && buttonIn(c.body.blocks, actionId))
      .reverse()
      .map((c) => ({
        ts: String((c.response as Json | undefined)?.ts ?? ""),
        button: buttonIn(c.body.blocks, actionId) as SlackButton,
        text: JSON.stringify(c.body),
      }));
  }

  /** Presses a Slack button; the bot answers through the response URL named `${user}-${label}`. */
  async function pressSlack(
    user: string,
    button: SlackButton,
    where: { channel: string; ts?: string; ephemeral?: boolean },
    label: string,
  ) {
    const triggerId = `${triggeredBy.size + 1}.${user}.${label}`;
    triggeredBy.set(triggerId, user);
    await postInteraction(
      receiverUrl,
      SECRET,
      blockActionPayload({
        actionId: button.action_id,
        value: button.value ?? "",
        user,
        triggerId,
        channel: where.channel,
        ...(where.ts ? { messageTs: where.ts } : {}),
        ...(where.ephemeral ? { ephemeral: true } : {}),
        responseUrl: slack.responseUrl(`${user}-${label}`),
      }),
    );
  }

  async function pressSlackForModal(
    user: string,
    button: SlackButton,
    where: { channel: string; ts?: string; ephemeral?: boolean },
    label: string,
  ): Promise<Json> {
    const opened = nextSlackCall("views.open");
    await pressSlack(user, button, where, label);
    return (await opened).body.view as Json;
  }

  async function submitSlack(view: Json, values: Record<string, Json>, user: string) {
    const state = Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value }]));
    const acked = await postInteraction(receiverUrl, SECRET, submissionOf(view, state, { user }));
    expect(acked.status).toBe(200);
    return (acked.json ?? {}) as Json;
  }

  /** Ana files a request for `title` on Slack: constraints, step one, step two. */
  async function fileOnSlack(title: string, text: typeof BUS, label: string): Promise<string> {
    await postSlashCommand(receiverUrl, SECRET, {
      text: `request ${title}`,
      user_id: ANA,
      channel_id: SLACK_GENERAL,
      response_url: slack.responseUrl(`${ANA}-${label}-constraints`),
    });
    const constraints = await slack.waitForResponse(`${ANA}-${label}-constraints`);
    const next = buttonIn(constraints.body.blocks, "access.form");
    expect(next, JSON.stringify(constraints.body)).toBeDefined();
    const details = await pressSlackForModal(
      ANA,
      next as SlackButton,
      { channel: SLACK_GENERAL, ephemeral: true },
      `${label}-form`,
    );
    const stepTwo = nextSlackCall(
      "chat.postEphemeral",
      (b) => buttonIn(b.blocks, "access.checklist") !== undefined,
    );
    const detailsAck = await submitSlack(
      details,
      {
        purpose: inputState.text(text.purpose),
        intended_use: inputState.text(text.intendedUse),
        organisation: inputState.text(text.organisation),
        problem: inputState.text(""),
        duration: inputState.select("6"),
      },
      ANA,
    );
    expect(detailsAck.response_action).toBeUndefined();
    const checklistButton = buttonIn((await stepTwo).body.blocks, "access.checklist") as SlackButton;
    const checklist = await pressSlackForModal(
      ANA,
      checklistButton,
      { channel: SLACK_GENERAL, ephemeral: true },
      `${label}-checklist`,
    );
    const checklistAck = await submitSlack(
      checklist,
      {
        personal_data: inputState.select("no"),
        third_parties: inputState.select("no"),
        retention: inputState.text("Deleted when the study ends, within six months."),
        derived_published: inputState.select("yes"),
        terms: inputState.checkboxes(["true"]),
      },
      ANA,
    );
    expect(checklistAck.response_action).toBeUndefined();
    const [row] = await desk.app.services.db.sql.query<{ id: string }>(
      `SELECT r."id" FROM "AccessRequest" r JOIN "Dataset" d ON d."id" = r."datasetId"
        WHERE d."title" = $1 ORDER BY r."createdAt" DESC LIMIT 1`,
      [title],
    );
    if (!row) throw new Error(`no request for ${title}`);
    return row.id;
  }

  /** Sam presses a button on the review card in his DM with the bot. */
  function pressInSamDm(prefix: string) {
    const { customId, messageId } = discordButton(discord.world, samDm(), prefix);
    return discord.gateway.sendInteraction(
      discord.gateway.buttonInteraction({ customId, messageId, user: sam, guildId: null }),
    );
  }

  async function samModal(prefix: string): Promise<Modal> {
    const callback = await pressInSamDm(prefix);
    if (callback.type !== InteractionResponseType.Modal)
      throw new Error(`no modal: ${discordText(callback.data)}`);
    return callback.data as Modal;
  }

  async function answerSamModal(modal: Modal, answers: Record<string, string>): Promise<string> {
    const answered = await discord.gateway.sendInteraction(
      discord.gateway.answerModal(modal, answers, { user: sam, guildId: null }),
    );
    return discordText(answered.data);
  }

  async function auditActions(ref: string): Promise<string[]> {
    const entries = JSON.parse(
      await exportAudit(desk.app.services.deps.auditLog, communityId, "json"),
    ) as Array<{ subjectRef: string; action: string }>;
    return entries.filter((e) => e.subjectRef === ref).map((e) => e.action);
  }

  /** Discord messages to Sam's DM posted after `since` calls, as text. */
  const samDmPosts = (since: number) =>
    discord.calls
      .slice(since)
      .filter((c) => c.method === "POST" && c.path === `/channels/${samDm()}/messages`)
      .map((c) => discordText(c.body));
  /** Slack DMs to Ana (chat.postMessage in her DM) as JSON text. */
  const anaDms = () =>
    slack
      .callsTo("chat.postMessage")
      .filter((c) => c.body.channel === ANA_DM)
      .map((c) => JSON.stringify(c.body));

  beforeAll(async () => {
    platforms = await startTwoPlatformApp({
      signingSecret: SECRET,
      discordToken: DISCORD_TOKEN,
      slackToken: "xoxb-access-requests",
      discordUsers: ["sam", "cleo"],
      slackUsers: { [THEO]: { real_name: "Theo", email: "Housing@Example.org" } },
    });
    ({ slack, discord, desk, receiverUrl } = platforms);
    sam = platforms.discordUsers.sam ?? "";
    cleo = platforms.discordUsers.cleo ?? "";
    const { deps, db } = desk.app.services;
    communityId = (await deps.people.communityForWorkspace("slack", FAKE_TEAM_ID)).id;
    await deps.directory.setChannel(communityId, "slack", FAKE_TEAM_ID, "triage", SLACK_TRIAGE);
    await writeCatalogSync(
      db.sql,
      { communityId, name: "city", kind: "dcat", location: catalogPath },
      createCatalogSourceReader().read(catalogPath, "dcat"),
      new Date(),
    );
    for (const row of await db.sql.query<{ id: string; key: string }>(`SELECT "id", "key" FROM "Dataset"`))
      datasetIds.set(row.key, row.id);
    // Everyone exists once they have talked to the bot; an admin then names the stewards.
    await postSlashCommand(receiverUrl, SECRET, {
      text: "requests",
      user_id: THEO,
      response_url: slack.responseUrl("theo-hello"),
    });
    await slack.waitForResponse("theo-hello");
    for (const user of [sam, cleo])
      await discord.gateway.sendInteraction(discord.gateway.chatInputInteraction({ name: "requests", user }));
    const stewards = new SqlStewardDirectory(db.sql);
    await stewards.name(datasetIds.get("ar-bus-gps-traces") ?? "", await personOf(sam), new Date());
  });

  afterAll(async () => {
    await platforms?.close();
  });

  it("shows a public dataset as open: nothing to request", async () => {
    await postSlashCommand(receiverUrl, SECRET, {
      text: "request Street trees",
      user_id: ANA,
      channel_id: SLACK_GENERAL,
      response_url: slack.responseUrl(`${ANA}-trees`),
    });
    const answer = await slack.waitForResponse(`${ANA}-trees`);
    expect(JSON.stringify(answer.body)).toMatch(/Street trees/);
    expect(buttonIn(answer.body.blocks, "access.form")).toBeUndefined();
  });

  it("files a request on Slack; the steward gets it on Discord with Approve / Needs info / Deny", async () => {
    const id = await fileOnSlack("Bus GPS traces", BUS, "bus");
    busRequest = await requestById(id);
    expect(busRequest).toMatchObject({ status: "pending", requesterName: expect.any(String) });
    expect(busRequest.routes[0]?.level).toBe("steward");
    const discordBefore = discord.calls.length;
    await drain();

    const review = discordButton(discord.world, samDm(), "access.approve");
    expect(review.customId).toBe(`access.approve:${id}`);
    const card = discord.world.messages.get(review.messageId);
    const buttons = JSON.stringify(card?.components);
    expect(buttons).toContain(`access.ask:${id}`);
    expect(buttons).toContain(`access.deny:${id}`);
    expect(discordText(card)).toContain(BUS.purpose);
    expect(discordText(card)).toContain(BUS.organisation);
    expect(samDmPosts(discordBefore)).toHaveLength(1);
    // Ana's receipt names a role, never the steward.
    const receipt = anaDms().at(-1) ?? "";
    expect(receipt).toMatch(/the dataset's steward/);
    expect(receipt).not.toMatch(/\bsam\b/i);
  });

  it("refuses a member who is no steward and the requester herself, and changes nothing", async () => {
    const before = await requestById(busRequest.id);
    const refused = await discord.gateway.sendInteraction(
      discord.gateway.buttonInteraction({
        customId: `access.approve:${busRequest.id}`,
        user: cleo,
        guildId: null,
      }),
    );
    expect(discordText(refused.data)).toMatch(/Only the stewards AR-\d+ was routed to/);
    await pressSlack(ANA, { action_id: "access.approve", value: busRequest.id }, { channel: ANA_DM }, "own");
    const own = await slack.waitForResponse(`${ANA}-own`);
    expect(JSON.stringify(own.body)).toMatch(/can't decide your own request/);

    const slackBefore = slack.calls.length;
    const discordBefore = discord.calls.length;
    await drain();
    expect(slack.calls.length).toBe(slackBefore);
    expect(discord.calls.length).toBe(discordBefore);
    expect(await requestById(busRequest.id)).toMatchObject({
      status: before.status,
      cardVersion: before.cardVersion,
      decision: before.decision,
    });
  });

  it("asks Ana a question from Discord; her answer on Slack puts the request back in review", async () => {
    const asked = await answerSamModal(await samModal("access.ask"), { question: QUESTION });
    expect(asked).toMatch(/AR-\d+/);
    expect((await requestById(busRequest.id)).status).toBe("needs_info");
    await drain();

    const [dm] = slackPostsWith(ANA_DM, "access.answer");
    expect(dm?.text).toContain(QUESTION);
    const form = await pressSlackForModal(
      ANA,
      dm?.button as SlackButton,
      { channel: ANA_DM, ts: dm?.ts },
      "answer",
    );
    await submitSlack(form, { answer: inputState.text(ANSWER) }, ANA);
    expect((await requestById(busRequest.id)).status).toBe("pending");

    const discordBefore = discord.calls.length;
    await drain();
    const note = samDmPosts(discordBefore);
    expect(note).toHaveLength(1);
    expect(note[0]).toContain(ANSWER);
    expect(note[0]).toMatch(/back with you/);
    // The review card itself was edited in place: it shows the question and the answer.
    const card = discord.world.messages.get(
      discordButton(discord.world, samDm(), "access.approve").messageId,
    );
    expect(discordText(card)).toContain(QUESTION);
    expect(discordText(card)).toContain(ANSWER);
  });

  it("approves with conditions and an expiry date from Discord; Ana is told on Slack", async () => {
    const expiry = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
    approveModal = await samModal("access.approve");
    const approved = await answerSamModal(approveModal, { expires: expiry, conditions: CONDITIONS });
    expect(approved).toContain(`approved until ${expiry}`);
    expect(await requestById(busRequest.id)).toMatchObject({
      status: "approved",
      decision: { outcome: "approved", expiresOn: expiry, conditions: CONDITIONS },
    });
    const dmsBefore = anaDms().length;
    await drain();
    const told = anaDms().slice(dmsBefore);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(new RegExp(`was approved by .+ Access until ${expiry}`));
    expect(told[0]).toContain(CONDITIONS);
    // "Approved by …" on the steward's card, which no longer offers any decision.
    const card = [...discord.world.messages.values()].find(
      (m) => m.channel_id === samDm() && discordText(m).includes(BUS.purpose),
    );
    expect(discordText(card)).toMatch(/Approved by/);
    expect(JSON.stringify(card?.components ?? [])).not.toContain("access.approve");
  });

  it("treats a second approval (a click or a retried submission) as a no-op", async () => {
    const before = await requestById(busRequest.id);
    const again = await discord.gateway.sendInteraction(
      discord.gateway.buttonInteraction({
        customId: `access.approve:${busRequest.id}`,
        user: sam,
        guildId: null,
      }),
    );
    expect(discordText(again.data)).toMatch(/already Approved.*Nothing changed/s);
    const resubmitted = await answerSamModal(approveModal, { expires: "2099-01-01", conditions: "" });
    expect(resubmitted).toMatch(/already Approved.*Nothing changed/s);

    const slackBefore = slack.calls.length;
    const discordBefore = discord.calls.length;
    await drain();
    expect(slack.calls.length).toBe(slackBefore);
    expect(discord.calls.length).toBe(discordBefore);
    expect(await requestById(busRequest.id)).toEqual(before);
    expect((await auditActions(`AR-${busRequest.number}`)).filter((a) => a === "approved")).toHaveLength(1);
  });

  it("denies only with a reason: an empty one is a form error, then Ana reads the reason", async () => {
    const id = await fileOnSlack("Tenant complaints register", HOUSING, "housing");
    housingRequest = await requestById(id);
    expect(housingRequest.routes[0]?.level).toBe("contact");
    await drain();
    const [review] = slackPostsWith(THEO_DM, "access.deny");
    expect(review?.text).toContain(HOUSING.purpose);
    expect(buttonIn(JSON.parse(review?.text ?? "{}").blocks, "access.approve")).toBeDefined();
    expect(buttonIn(JSON.parse(review?.text ?? "{}").blocks, "access.ask")).toBeDefined();

    const form = await pressSlackForModal(
      THEO,
      review?.button as SlackButton,
      { channel: THEO_DM, ts: review?.ts },
      "deny",
    );
    const empty = await submitSlack(form, { reason: inputState.text("") }, THEO);
    expect(empty.response_action).toBe("errors");
    expect(Object.keys((empty.errors ?? {}) as Json)).toEqual(["reason"]);
    expect((await requestById(id)).status).toBe("pending");

    await submitSlack(form, { reason: inputState.text(DENY_REASON) }, THEO);
    expect(await requestById(id)).toMatchObject({ status: "denied", decision: { reason: DENY_REASON } });
    const dmsBefore = anaDms().length;
    await drain();
    const told = anaDms().slice(dmsBefore);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/was denied by/);
    expect(told[0]).toContain(DENY_REASON);
    const edit = slack
      .callsTo("chat.update")
      .filter((c) => c.body.channel === THEO_DM)
      .at(-1);
    expect(JSON.stringify(edit?.body)).toMatch(/Denied by/);
  });

  it("exports an audit trail with every step, in order, and who did it from where", async () => {
    const json = JSON.parse(
      await exportAudit(desk.app.services.deps.auditLog, communityId, "json"),
    ) as Array<{
      seq: number;
      subjectRef: string;
      action: string;
      platform: string | null;
      reason: string | null;
    }>;
    const bus = `AR-${busRequest.number}`;
    const housing = `AR-${housingRequest.number}`;
    expect(json.map((e) => [e.subjectRef, e.action, e.platform])).toEqual([
      [bus, "submitted", "slack"],
      [bus, "routed", null],
      [bus, "decision_refused", "discord"],
      [bus, "decision_refused", "slack"],
      [bus, "info_requested", "discord"],
      [bus, "info_provided", "slack"],
      [bus, "approved", "discord"],
      [housing, "submitted", "slack"],
      [housing, "routed", null],
      [housing, "denied", "slack"],
    ]);
    expect(json.map((e) => e.seq)).toEqual([...json.map((e) => e.seq)].sort((a, b) => a - b));
    expect(json.find((e) => e.action === "info_requested")?.reason).toBe(QUESTION);
    expect(json.find((e) => e.action === "denied")?.reason).toBe(DENY_REASON);
    const csv = await exportAudit(desk.app.services.deps.auditLog, communityId, "csv");
    const actions = csv
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(",")[2]);
    expect(actions).toEqual(json.map((e) => e.action));
  });

  it("never sent the request details anywhere but Ana's and the stewards' DMs or the triage channel", () => {
    const allowedSlack = new Set([ANA, ANA_DM, THEO, THEO_DM, SLACK_TRIAGE]);
    let seen = 0;
    for (const call of slack.calls) {
      const sent = JSON.stringify(call.body);
      if (!PRIVATE.some((text) => sent.includes(text))) continue;
      seen++;
      // A modal shows only to the person whose click opened it.
      if (call.method === "views.open") {
        expect(allowedSlack.has(triggeredBy.get(String(call.body.trigger_id)) ?? ""), sent).toBe(true);
        continue;
      }
      expect(allowedSlack.has(String(call.body.channel)), `${call.method} to ${call.body.channel}`).toBe(
        true,
      );
    }
    for (const post of slack.responses) {
      const sent = JSON.stringify(post.body);
      if (!PRIVATE.some((text) => sent.includes(text))) continue;
      seen++;
      expect(post.id.startsWith(`${ANA}-`) || post.id.startsWith(`${THEO}-`), post.id).toBe(true);
    }
    const samChannel = samDm();
    for (const call of discord.calls) {
      const sent = JSON.stringify(call.body ?? {});
      if (!PRIVATE.some((text) => sent.includes(text))) continue;
      seen++;
      expect(call.path.startsWith(`/channels/${samChannel}/messages`), `${call.method} ${call.path}`).toBe(
        true,
      );
    }
    expect(seen).toBeGreaterThan(0);
    expect(desk.logs.filter((line) => line.level >= 50)).toEqual([]);
  });
});
