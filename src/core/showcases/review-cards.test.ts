import { beforeEach, describe, expect, it } from "vitest";
import { datasetFixture } from "../../../test/fakes/core/dataset-fixture.js";
import { type FakeCoreDeps, fakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import { buttonsOfCard, cardsOf, formOf, textOf } from "../../../test/support/core-replies.js";
import { createDatadesk, type Datadesk } from "../bot/create-datadesk.js";
import type { OutboundMessage } from "../ports/outbox.js";
import { cardPlainText, type FormReply } from "../shared/card.js";
import type { Form } from "../shared/form.js";
import type { PlatformIdentity } from "../shared/platform.js";

/**
 * Every copy of a round's review card follows the decision (approve, changes, reject, or the
 * submitter's withdrawal), and the submitter can withdraw their own showcase while it waits.
 */

const id = (platform: "slack" | "discord", userId: string, displayName: string): PlatformIdentity => ({
  platform,
  workspaceId: platform === "slack" ? "T1" : "G1",
  userId,
  displayName,
});
const who = {
  ana: id("slack", "UANA", "Ana"),
  ben: id("discord", "200", "Ben"),
  chen: id("slack", "UCHEN", "Chen"),
  dora: id("discord", "300", "Dora"),
};
const details = {
  title: "Safe routes to school",
  summary: "An interactive map of risky crossings near schools, built with parents.",
  link: "https://example.org/safe-routes",
  image_url: "",
  team: "Northside Parents",
};

describe("showcase review cards and withdrawal (core, over fakes)", () => {
  let deps: FakeCoreDeps;
  let core: Datadesk;
  let communityId: string;

  const press = (identity: PlatformIdentity, actionId: string, value: string) =>
    core.handle(identity, { kind: "action", actionId, value });
  const submitForm = (identity: PlatformIdentity, form: Form, values: Record<string, string>) =>
    core.handle(identity, { kind: "form", formId: form.formId, context: form.context, values });
  const edits = (): OutboundMessage[] => deps.outbox.messages.filter((m) => m.target.kind === "anchor");
  const reviewPosts = (): OutboundMessage[] =>
    deps.outbox.messages.filter((m) => m.target.kind !== "anchor" && m.anchor?.key.includes(":review"));

  async function setUp(triage: boolean) {
    deps = fakeCoreDeps();
    core = createDatadesk(deps);
    communityId = deps.people.defaultCommunity.id;
    if (triage) {
      await deps.directory.setChannel(communityId, "slack", "T1", "triage", "CTRI");
      await deps.directory.setChannel(communityId, "discord", "G1", "triage", "800");
    }
    await deps.directory.setChannel(communityId, "slack", "T1", "showcases", "CSHOW");
    await deps.people.addPerson(who.ana);
    await deps.people.addPerson(who.ben);
    await deps.people.addPerson(who.chen, ["member", "champion"]);
    await deps.people.addPerson(who.dora, ["member", "admin"]);
    await deps.catalogStore.syncCatalog(
      { communityId, name: "city", kind: "dcat", location: "/city.json", syncIntervalMinutes: null },
      (async function* () {
        yield { ok: true as const, dataset: datasetFixture({ key: "crashes", title: "Traffic Crashes" }) };
      })(),
      deps.clock.now(),
    );
  }

  /** Both steps from `/datadesk showcase`; returns the receipt. */
  async function submit(identity: PlatformIdentity = who.ana): Promise<FormReply> {
    const stepOne = await submitForm(
      identity,
      formOf(await core.handle(identity, { kind: "commandText", text: "showcase" })),
      details,
    );
    const next = buttonsOfCard(cardsOf(stepOne)[0]).find((b) => b.actionId === "showcase.continue");
    const stepTwo = formOf(await press(identity, "showcase.continue", next?.value ?? ""));
    return submitForm(identity, stepTwo, { kind: "app", datasets: "Traffic Crashes", problems: "" });
  }

  async function submitted(identity: PlatformIdentity = who.ana) {
    const receipt = await submit(identity);
    const showcase = await deps.showcases.byNumber(communityId, deps.showcases.showcases.size);
    if (!showcase) throw new Error(textOf(receipt));
    return { showcase, receipt };
  }

  async function decideWithNote(kind: "changes" | "reject", showcaseId: string, note: string) {
    const form = formOf(await press(who.chen, `showcase.${kind}`, showcaseId));
    return submitForm(who.chen, form, { note });
  }

  describe("with a triage channel on each platform", () => {
    beforeEach(() => setUp(true));

    it("edits the review card in both triage channels to the approval, without buttons", async () => {
      const { showcase } = await submitted();
      const posted = reviewPosts();
      expect(posted.map((m) => [m.platform, m.anchor?.version]).sort()).toEqual([
        ["discord", 0],
        ["slack", 0],
      ]);
      await press(who.chen, "showcase.approve", showcase.id);
      await press(who.dora, "showcase.approve", showcase.id); // already decided: no second edit
      const edited = edits();
      expect(edited.map((m) => m.target)).toEqual(
        posted.map((m) => ({ kind: "anchor", key: m.anchor?.key })),
      );
      for (const edit of edited) {
        expect(edit.anchor?.version).toBe(1);
        expect(cardPlainText(edit.card)).toContain("Approved and published by Chen");
        expect(buttonsOfCard(edit.card)).toEqual([]);
      }
    });

    it("shows who asked for changes or rejected, with the reason, and a resubmission posts a fresh card", async () => {
      const { showcase } = await submitted();
      const changes = "Please add a screenshot of the map and name the schools.";
      await decideWithNote("changes", showcase.id, changes);
      expect(edits()).toHaveLength(2);
      for (const edit of edits())
        expect(cardPlainText(edit.card)).toMatch(/Changes asked for by Chen[\s\S]*screenshot/);

      const revise = formOf(await press(who.ana, "showcase.revise", showcase.id));
      const stepOne = await submitForm(who.ana, revise, { ...details, title: "Safe routes map" });
      const next = buttonsOfCard(cardsOf(stepOne)[0]).find((b) => b.actionId === "showcase.continue");
      const stepTwo = formOf(await press(who.ana, "showcase.continue", next?.value ?? ""));
      await submitForm(who.ana, stepTwo, { kind: "app", datasets: "Traffic Crashes", problems: "" });
      const rounds = reviewPosts().map((m) => m.anchor?.key ?? "");
      expect(rounds).toHaveLength(4);
      expect(new Set(rounds).size).toBe(4); // round two has anchors of its own, with buttons
      expect(buttonsOfCard(reviewPosts()[3]?.card).map((b) => b.actionId)).toContain("showcase.approve");

      const reason = "It links to a private page the public cannot open.";
      await decideWithNote("reject", showcase.id, reason);
      const roundTwo = edits().slice(2);
      // Versions start from the revision, so cards posted before edits existed stay editable.
      expect(
        reviewPosts()
          .slice(2)
          .map((m) => m.anchor?.version),
      ).toEqual([1, 1]);
      expect(roundTwo.map((m) => m.anchor?.version)).toEqual([2, 2]);
      expect(roundTwo.map((m) => (m.target.kind === "anchor" ? m.target.key : ""))).toEqual(rounds.slice(2));
      for (const edit of roundTwo)
        expect(cardPlainText(edit.card)).toMatch(/Rejected by Chen[\s\S]*private page/);
    });

    it("lets the submitter withdraw from the receipt; every review card says so and Approve changes nothing", async () => {
      const { showcase, receipt } = await submitted();
      const withdraw = buttonsOfCard(cardsOf(receipt)[0]).find((b) => b.actionId === "showcase.withdraw");
      expect(withdraw?.value).toBe(showcase.id);
      expect(textOf(await press(who.ben, "showcase.withdraw", showcase.id))).toContain(
        "Only the person who submitted S1 can withdraw it",
      );
      expect(edits()).toEqual([]);
      const done = await press(who.ana, "showcase.withdraw", showcase.id);
      expect(done.kind).toBe("update");
      expect(textOf(done)).toContain("S1 “Safe routes to school” is withdrawn");
      expect((await deps.showcases.byId(showcase.id))?.status).toBe("withdrawn");
      expect(edits().map((m) => [m.anchor?.version, cardPlainText(m.card)])).toEqual([
        [2, expect.stringContaining("Withdrawn by Ana")],
        [2, expect.stringContaining("Withdrawn by Ana")],
      ]);
      const late = textOf(await press(who.chen, "showcase.approve", showcase.id));
      expect(late).toContain("already decided");
      expect(late).toContain("Withdrawn by Ana");
      expect(textOf(await press(who.ana, "showcase.withdraw", showcase.id))).toContain("already closed");
      expect(edits()).toHaveLength(2);
    });

    it("withdraws by number after changes were asked for, and never a published showcase", async () => {
      const { showcase } = await submitted();
      await decideWithNote("changes", showcase.id, "Please add a screenshot of the map.");
      const dm = deps.outbox.messages.find((m) => m.target.kind === "user" && m.target.userId === "UANA");
      expect(buttonsOfCard(dm?.card).map((b) => b.actionId)).toEqual([
        "showcase.revise",
        "showcase.withdraw",
      ]);
      const reply = await core.handle(who.ana, { kind: "commandText", text: "showcase withdraw S1" });
      expect(textOf(reply)).toContain("is withdrawn");
      const withdrawn = edits().slice(2);
      expect(withdrawn.map((m) => m.anchor?.version)).toEqual([2, 2]);
      for (const edit of withdrawn) {
        expect(cardPlainText(edit.card)).toContain("Withdrawn by Ana");
        expect(cardPlainText(edit.card)).not.toContain("screenshot");
      }
      expect(textOf(await press(who.ana, "showcase.revise", showcase.id))).toContain("not waiting");

      const { showcase: second } = await submitted();
      await press(who.chen, "showcase.approve", second.id);
      const refused = await core.handle(who.ana, { kind: "commandText", text: "showcase withdraw 2" });
      expect(textOf(refused)).toContain("S2 is already published");
      expect((await deps.showcases.byId(second.id))?.status).toBe("published");
      expect(
        textOf(await core.handle(who.ana, { kind: "commandText", text: "showcase withdraw S99" })),
      ).toContain("There is no showcase S99");
    });
  });

  it("edits each reviewer's DM copy where no triage channel exists", async () => {
    await setUp(false);
    const { showcase } = await submitted();
    const posted = reviewPosts();
    expect(posted.map((m) => (m.target.kind === "user" ? m.target.userId : ""))).toEqual(["UCHEN", "300"]);
    await decideWithNote("reject", showcase.id, "It links to a private page the public cannot open.");
    expect(edits().map((m) => [m.platform, m.target, m.anchor?.version])).toEqual(
      posted.map((m) => [m.platform, { kind: "anchor", key: m.anchor?.key }, 1]),
    );
    expect(cardPlainText(edits()[1]?.card ?? { fallbackText: "", blocks: [] })).toContain("Rejected by Chen");
  });
});
