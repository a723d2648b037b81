// A showcase's review rounds on Slack, end to end (real Bolt over HTTP against the fake Slack):
// Ana submits through the `/datadesk showcase` modals; a champion asks for changes with a reason;
// Ana reads it in a DM, reopens the form prefilled from there and resubmits, which posts a new
// review card; the champion then rejects it with a reason, which Ana is told, and nothing is
// published. Each decision edits the round's review card in place (no buttons left to press).
// Ana then withdraws a second showcase from her receipt: someone else may not, and the review
// card says it was withdrawn. (The Discord side and publishing are in showcases.test.ts.)

import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import type { TestApp } from "../support/test-app.js";
import {
  type SlackButton,
  slackButtons,
  startTwoPlatformApp,
  type TwoPlatformApp,
} from "../support/two-platform-app.js";

const SECRET = "showcases-slack-e2e-secret";
const ANA = FAKE_USER_ID;
const CHAMPION = "U0CHAMPION";
const SLACK_GENERAL = "C0GENERAL";
const SLACK_TRIAGE = "C0TRIAGE";
const SLACK_SHOWCASES = "C0SHOWCASES";
const ANA_DM = dmChannelIdFor(ANA);
const CHANGES = "Please add a screenshot and say which neighbourhoods the map covers.";
const REJECTION = "The link asks for a login, so the public cannot see the project.";

type Json = Record<string, unknown>;
const buttonIn = (blocks: unknown, actionId: string): SlackButton | undefined =>
  slackButtons(blocks).find((b) => b.action_id.replace(/#\d+$/, "") === actionId);

describe("a showcase's review rounds on Slack", { timeout: 90_000 }, () => {
  let slack: FakeSlack;
  let desk: TestApp;
  let receiverUrl: string;
  let communityId: string;
  let platforms: TwoPlatformApp;
  let presses = 0;
  const drain = () => platforms.drain();
  const showcase = () => desk.app.services.deps.showcases.byNumber(communityId, 1);

  function nextSlackCall(method: string, predicate: (body: Json) => boolean = () => true) {
    const seen = new Set(slack.callsTo(method));
    return slack.waitForCall(method, (call) => !seen.has(call) && predicate(call.body as Json));
  }

  /** Presses a button; returns the modal it opens, if `opensModal`. */
  async function press(
    user: string,
    button: SlackButton,
    channel: string,
    opensModal: boolean,
  ): Promise<Json> {
    const opened = opensModal ? nextSlackCall("views.open") : null;
    presses += 1;
    await postInteraction(
      receiverUrl,
      SECRET,
      blockActionPayload({
        actionId: button.action_id,
        value: button.value ?? "",
        user,
        channel,
        ephemeral: true,
        responseUrl: slack.responseUrl(`press-${presses}`),
      }),
    );
    return opened ? ((await opened).body.view as Json) : {};
  }

  async function submit(view: Json, values: Record<string, Json>, user: string): Promise<Json> {
    const state = Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value }]));
    const acked = await postInteraction(receiverUrl, SECRET, submissionOf(view, state, { user }));
    expect(acked.status).toBe(200);
    return (acked.json ?? {}) as Json;
  }

  /** Both steps from a step-one modal; returns the ephemeral "sent" message. */
  async function bothSteps(stepOne: Json, title: string): Promise<Json> {
    const stepTwoOffer = nextSlackCall(
      "chat.postEphemeral",
      (b) => buttonIn(b.blocks, "showcase.continue") !== undefined,
    );
    const ack = await submit(
      stepOne,
      {
        title: inputState.text(title),
        summary: inputState.text("A map of the city's cooling centres and the bus stops near each one."),
        link: inputState.text("https://example.org/cooling-map"),
        image_url: inputState.text(""),
        team: inputState.text("Heat Watch"),
      },
      ANA,
    );
    expect(ack.response_action).toBeUndefined();
    const next = buttonIn((await stepTwoOffer).body.blocks, "showcase.continue") as SlackButton;
    const stepTwo = await press(ANA, next, SLACK_GENERAL, true);
    const sent = nextSlackCall("chat.postEphemeral", (b) => JSON.stringify(b).includes("with the champions"));
    await submit(
      stepTwo,
      { kind: inputState.select("app"), datasets: inputState.text(""), problems: inputState.text("") },
      ANA,
    );
    return (await sent).body as Json;
  }

  /** The newest chat.update of the review card posted as `card` (by its ts). */
  const editOf = (card: { response?: unknown } | undefined) => {
    const ts = (card?.response as Json | undefined)?.ts;
    return slack
      .callsTo("chat.update")
      .filter((c) => c.body.channel === SLACK_TRIAGE && c.body.ts === ts)
      .at(-1);
  };

  const reviewCards = () =>
    slack
      .callsTo("chat.postMessage")
      .filter((c) => c.body.channel === SLACK_TRIAGE && buttonIn(c.body.blocks, "showcase.approve"));

  /** The champion opens the reason form from the newest review card and sends `reason`. */
  async function decideWithReason(actionId: string, reason: string) {
    const card = reviewCards().at(-1);
    const form = await press(
      CHAMPION,
      buttonIn(card?.body.blocks, actionId) as SlackButton,
      SLACK_TRIAGE,
      true,
    );
    const told = nextSlackCall("chat.postEphemeral", (b) => b.user === CHAMPION);
    await submit(form, { note: inputState.text(reason) }, CHAMPION);
    return JSON.stringify((await told).body);
  }

  beforeAll(async () => {
    platforms = await startTwoPlatformApp({
      signingSecret: SECRET,
      discordToken: "showcases-slack-e2e-discord",
      slackToken: "xoxb-showcases-slack",
    });
    ({ slack, desk, receiverUrl } = platforms);
    const { deps, db } = desk.app.services;
    communityId = (await deps.people.communityForWorkspace("slack", FAKE_TEAM_ID)).id;
    await deps.directory.setChannel(communityId, "slack", FAKE_TEAM_ID, "triage", SLACK_TRIAGE);
    await deps.directory.setChannel(communityId, "slack", FAKE_TEAM_ID, "showcases", SLACK_SHOWCASES);
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
  });

  afterAll(async () => {
    await platforms?.close();
  });

  it("submits through the /datadesk showcase modals into the champions' triage channel", async () => {
    const opened = nextSlackCall("views.open");
    await postSlashCommand(receiverUrl, SECRET, {
      text: "showcase",
      user_id: ANA,
      channel_id: SLACK_GENERAL,
      response_url: slack.responseUrl("showcase"),
    });
    const stepOne = (await opened).body.view as Json;
    const invalid = await submit(
      stepOne,
      { title: inputState.text("Hi"), link: inputState.text("example.org") },
      ANA,
    );
    expect(invalid.response_action).toBe("errors");
    expect(Object.keys((invalid.errors ?? {}) as Json)).toEqual(
      expect.arrayContaining(["title", "link", "summary"]),
    );
    expect(JSON.stringify(await bothSteps(stepOne, "Cooling centres near bus stops"))).toMatch(/S1/);
    await drain();
    expect(reviewCards()).toHaveLength(1);
    expect((await showcase())?.status).toBe("pending_review");
  });

  it("asks for changes: Ana reads why in a DM, reopens the form prefilled and resubmits", async () => {
    expect(await decideWithReason("showcase.changes", CHANGES)).toMatch(
      /Asked the submitter for changes to S1/,
    );
    expect((await showcase())?.status).toBe("changes_requested");
    await drain();
    const dm = slack
      .callsTo("chat.postMessage")
      .find((c) => c.body.channel === ANA_DM && JSON.stringify(c.body).includes(CHANGES));
    const revise = buttonIn(dm?.body.blocks, "showcase.revise");
    if (!revise) throw new Error("no Edit and resubmit in the DM");
    const again = await press(ANA, revise, ANA_DM, true);
    expect(JSON.stringify(again)).toContain("Cooling centres near bus stops");
    expect(JSON.stringify(await bothSteps(again, "Cooling centres and their bus stops"))).toMatch(
      /Your changes to S1/,
    );
    expect(await showcase()).toMatchObject({
      status: "pending_review",
      revision: 1,
      title: "Cooling centres and their bus stops",
    });
    await drain();
    expect(reviewCards()).toHaveLength(2);
    expect(JSON.stringify(reviewCards()[1]?.body)).toContain("Resubmitted with changes by");
    // Round one's card shows the outcome, with nothing left to press; round two's has buttons.
    const roundOne = editOf(reviewCards()[0]);
    expect(JSON.stringify(roundOne?.body)).toMatch(/Changes asked for by [\s\S]*screenshot/);
    expect(slackButtons(roundOne?.body.blocks)).toEqual([]);
    expect(editOf(reviewCards()[1])).toBeUndefined();
  });

  it("rejects with a reason Ana is told, and publishes nothing", async () => {
    expect(await decideWithReason("showcase.reject", REJECTION)).toMatch(/S1 was rejected/);
    await drain();
    const told = slack
      .callsTo("chat.postMessage")
      .filter((c) => c.body.channel === ANA_DM && JSON.stringify(c.body).includes(REJECTION));
    expect(told).toHaveLength(1);
    expect(await showcase()).toMatchObject({ status: "rejected", reviewNote: REJECTION });
    expect(slack.callsTo("chat.postMessage").filter((c) => c.body.channel === SLACK_SHOWCASES)).toEqual([]);
    const roundTwo = editOf(reviewCards()[1]);
    expect(JSON.stringify(roundTwo?.body)).toMatch(/Rejected by [\s\S]*asks for a login/);
    expect(slackButtons(roundTwo?.body.blocks)).toEqual([]);
  });

  it("lets Ana withdraw her showcase from the receipt, never someone else, and the review card says so", async () => {
    const opened = nextSlackCall("views.open");
    await postSlashCommand(receiverUrl, SECRET, {
      text: "showcase",
      user_id: ANA,
      channel_id: SLACK_GENERAL,
      response_url: slack.responseUrl("showcase-2"),
    });
    const receipt = await bothSteps((await opened).body.view as Json, "Shade on the walk to school");
    expect(JSON.stringify(receipt)).toMatch(/S2/);
    await drain();
    const card = reviewCards().at(-1);
    expect(JSON.stringify(card?.body)).toContain("Shade on the walk to school");
    const withdraw = buttonIn(receipt.blocks, "showcase.withdraw");
    if (!withdraw) throw new Error("no Withdraw on the receipt");

    const pressWithdraw = async (user: string, label: string) => {
      await postInteraction(
        receiverUrl,
        SECRET,
        blockActionPayload({
          actionId: withdraw.action_id,
          value: withdraw.value ?? "",
          user,
          channel: SLACK_GENERAL,
          ephemeral: true,
          responseUrl: slack.responseUrl(label),
        }),
      );
      return JSON.stringify((await slack.waitForResponse(label)).body);
    };
    expect(await pressWithdraw(CHAMPION, "withdraw-champion")).toMatch(
      /Only the person who submitted S2 can withdraw it/,
    );
    expect((await desk.app.services.deps.showcases.byNumber(communityId, 2))?.status).toBe("pending_review");
    expect(await pressWithdraw(ANA, "withdraw-ana")).toMatch(/S2 “Shade on the walk to school” is withdrawn/);
    expect((await desk.app.services.deps.showcases.byNumber(communityId, 2))?.status).toBe("withdrawn");
    await drain();
    const edited = editOf(card);
    expect(JSON.stringify(edited?.body)).toMatch(/Withdrawn by/);
    expect(slackButtons(edited?.body.blocks)).toEqual([]);

    // By number, from the command: S1 was rejected, so there is nothing to withdraw.
    await postSlashCommand(receiverUrl, SECRET, {
      text: "showcase withdraw S1",
      user_id: ANA,
      channel_id: SLACK_GENERAL,
      response_url: slack.responseUrl("withdraw-s1"),
    });
    expect(JSON.stringify((await slack.waitForResponse("withdraw-s1")).body)).toMatch(
      /S1 is already closed \(Rejected\)/,
    );
  });
});
