// Demand meets supply, as issue 16 defines "done": the whole app (real core, SQL stores, Bolt
// over HTTP, discord.js) against both fakes. Chicago 2020-04-14 is imported; Mia (Slack) and Val
// (Discord) each watch one dataset and one topic; an open problem asks about COVID-19 testing
// sites; the champions see nothing yet. The 2020-07-22 snapshot is synced as `datadesk catalog
// sync` does it: Mia and Val get one DM each listing exactly their watched changes, the
// champions' triage channels get the new match once on each platform, a second sync of the same
// file sends nothing, and after "Not a match" the pair is never offered again.

import { copyFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCatalogSourceReader } from "../../src/catalog-sources/index.js";
import { syncCatalog } from "../../src/core/catalog/sync-catalog.js";
import { tellAfterSync } from "../../src/core/watches/tell-after-sync.js";
import { writeCatalogSync } from "../../src/store/catalog/catalog-sync-writer.js";
import { blockActionPayload, FAKE_TEAM_ID, postInteraction, postSlashCommand } from "../fakes/slack/index.js";
import {
  discordText,
  slackButtons,
  startTwoPlatformApp,
  type TwoPlatformApp,
} from "../support/two-platform-app.js";

const SECRET = "watches-e2e-secret";
const MIA = "U0MIA";
const CHAMPION = "U0CHAMPION";
const SLACK_TRIAGE = "C0TRIAGE";
const catalogs = resolve(process.cwd(), "../shared/catalogs");
const APRIL = resolve(catalogs, "chicago-il-data-2020-04-14.json");
const JULY = resolve(catalogs, "chicago-il-data-2020-07-22.json");

type Json = Record<string, unknown>;

describe("watches and data matches on Slack and Discord", { timeout: 120_000 }, () => {
  let platforms: TwoPlatformApp;
  let communityId: string;
  let catalogFile: string;
  let val: string;
  let discordTriage: string;

  const deps = () => platforms.desk.app.services.deps;
  /** What `datadesk catalog sync` does: resync from the stored location, then tell. */
  async function syncFrom(file: string) {
    await copyFile(file, catalogFile);
    const [result] = await syncCatalog(deps(), { communityId, name: "chicago" });
    if (!result?.ok) throw new Error("sync failed");
    await tellAfterSync(deps(), { communityId, runId: result.summary.runId });
    await platforms.drain();
    return result.summary;
  }
  const slackDmsTo = (user: string) =>
    platforms.slack
      .callsTo("chat.postMessage")
      .filter((c) => c.body.channel === user || c.body.channel === `D${user.slice(1)}`);
  const slackTriagePosts = () =>
    platforms.slack.callsTo("chat.postMessage").filter((c) => c.body.channel === SLACK_TRIAGE);
  const discordDmsTo = (user: string) => {
    const dm = platforms.discord.world.dmChannels.get(user);
    return dm ? [...platforms.discord.world.messages.values()].filter((m) => m.channel_id === dm.id) : [];
  };
  const discordTriagePosts = () =>
    [...platforms.discord.world.messages.values()].filter(
      (m) => m.channel_id === discordTriage && JSON.stringify(m.components ?? []).includes("match.link:"),
    );
  /** Every message in Discord's triage channel, match cards whose buttons were taken off included. */
  const discordTriageMessages = () =>
    [...platforms.discord.world.messages.values()].filter((m) => m.channel_id === discordTriage);
  const slackMatchPosts = () =>
    slackTriagePosts().filter((c) => JSON.stringify(c.body.blocks).includes("match.link"));

  const matchRows = () =>
    platforms.desk.app.services.db.sql.query<{ id: string; title: string; state: string }>(
      `SELECT m."id", d."title", m."state"::text AS "state" FROM "DataMatch" m JOIN "Dataset" d ON d."id" = m."datasetId"`,
    );

  async function slackCommand(user: string, text: string): Promise<string> {
    const label = `${user}:${text}`;
    await postSlashCommand(platforms.receiverUrl, SECRET, {
      text,
      user_id: user,
      response_url: platforms.slack.responseUrl(label),
    });
    return JSON.stringify((await platforms.slack.waitForResponse(label)).body);
  }

  beforeAll(async () => {
    platforms = await startTwoPlatformApp({
      signingSecret: SECRET,
      discordToken: "watches-e2e-discord",
      slackToken: "xoxb-watches",
      discordUsers: ["val"],
    });
    val = platforms.discordUsers.val ?? "";
    const { db } = platforms.desk.app.services;
    communityId = (await deps().people.communityForWorkspace("slack", FAKE_TEAM_ID)).id;
    discordTriage = platforms.discord.world.textChannelId;
    await deps().directory.setChannel(communityId, "slack", FAKE_TEAM_ID, "triage", SLACK_TRIAGE);
    await deps().directory.setChannel(
      communityId,
      "discord",
      platforms.discord.world.guildId,
      "triage",
      discordTriage,
    );
    catalogFile = join(await mkdtemp(join(tmpdir(), "watches-e2e-")), "chicago.json");
    await copyFile(APRIL, catalogFile);
    await writeCatalogSync(
      db.sql,
      { communityId, name: "chicago", kind: "dcat", location: catalogFile },
      createCatalogSourceReader().read(catalogFile, "dcat"),
      new Date(),
    );
    await slackCommand(CHAMPION, "help");
    await db.sql.query(
      `UPDATE "Membership" m SET "roles" = ARRAY['member','champion']::"Role"[]
       FROM "PlatformAccount" a WHERE a."personId" = m."personId" AND a."userId" = $1`,
      [CHAMPION],
    );
    // An open problem the July data answers (filed before the data existed).
    await slackCommand(MIA, "help");
    const mia = await db.sql.query<{ personId: string }>(
      `SELECT "personId" FROM "PlatformAccount" WHERE "userId" = $1`,
      [MIA],
    );
    await deps().problems.create(
      {
        communityId,
        submitterId: mia[0]?.personId ?? "",
        platform: "slack",
        title: "Where are the COVID-19 testing sites?",
        description: "People without a car need to know which COVID-19 testing sites are near them.",
        affected: "Residents without a car",
        place: null,
        topic: null,
        anonymous: false,
      },
      new Date(),
    );
  });

  afterAll(async () => {
    await platforms?.close();
  });

  it("lets members watch a dataset and a topic on both platforms; champions see nothing yet", async () => {
    expect(await slackCommand(MIA, "watch Beach Lab Data")).toContain(
      "You are now watching “Beach Lab Data”",
    );
    expect(await slackCommand(MIA, "watch topic Transportation")).toContain("the topic “transportation”");
    const ask = (what: string) =>
      platforms.discord.gateway.sendInteraction(
        platforms.discord.gateway.chatInputInteraction({ name: "watch", user: val, options: { what } }),
      );
    const choices = await platforms.discord.gateway.sendInteraction(
      platforms.discord.gateway.autocompleteInteraction({
        name: "watch",
        user: val,
        options: { what: "beach swim" },
        focused: "what",
      }),
    );
    const choice = ((choices.data as Json).choices as { name: string; value: string }[]).find((c) =>
      c.name.startsWith("Beach Swim Advisories"),
    );
    expect(choice).toBeDefined();
    expect(discordText((await ask(choice?.value ?? "")).data)).toContain("Beach Swim Advisories");
    expect(discordText((await ask("topic Parks & Recreation")).data)).toContain("parks & recreation");
    expect(await slackCommand(MIA, "watches")).toContain("Topic: transportation");
    // Every dataset card offers a Watch button.
    expect(await slackCommand(MIA, "dataset Beach Lab Data")).toContain('"action_id":"watch.dataset');
    await platforms.drain();
    expect(slackDmsTo(MIA)).toEqual([]);
    expect(discordDmsTo(val)).toEqual([]);
    expect(slackMatchPosts()).toEqual([]);
    expect(discordTriagePosts()).toEqual([]);
  });

  it("after the July sync: one DM each with exactly the watched changes, each match once per platform", async () => {
    const july = await syncFrom(JULY);
    expect(july).toMatchObject({ added: 19, updated: 131 });

    const [miaDm, ...moreForMia] = slackDmsTo(MIA);
    expect(moreForMia).toEqual([]);
    const miaText = JSON.stringify(miaDm?.body.blocks);
    expect(miaText).toContain("Beach Lab Data");
    expect(miaText).toContain("updated: modified date");
    expect(miaText).toContain("Electric Scooter Pilot Zone");
    expect(miaText).not.toContain("Beach Swim Advisories");

    const [valDm, ...moreForVal] = discordDmsTo(val);
    expect(moreForVal).toEqual([]);
    const valText = discordText(valDm);
    expect(valText).toContain("Beach Swim Advisories");
    expect(valText).not.toContain("Beach Lab Data");
    expect(valText).not.toContain("Electric Scooter");

    // The problem reads like several of the new COVID-19 testing datasets: each pair once per platform.
    const matches = await matchRows();
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.map((m) => m.title)).toContain("COVID-19 Testing Sites");
    expect(slackMatchPosts()).toHaveLength(matches.length);
    expect(discordTriagePosts()).toHaveLength(matches.length);
    for (const match of matches) {
      expect(slackMatchPosts().filter((p) => JSON.stringify(p.body.blocks).includes(match.id))).toHaveLength(
        1,
      );
    }
    expect(JSON.stringify(slackMatchPosts()[0]?.body.blocks)).toContain("New data may answer #1");
  });

  it("sends nothing after a second sync of the same file", async () => {
    const before = platforms.slack.callsTo("chat.postMessage").length + platforms.discord.world.messages.size;
    const again = await syncFrom(JULY);
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(platforms.slack.callsTo("chat.postMessage").length + platforms.discord.world.messages.size).toBe(
      before,
    );
  });

  /** A champion presses a button of a match card in Slack's triage channel; the answer goes to `label`. */
  const pressOnMatchCard = (
    post: ReturnType<typeof slackMatchPosts>[number] | undefined,
    button: { action_id: string; value?: string } | undefined,
    label: string,
  ) =>
    postInteraction(
      platforms.receiverUrl,
      SECRET,
      blockActionPayload({
        actionId: button?.action_id ?? "",
        value: button?.value ?? "",
        user: CHAMPION,
        channel: SLACK_TRIAGE,
        messageTs: String((post?.response as Json | undefined)?.ts ?? ""),
        responseUrl: platforms.slack.responseUrl(label),
      }),
    );

  it("never offers a pair again after Not a match", async () => {
    const post = slackMatchPosts()[0];
    const reject = slackButtons(post?.body.blocks).find((b) => b.action_id.startsWith("match.reject"));
    expect(reject).toBeDefined();
    const openOnDiscord = discordTriagePosts().length;
    await pressOnMatchCard(post, reject, "reject");
    expect(JSON.stringify((await platforms.slack.waitForResponse("reject")).body)).toContain("not a match");
    // The same suggestion on Discord loses its buttons and says what was decided.
    await platforms.drain();
    expect(discordTriagePosts()).toHaveLength(openOnDiscord - 1);
    const decided = discordTriageMessages().filter((m) => JSON.stringify(m).includes("is not a match for"));
    expect(decided).toHaveLength(1);
    expect(JSON.stringify(decided[0]?.components ?? [])).not.toContain("match.");
    // The dataset leaves and comes back: a new "added" change, but the pair stays rejected.
    await syncFrom(APRIL);
    await syncFrom(JULY);
    const matches = await matchRows();
    expect(matches.filter((m) => m.state === "rejected").map((m) => m.id)).toEqual([reject?.value]);
    expect(slackMatchPosts()).toHaveLength(matches.length);
    // Every suggestion posted once on Discord too: the rejected one without its buttons.
    expect(discordTriagePosts()).toHaveLength(matches.length - 1);
  });

  it("links through the problems' dataset link: the submitter is told once, a second click changes nothing", async () => {
    const open = (await matchRows()).find((m) => m.state === "suggested");
    const post = slackMatchPosts().find((p) => JSON.stringify(p.body.blocks).includes(open?.id ?? "-"));
    const link = slackButtons(post?.body.blocks).find((b) => b.action_id.startsWith("match.link"));
    expect(link).toBeDefined();
    const dmsBefore = slackDmsTo(MIA).length;
    for (const label of ["link-1", "link-2"]) {
      await pressOnMatchCard(post, link, label);
    }
    expect(JSON.stringify((await platforms.slack.waitForResponse("link-1")).body)).toContain("Linked");
    expect(JSON.stringify((await platforms.slack.waitForResponse("link-2")).body)).toContain(
      "already decided",
    );
    await platforms.drain();
    const told = slackDmsTo(MIA).slice(dmsBefore);
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0]?.body)).toContain("a dataset that may help was linked");
    expect((await matchRows()).find((m) => m.id === open?.id)?.state).toBe("linked");
    const problem = await deps().problems.byNumber(communityId, 1);
    expect(problem?.linkedDatasets.map((d) => d.title)).toContain(open?.title);
  });
});
