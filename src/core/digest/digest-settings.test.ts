import { describe, expect, it } from "vitest";
import { FakeClock } from "../../../test/fakes/core/fake-clock.js";
import { fakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import { InMemoryPeopleRepository } from "../../../test/fakes/core/in-memory-people-repository.js";
import { createDatadesk } from "../bot/create-datadesk.js";
import type { Role } from "../people/roles.js";
import { cardPlainText, type FormReply } from "../shared/card.js";
import type { Form } from "../shared/form.js";
import type { PlatformIdentity } from "../shared/platform.js";

const slack = (userId: string): PlatformIdentity => ({ platform: "slack", workspaceId: "T1", userId });

function setup() {
  const people = new InMemoryPeopleRepository({
    name: "Madrid Datos",
    timezone: "Europe/Madrid",
    locale: "en",
  });
  // Saturday 21 November 2026: the next digest is Monday the 23rd at 09:00 in Madrid.
  const deps = fakeCoreDeps({ people, clock: new FakeClock("2026-11-21T10:00:00Z") });
  const core = createDatadesk(deps);
  const communityId = people.defaultCommunity.id;
  async function person(identity: PlatformIdentity, role: Role | null = null) {
    const community = await people.communityForWorkspace(identity.platform, identity.workspaceId);
    const actor = await people.findOrCreateActor(identity, community, ["member"]);
    if (role) people.grant(actor.personId, community.id, role);
    return { identity, personId: actor.personId };
  }
  const open = async (identity: PlatformIdentity): Promise<Form> => {
    const reply = await core.handle(identity, { kind: "commandText", text: "digest settings" });
    if (reply.kind !== "form") throw new Error(`expected a form, got ${reply.kind}`);
    return reply.form;
  };
  const submit = (identity: PlatformIdentity, values: Record<string, string>) =>
    core.handle(identity, { kind: "form", formId: "digest.settings", context: "", values });
  return { deps, core, communityId, person, open, submit };
}

const options = (form: Form) => form.fields.find((f) => f.id === "sections")?.options?.map((o) => o.value);
const text = (reply: FormReply) =>
  reply.kind === "card" ? cardPlainText(reply.card) : JSON.stringify(reply);

describe("/datadesk digest settings", () => {
  it("opens on with every section a member may have; saves, and shows back what was saved", async () => {
    const { deps, communityId, person, open, submit } = setup();
    const ana = await person(slack("U-ANA"));
    const form = await open(ana.identity);
    expect(form.fields.map((f) => [f.id, f.kind, f.initialValue])).toEqual([
      ["enabled", "checkbox", "true"],
      ["sections", "multiselect", expect.stringContaining("newProblems,mostVoted")],
    ]);
    // Request details are for champions: a member is not offered those sections.
    expect(options(form)).not.toContain("accessWaiting");
    expect(options(form)).not.toContain("slaBreaches");
    expect(deps.digestSubscriptions.subscriptions.size).toBe(0);

    const reply = await submit(ana.identity, { enabled: "true", sections: "impact,newProblems" });
    expect(reply).toMatchObject({ kind: "card", visibility: "ephemeral" });
    expect(text(reply)).toContain("Your digest settings are saved");
    expect(text(reply)).toContain("Monday, November 23, 2026");
    expect(text(reply)).toContain("New problems, Impact figures");
    expect(await deps.digestSubscriptions.get(ana.personId, communityId)).toMatchObject({
      enabled: true,
      sections: ["newProblems", "impact"],
    });
    // Opening again shows what they saved.
    expect((await open(ana.identity)).fields.map((f) => f.initialValue)).toEqual([
      "true",
      "newProblems,impact",
    ]);
  });

  it("turns it off, keeping the sections for next time", async () => {
    const { deps, communityId, person, submit } = setup();
    const ana = await person(slack("U-ANA"));
    await submit(ana.identity, { enabled: "true", sections: "newProblems" });
    const reply = await submit(ana.identity, { sections: "newProblems" });
    expect(text(reply)).toContain("Off: you will not get a personal digest");
    expect(await deps.digestSubscriptions.get(ana.personId, communityId)).toMatchObject({
      enabled: false,
      sections: ["newProblems"],
    });
    expect(await deps.digestSubscriptions.enabledIn(communityId)).toEqual([]);
  });

  it("refuses bad input with a clear error on the form and saves nothing", async () => {
    const { deps, person, submit } = setup();
    const ana = await person(slack("U-ANA"));
    const cases: [Record<string, string>, string, string][] = [
      [{ enabled: "true", sections: "" }, "sections", "Pick at least one section"],
      [
        { enabled: "true", sections: "newProblems,gossip" },
        "sections",
        "not a section you can choose: gossip",
      ],
      [{ enabled: "true", sections: "accessWaiting" }, "sections", "Only champions"],
      [{ enabled: "maybe", sections: "impact" }, "enabled", "Choose on or off"],
    ];
    for (const [values, field, message] of cases) {
      const reply = await submit(ana.identity, values);
      expect(reply.kind, JSON.stringify(values)).toBe("errors");
      if (reply.kind !== "errors") continue;
      expect(reply.errors[field]).toContain(message);
      // The form comes back with what they chose.
      expect(reply.retry?.fields.find((f) => f.id === "sections")?.initialValue).toBe(
        values.sections || undefined,
      );
    }
    expect(deps.digestSubscriptions.subscriptions.size).toBe(0);
  });

  it("offers champions the access request sections, in Spanish for a Spanish speaker", async () => {
    const { deps, communityId, person, open, submit } = setup();
    const cleo = await person({ ...slack("U-CLEO"), locale: "es-ES" }, "champion");
    const form = await open(cleo.identity);
    expect(form.title).toBe("Tu resumen semanal");
    expect(options(form)).toContain("accessWaiting");
    expect(options(form)).toContain("slaBreaches");
    const reply = await submit(cleo.identity, { enabled: "true", sections: "accessWaiting,newProblems" });
    expect(text(reply)).toContain("Solicitudes de acceso en espera");
    expect((await deps.digestSubscriptions.get(cleo.personId, communityId))?.sections).toEqual([
      "newProblems",
      "accessWaiting",
    ]);
  });

  it("is named when someone types an action the digest command does not know", async () => {
    const { core, person } = setup();
    const ana = await person(slack("U-ANA"));
    const reply = await core.handle(ana.identity, { kind: "commandText", text: "digest subscribe" });
    expect(text(reply)).toContain("/datadesk digest settings");
  });
});
