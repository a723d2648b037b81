import { describe, expect, it } from "vitest";
import { datasetFixture } from "../../../test/fakes/core/dataset-fixture.js";
import { FakeClock } from "../../../test/fakes/core/fake-clock.js";
import { fakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import { InMemoryPeopleRepository } from "../../../test/fakes/core/in-memory-people-repository.js";
import { createDatadesk } from "../bot/create-datadesk.js";
import { cardPlainText, cardSchema, type FormReply } from "../shared/card.js";
import type { PlatformIdentity } from "../shared/platform.js";

const slackUser: PlatformIdentity = {
  platform: "slack",
  workspaceId: "T1",
  userId: "U1",
  displayName: "Ana",
};

function textOf(reply: FormReply): string {
  return reply.kind === "card" ? cardPlainText(reply.card) : "";
}

async function setup(locale = "en") {
  const clock = new FakeClock("2020-07-23T12:00:00Z");
  const people = new InMemoryPeopleRepository({ locale });
  const deps = fakeCoreDeps({ people, clock });
  const catalog = { store: deps.catalogStore, reader: deps.catalogReader, deps };
  const core = createDatadesk(deps);
  const communityId = people.defaultCommunity.id;
  const records = [
    datasetFixture({
      key: "https://data.example.org/api/views/4ijn-s7e5",
      title: "Food Inspections",
      description: "Inspections of restaurants and other food establishments. Updated daily.",
      keywords: ["inspections", "food"],
      contactName: "Health Department",
      contactEmail: "health@example.org",
      modified: new Date("2020-07-22T00:00:00Z"),
      accrualPeriodicity: "R/P1D",
      landingPage: "https://data.example.org/d/4ijn-s7e5",
      distributions: [{ title: null, format: "CSV", mediaType: "text/csv", url: null, isApi: false }],
    }),
    datasetFixture({
      key: "https://data.example.org/api/views/cbyb-69xx",
      title: "Bike Racks",
      description: "Locations of bike racks on city sidewalks.",
      modified: new Date("2012-09-07T00:00:00Z"),
    }),
  ];
  await catalog.store.syncCatalog(
    { communityId, name: "city", kind: "dcat", location: "/city.json", syncIntervalMinutes: null },
    (async function* () {
      for (const dataset of records) yield { ok: true as const, dataset };
    })(),
    clock.now(),
  );
  return { core, catalog };
}

describe("ask, free text and the dataset command", () => {
  it("answers a question with the dataset's card, visible to the asker", async () => {
    const { core } = await setup();
    const reply = await core.handle(slackUser, {
      kind: "commandText",
      text: "ask is there data on restaurant inspections?",
    });
    expect(reply.kind === "card" && reply.visibility).toBe("ephemeral");
    const text = textOf(reply);
    expect(text).toMatch(/^Food Inspections/);
    expect(text).toContain("2020-07-22: current");
    expect(text).toContain("Health Department <health@example.org>");
    if (reply.kind === "card") expect(cardSchema.parse(reply.card)).toEqual(reply.card);
  });

  it("takes a DM or mention as a question and answers in the open", async () => {
    const { core } = await setup();
    const reply = await core.handle(slackUser, { kind: "message", text: "is the bike racks data current?" });
    expect(reply.kind === "card" && reply.visibility).toBe("public");
    expect(textOf(reply)).toContain("2012-09-07 (8 years ago)");
  });

  it("says plainly when the catalog has no licence, and records the gap", async () => {
    const { core, catalog } = await setup();
    const text = textOf(
      await core.handle(slackUser, { kind: "message", text: "can i use the bike racks data commercially?" }),
    );
    expect(text).toContain("The catalog states no license for this dataset");
    expect([...catalog.store.gaps.values()]).toEqual([
      expect.objectContaining({ field: "license", count: 1 }),
    ]);
  });

  it("says it could not find something instead of guessing, and offers to file it as a problem", async () => {
    const { core } = await setup();
    const reply = await core.handle(slackUser, { kind: "message", text: "election results by precinct" });
    const text = textOf(reply);
    expect(text).toContain("I couldn't find that in the catalog");
    expect(text).toContain("file it as a problem");
    const actions =
      reply.kind === "card"
        ? reply.card.blocks.flatMap((block) => (block.type === "actions" ? block.actions : []))
        : [];
    // Nothing was found, so nothing to request access to: only the way to file it as a problem.
    expect(actions.map((a) => (a.kind === "button" ? a.actionId : a.kind))).toEqual(["problem.start"]);
  });

  it("tells a community with no catalog how to import one, instead of 'not found'", async () => {
    const clock = new FakeClock("2020-07-23T12:00:00Z");
    const people = new InMemoryPeopleRepository();
    const core = createDatadesk(fakeCoreDeps({ people, clock }));
    const text = textOf(
      await core.handle(slackUser, { kind: "message", text: "is there data on bike racks?" }),
    );
    expect(text).toContain("No data catalog yet");
    expect(text).toContain("datadesk catalog import");
    expect(text).not.toContain("I couldn't find that");
  });

  it("hints at an example when ask comes without a question", async () => {
    const { core } = await setup();
    expect(textOf(await core.handle(slackUser, { kind: "command", name: "ask", args: {} }))).toContain(
      "/datadesk ask is there any data on bike lanes?",
    );
  });

  it("refuses an unknown catalog by naming the ones there are", async () => {
    const { core } = await setup();
    const reply = await core.handle(slackUser, {
      kind: "command",
      name: "ask",
      args: { question: "bike racks", catalog: "nowhere" },
    });
    expect(textOf(reply)).toContain("There is no catalog called “nowhere”. The catalogs are: city.");
  });

  it("shows one dataset by key, by its Socrata id or by title", async () => {
    const { core } = await setup();
    for (const name of ["https://data.example.org/api/views/cbyb-69xx", "cbyb-69xx", "bike racks"]) {
      expect(
        textOf(await core.handle(slackUser, { kind: "command", name: "dataset", args: { name } })),
      ).toMatch(/^Bike Racks/);
    }
    expect(
      textOf(await core.handle(slackUser, { kind: "command", name: "dataset", args: { name: "zzz" } })),
    ).toContain("No current dataset matches “zzz”");
  });

  it("suggests datasets and catalogs as the person types", async () => {
    const { core } = await setup();
    expect(await core.autocomplete(slackUser, { command: "dataset", option: "name", text: "food" })).toEqual([
      { label: "Food Inspections · city", value: "https://data.example.org/api/views/4ijn-s7e5" },
    ]);
    expect(await core.autocomplete(slackUser, { command: "ask", option: "catalog", text: "ci" })).toEqual([
      { label: "city", value: "city" },
    ]);
  });

  it("answers in Spanish for a Spanish-speaking community", async () => {
    const { core } = await setup("es");
    const text = textOf(
      await core.handle(slackUser, { kind: "message", text: "¿los datos de bike racks están actualizados?" }),
    );
    expect(text).toContain("Actualizado");
    expect(text).toContain("hace 8 años");
  });
});
