import { describe, expect, it } from "vitest";
import { datasetFixture } from "../../../test/fakes/core/dataset-fixture.js";
import { FakeClock } from "../../../test/fakes/core/fake-clock.js";
import { fakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import { InMemoryPeopleRepository } from "../../../test/fakes/core/in-memory-people-repository.js";
import { createDatadesk } from "../bot/create-datadesk.js";
import type { Role } from "../people/roles.js";
import { cardPlainText, type FormReply } from "../shared/card.js";
import type { PlatformIdentity } from "../shared/platform.js";
import { parseNoteArgs } from "./catalog-admin-commands.js";
import { importCatalog } from "./import-catalog.js";

const slack = (userId: string): PlatformIdentity => ({ platform: "slack", workspaceId: "T1", userId });
const discord = (userId: string): PlatformIdentity => ({ platform: "discord", workspaceId: "G1", userId });

function textOf(reply: FormReply): string {
  return reply.kind === "card" ? cardPlainText(reply.card) : "";
}

async function setup(locale = "en") {
  const clock = new FakeClock("2026-11-21T10:00:00Z");
  const people = new InMemoryPeopleRepository({ locale, timezone: "America/Chicago" });
  const deps = fakeCoreDeps({ people, clock });
  const catalog = { store: deps.catalogStore, reader: deps.catalogReader };
  const core = createDatadesk(deps);
  const communityId = people.defaultCommunity.id;
  catalog.reader.publish("/chicago.json", "dcat", [
    datasetFixture({ key: "https://data.cityofchicago.org/api/views/4ijn-s7e5", title: "Food Inspections" }),
    datasetFixture({ key: "https://data.cityofchicago.org/api/views/ydr8-5enu", title: "Building Permits" }),
    datasetFixture({
      key: "https://data.cityofchicago.org/api/views/xxxx-0001",
      title: "Building Violations",
    }),
  ]);
  await importCatalog(deps, { communityId, location: "/chicago.json", name: "chicago" });
  async function person(identity: PlatformIdentity, role: Role | null) {
    const community = await people.communityForWorkspace(identity.platform, identity.workspaceId);
    const actor = await people.findOrCreateActor(identity, community, ["member"]);
    if (role) people.grant(actor.personId, community.id, role);
    return identity;
  }
  return { core, store: catalog.store, clock, person };
}

describe("note (chat)", () => {
  it("gives members the friendly forbidden reply and stores nothing", async () => {
    const { core, store, person } = await setup();
    const member = await person(slack("U-member"), null);
    const reply = await core.handle(member, { kind: "commandText", text: "note Food Inspections | great" });
    expect(textOf(reply)).toMatch(/only people with one of these roles.*champion, steward, admin/);
    expect(store.notes).toEqual([]);
  });

  it("lets a champion add a caveat on Slack with `<dataset> | caveat: <text>`", async () => {
    const { core, store, person } = await setup();
    const champion = await person(slack("U-champ"), "champion");
    const reply = await core.handle(champion, {
      kind: "commandText",
      text: "note food inspections | caveat: inspections before 2010 use older codes",
    });
    expect(reply.kind === "card" && reply.visibility).toBe("ephemeral");
    expect(textOf(reply)).toContain("Added a caveat to Food Inspections");
    expect(store.notes).toMatchObject([{ kind: "caveat", text: "inspections before 2010 use older codes" }]);
    expect(store.datasetByKey("https://data.cityofchicago.org/api/views/4ijn-s7e5").usageNotesText).toBe(
      "inspections before 2010 use older codes",
    );
  });

  it("takes Discord's separate options, finding the dataset by its 4x4 id", async () => {
    const { core, store, person } = await setup();
    const steward = await person(discord("D-steward"), "steward");
    const reply = await core.handle(steward, {
      kind: "command",
      name: "note",
      args: { dataset: "ydr8-5enu", kind: "use_case", text: "Good for tracking construction by ward" },
    });
    expect(textOf(reply)).toContain("Added a best use case to Building Permits");
    expect(store.notes[0]).toMatchObject({
      kind: "use_case",
      datasetId: store.datasetByKey("https://data.cityofchicago.org/api/views/ydr8-5enu").id,
    });
  });

  it("asks to narrow an ambiguous reference and explains the syntax when the text is missing", async () => {
    const { core, person } = await setup();
    const admin = await person(slack("U-admin"), "admin");
    const ambiguous = textOf(
      await core.handle(admin, { kind: "commandText", text: "note building | useful" }),
    );
    expect(ambiguous).toContain("matches several datasets");
    expect(ambiguous).toContain("Building Permits (https://data.cityofchicago.org/api/views/ydr8-5enu)");
    const usage = textOf(await core.handle(admin, { kind: "commandText", text: "note Food Inspections" }));
    expect(usage).toContain("/datadesk note Food Inspections | caveat:");
    const missing = textOf(
      await core.handle(admin, { kind: "commandText", text: "note bike lanes | useful" }),
    );
    expect(missing).toContain("No current dataset matches “bike lanes”");
  });

  it("answers in Spanish and accepts the Spanish kind", async () => {
    const { core, store, person } = await setup("es");
    const champion = await person(slack("U-es"), "champion");
    const reply = await core.handle(champion, {
      kind: "commandText",
      text: "note Food Inspections | advertencia: datos incompletos en 2011",
    });
    expect(textOf(reply)).toContain("He añadido una nota (advertencia) a Food Inspections");
    expect(store.notes[0]?.kind).toBe("caveat");
  });

  it("suggests datasets and kinds as a Discord user types", async () => {
    const { core, person } = await setup();
    const champion = await person(discord("D-champ"), "champion");
    const datasets = await core.autocomplete(champion, { command: "note", option: "dataset", text: "build" });
    expect(datasets).toEqual([
      { label: "Building Permits (chicago)", value: "https://data.cityofchicago.org/api/views/ydr8-5enu" },
      { label: "Building Violations (chicago)", value: "https://data.cityofchicago.org/api/views/xxxx-0001" },
    ]);
    const kinds = await core.autocomplete(champion, { command: "note", option: "kind", text: "cav" });
    expect(kinds).toEqual([{ label: "caveat", value: "caveat" }]);
  });
});

describe("parseNoteArgs", () => {
  it("splits Slack's one line, reads a kind prefix and defaults to a use case", () => {
    expect(parseNoteArgs({ text: "Food | Use case: trends" })).toEqual({
      dataset: "Food",
      kind: "use_case",
      text: "trends",
    });
    expect(parseNoteArgs({ text: "Food | see https://x.org: it helps" })).toEqual({
      dataset: "Food",
      kind: "use_case",
      text: "see https://x.org: it helps",
    });
    expect(parseNoteArgs({ text: "Food | caveat:" })).toBeNull();
    expect(parseNoteArgs({ text: "no bar here" })).toBeNull();
    expect(() => parseNoteArgs({ dataset: "Food", kind: "rumour", text: "x" })).toThrow(/invalid_input/);
  });
});

describe("gaps (chat)", () => {
  it("lists the most-asked gaps for champions, in the community's time zone", async () => {
    const { core, store, clock, person } = await setup();
    const food = store.datasetByKey("https://data.cityofchicago.org/api/views/4ijn-s7e5").id;
    const permits = store.datasetByKey("https://data.cityofchicago.org/api/views/ydr8-5enu").id;
    await store.recordGap(permits, "contact");
    clock.set("2026-11-21T03:00:00Z");
    await store.recordGap(food, "license");
    await store.recordGap(food, "license");
    await store.recordGap(food, "some_new_field");
    const champion = await person(slack("U-gaps"), "champion");
    const text = textOf(await core.handle(champion, { kind: "commandText", text: "gaps" }));
    const lines = text.split("\n");
    const first = lines.findIndex((l) =>
      l.includes("Food Inspections — licence: asked 2 times, last on 2026-11-20"),
    );
    const second = lines.findIndex((l) =>
      l.includes("Building Permits — contact: asked once, last on 2026-11-21"),
    );
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(text).toContain("Food Inspections — some_new_field: asked once");
  });

  it("says so when there are none, and refuses members", async () => {
    const { core, person } = await setup();
    const champion = await person(slack("U-c"), "champion");
    expect(textOf(await core.handle(champion, { kind: "commandText", text: "gaps" }))).toContain(
      "No metadata gaps yet",
    );
    const member = await person(slack("U-m"), null);
    expect(textOf(await core.handle(member, { kind: "commandText", text: "gaps" }))).toMatch(/only people/);
  });
});
