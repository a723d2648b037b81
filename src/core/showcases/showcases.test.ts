import { beforeEach, describe, expect, it } from "vitest";
import { datasetFixture } from "../../../test/fakes/core/dataset-fixture.js";
import { type FakeCoreDeps, fakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import { showcaseDetails as details, id, who } from "../../../test/fakes/core/showcase-fixtures.js";
import { buttonsOf, cardsOf, formOf, textOf } from "../../../test/support/core-replies.js";
import { createDatadesk, type Datadesk } from "../bot/create-datadesk.js";
import type { OutboundMessage } from "../ports/outbox.js";
import { cardPlainText, type FormReply } from "../shared/card.js";
import type { PlatformIdentity } from "../shared/platform.js";

describe("showcases (core, over fakes)", () => {
  let deps: FakeCoreDeps;
  let core: Datadesk;
  let communityId: string;
  const people: Record<string, string> = {};

  const press = (identity: PlatformIdentity, actionId: string, value: string) =>
    core.handle(identity, { kind: "action", actionId, value });
  const submitForm = (
    identity: PlatformIdentity,
    formId: string,
    context: string,
    values: Record<string, string>,
  ) => core.handle(identity, { kind: "form", formId, context, values });
  const channelPosts = (channelId: string): OutboundMessage[] =>
    deps.outbox.messages.filter((m) => m.target.kind === "channel" && m.target.channelId === channelId);
  const dmsTo = (userId: string): OutboundMessage[] =>
    deps.outbox.messages.filter((m) => m.target.kind === "user" && m.target.userId === userId);

  /** Both steps; returns the reply to step two. */
  async function submitShowcase(
    identity: PlatformIdentity,
    lineage: Record<string, string> = { kind: "visualisation", datasets: "Traffic Crashes", problems: "" },
    values: Record<string, string> = details,
  ): Promise<FormReply> {
    const form = formOf(await core.handle(identity, { kind: "commandText", text: "showcase" }));
    const stepOne = await submitForm(identity, form.formId, form.context, values);
    const next = buttonsOf(stepOne).find((b) => b.actionId === "showcase.continue");
    if (!next) throw new Error(textOf(stepOne));
    const stepTwo = formOf(await press(identity, "showcase.continue", next.value));
    return submitForm(identity, stepTwo.formId, stepTwo.context, lineage);
  }

  async function submitted(identity = who.ana, lineage?: Record<string, string>) {
    const reply = await submitShowcase(identity, lineage);
    expect(reply.kind, textOf(reply)).toBe("card");
    const showcase = await deps.showcases.byNumber(communityId, deps.showcases.showcases.size);
    if (!showcase) throw new Error("not filed");
    return showcase;
  }

  beforeEach(async () => {
    deps = fakeCoreDeps();
    core = createDatadesk(deps);
    communityId = deps.people.defaultCommunity.id;
    await deps.directory.setChannel(communityId, "slack", "T1", "triage", "CTRI");
    await deps.directory.setChannel(communityId, "slack", "T1", "showcases", "CSHOW");
    await deps.directory.setChannel(communityId, "discord", "G1", "showcases", "900");
    people.ana = await deps.people.addPerson(who.ana);
    people.ben = await deps.people.addPerson(who.ben);
    people.chen = await deps.people.addPerson(who.chen, ["member", "champion"]);
    people.dora = await deps.people.addPerson(who.dora, ["member", "admin"]);
    await deps.catalogStore.syncCatalog(
      { communityId, name: "city", kind: "dcat", location: "/city.json", syncIntervalMinutes: null },
      (async function* () {
        for (const dataset of [
          datasetFixture({
            key: "crashes",
            title: "Traffic Crashes",
            landingPage: "https://data.example.org/crashes",
          }),
          datasetFixture({ key: "schools", title: "School Locations" }),
        ])
          yield { ok: true as const, dataset };
      })(),
      deps.clock.now(),
    );
  });

  it("asks in two steps of at most five fields and names each invalid field", async () => {
    const form = formOf(await core.handle(who.ben, { kind: "command", name: "showcase", args: {} }));
    expect(form.fields.map((f) => f.id)).toEqual(["title", "summary", "link", "image_url", "team"]);
    const bad = await submitForm(who.ben, form.formId, form.context, {
      ...details,
      link: "javascript:alert(1)",
      image_url: "ftp://example.org/x.png",
      summary: "short",
    });
    if (bad.kind !== "errors") throw new Error(textOf(bad));
    expect(Object.keys(bad.errors).sort()).toEqual(["image_url", "link", "summary"]);
    expect(bad.errors.link).toContain("http");
    expect(bad.retry?.fields.find((f) => f.id === "team")?.initialValue).toBe(details.team);

    const unknown = await submitShowcase(who.ben, {
      kind: "app",
      datasets: "Unicorn Sightings",
      problems: "#99",
    });
    if (unknown.kind !== "errors") throw new Error(textOf(unknown));
    expect(unknown.errors.problems).toContain("#99");
    expect(unknown.errors.datasets).toContain("Unicorn Sightings");
    expect(deps.showcases.showcases.size).toBe(0);
    expect(deps.outbox.messages).toEqual([]);
  });

  it("files a showcase for review: one review card in triage with the image and three decisions", async () => {
    const showcase = await submitted();
    expect(showcase).toMatchObject({ status: "pending_review", kind: "visualisation", number: 1 });
    expect(showcase.datasets.map((d) => d.title)).toEqual(["Traffic Crashes"]);
    const [review, ...others] = channelPosts("CTRI");
    expect(others).toEqual([]);
    expect(review?.card.blocks).toContainEqual(
      expect.objectContaining({ type: "image", url: details.image_url }),
    );
    expect(
      review?.card.blocks.flatMap((b) => (b.type === "actions" ? b.actions.map((a) => a.label) : [])),
    ).toEqual(["Approve and publish", "Ask for changes", "Reject"]);
    expect(channelPosts("CSHOW")).toEqual([]);
  });

  it("sends the review card to champions and admins by DM where no platform has a triage channel", async () => {
    deps = fakeCoreDeps({ people: deps.people, clock: deps.clock });
    core = createDatadesk(deps);
    await deps.catalogStore.syncCatalog(
      { communityId, name: "city", kind: "dcat", location: "/city.json", syncIntervalMinutes: null },
      (async function* () {
        yield { ok: true as const, dataset: datasetFixture({ key: "crashes", title: "Traffic Crashes" }) };
      })(),
      deps.clock.now(),
    );
    await submitted(who.chen);
    expect(deps.outbox.messages.filter((m) => m.target.kind === "channel")).toEqual([]);
    const reviewers = deps.outbox.messages.map((m) => (m.target.kind === "user" ? m.target.userId : ""));
    expect(reviewers).toEqual(["300"]); // Dora, the admin; never Chen, who submitted it
  });

  it("lets champions and admins review, refuses members kindly and never the submitter", async () => {
    const showcase = await submitted();
    const member = await press(who.ben, "showcase.approve", showcase.id);
    expect(textOf(member)).toContain("Only the community's champions and admins review showcases");
    const own = await submitted(who.chen);
    expect(textOf(await press(who.chen, "showcase.approve", own.id))).toContain(
      "another champion reviews it",
    );
    expect((await deps.showcases.byId(own.id))?.status).toBe("pending_review");
    expect((await deps.showcases.byId(showcase.id))?.status).toBe("pending_review");
    const byAdmin = await press(who.dora, "showcase.approve", own.id);
    expect(textOf(byAdmin)).toContain("published");
    expect((await deps.showcases.byId(own.id))?.status).toBe("published");
  });

  it("publishes once on every platform's showcase channel, however often Approve is pressed", async () => {
    const showcase = await submitted();
    const first = await press(who.chen, "showcase.approve", showcase.id);
    const second = await press(who.dora, "showcase.approve", showcase.id);
    expect(textOf(first)).toContain("Approved and published by Chen");
    expect(textOf(second)).toContain("already decided");
    expect(channelPosts("CSHOW")).toHaveLength(1);
    expect(channelPosts("900")).toHaveLength(1);
    expect(channelPosts("900")[0]?.card.blocks).toContainEqual(expect.objectContaining({ type: "image" }));
    expect(dmsTo("UANA").map((m) => cardPlainText(m.card))).toEqual([
      expect.stringContaining("is published"),
    ]);
    const stored = await deps.showcases.byId(showcase.id);
    expect(stored).toMatchObject({ status: "published", reviewerId: people.chen });
    expect(await deps.showcases.publishedForDataset(communityId, showcase.datasets[0]?.id ?? "", 5)).toEqual({
      total: 1,
      items: [{ number: 1, title: details.title, link: details.link }],
    });
  });

  it("tells dataset answers how many published showcases used the dataset, with links", async () => {
    const card = async () =>
      textOf(await core.handle(who.ben, { kind: "commandText", text: "dataset Traffic Crashes" }));
    const showcase = await submitted();
    expect(await card()).not.toContain("showcase");
    await press(who.chen, "showcase.approve", showcase.id);
    const reply = await core.handle(who.ben, { kind: "commandText", text: "dataset Traffic Crashes" });
    expect(textOf(reply)).toContain("Used in 1 showcase:");
    const links = cardsOf(reply).flatMap((c) =>
      c.blocks.flatMap((b) => (b.type === "list" ? b.items.flat() : [])),
    );
    expect(links).toContainEqual({ text: `S1 · ${details.title}`, href: details.link });
  });

  it("asks for changes with a reason the submitter reads, who edits and resubmits into a new review", async () => {
    const showcase = await submitted();
    const form = formOf(await press(who.chen, "showcase.changes", showcase.id));
    const tooShort = await submitForm(who.chen, form.formId, form.context, { note: "fix" });
    expect(tooShort.kind).toBe("errors");
    const reason = "Please add a screenshot of the map and name the schools it covers.";
    await submitForm(who.chen, form.formId, form.context, { note: reason });
    const [dm] = dmsTo("UANA");
    expect(cardPlainText(dm?.card ?? { fallbackText: "", blocks: [] })).toContain(reason);
    const revise = dm?.card.blocks.flatMap((b) => (b.type === "actions" ? b.actions : []))[0];
    expect(revise).toMatchObject({ actionId: "showcase.revise", value: showcase.id });
    // Someone else cannot edit it; the submitter gets the form back, prefilled.
    expect(textOf(await press(who.ben, "showcase.revise", showcase.id))).toContain(
      "Only the person who submitted",
    );
    const again = formOf(await press(who.ana, "showcase.revise", showcase.id));
    expect(again.fields.find((f) => f.id === "title")?.initialValue).toBe(details.title);
    const stepOne = await submitForm(who.ana, again.formId, again.context, {
      ...details,
      title: "Safe routes map",
    });
    const next = buttonsOf(stepOne).find((b) => b.actionId === "showcase.continue");
    const stepTwo = formOf(await press(who.ana, "showcase.continue", next?.value ?? ""));
    expect(stepTwo.fields.find((f) => f.id === "datasets")?.initialValue).toBe("Traffic Crashes");
    const sent = await submitForm(who.ana, stepTwo.formId, stepTwo.context, {
      kind: "app",
      datasets: "Traffic Crashes\nSchool Locations",
      problems: "",
    });
    expect(textOf(sent)).toContain("Your changes to S1");
    expect(await deps.showcases.byId(showcase.id)).toMatchObject({
      status: "pending_review",
      revision: 1,
      title: "Safe routes map",
      kind: "app",
    });
    expect(channelPosts("CTRI")).toHaveLength(2);
    expect(cardPlainText(channelPosts("CTRI")[1]?.card ?? { fallbackText: "", blocks: [] })).toContain(
      "Resubmitted with changes by Ana",
    );
  });

  it("rejects with a reason the submitter is told in a DM, and the decision is final", async () => {
    const showcase = await submitted();
    const form = formOf(await press(who.chen, "showcase.reject", showcase.id));
    const reason = "This links to a private page that the public cannot open.";
    const done = await submitForm(who.chen, form.formId, form.context, { note: reason });
    expect(textOf(done)).toContain("rejected");
    expect(
      dmsTo("UANA")
        .map((m) => cardPlainText(m.card))
        .join("\n"),
    ).toContain(reason);
    expect(textOf(await press(who.dora, "showcase.approve", showcase.id))).toContain("already decided");
    expect(textOf(await press(who.ana, "showcase.revise", showcase.id))).toContain("not waiting for changes");
    expect(channelPosts("CSHOW")).toEqual([]);
  });

  it("solves the problems a published showcase addresses: each follower and voter told once", async () => {
    const problem = await deps.problems.create(
      {
        communityId,
        submitterId: people.ben ?? "",
        platform: "discord",
        title: "Which school crossings are dangerous?",
        description: "Nobody knows which crossings near schools see the most crashes.",
        affected: "Parents",
        place: null,
        topic: null,
        anonymous: false,
      },
      deps.clock.now(),
    );
    await deps.problems.changeStatus(problem.id, {
      from: "new",
      to: "accepted",
      actorId: people.chen ?? "",
      note: null,
      at: deps.clock.now(),
    });
    const voter = await deps.people.addPerson(id("slack", "UVOTE", "Val"));
    await deps.problems.vote(problem.id, voter, deps.clock.now());
    await deps.problems.vote(problem.id, people.ben ?? "", deps.clock.now());
    const showcase = await submitted(who.ana, { kind: "story", datasets: "", problems: "#1" });
    const approved = await press(who.chen, "showcase.approve", showcase.id);
    const solve = buttonsOf(approved).find((b) => b.actionId === "showcase.solve");
    expect(solve?.label).toBe("Mark #1 as solved");
    expect(textOf(await press(who.ben, "showcase.solve", showcase.id))).toContain("champion");
    const done = await press(who.chen, "showcase.solve", showcase.id);
    expect(textOf(done)).toContain("Marked #1 as solved; 2 people were told");
    expect(textOf(await press(who.dora, "showcase.solve", showcase.id))).toContain("already closed");
    const solved = await deps.problems.byId(problem.id);
    expect(solved?.status).toBe("solved");
    const events = await deps.problems.events(problem.id);
    expect(events.at(-1)?.note).toContain(details.link);
    const about = (userId: string) =>
      dmsTo(userId).filter((m) => m.dedupeKey.startsWith(`problem:${problem.id}:`));
    expect(about("200")).toHaveLength(1); // Ben: submitter and follower
    expect(about("UVOTE")).toHaveLength(1); // Val: voted, does not follow
    expect(cardPlainText(about("UVOTE")[0]?.card ?? { fallbackText: "", blocks: [] })).toContain("S1");
  });
});
