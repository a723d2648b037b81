import { describe, expect, it } from "vitest";
import { FakeClock } from "../../../test/fakes/core/fake-clock.js";
import { fakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import { emptyDigestFacts, InMemoryDigestSource } from "../../../test/fakes/core/in-memory-digest-source.js";
import { InMemoryPeopleRepository } from "../../../test/fakes/core/in-memory-people-repository.js";
import { busyWeek, busyWeekFacts } from "../../../test/support/digest-world.js";
import { createDatadesk } from "../bot/create-datadesk.js";
import type { Role } from "../people/roles.js";
import { cardPlainText, type FormReply } from "../shared/card.js";
import type { PlatformIdentity } from "../shared/platform.js";

const slack = (userId: string): PlatformIdentity => ({ platform: "slack", workspaceId: "T1", userId });
const discord = (userId: string): PlatformIdentity => ({ platform: "discord", workspaceId: "G1", userId });

function setup(options: { quiet?: boolean; locale?: string } = {}) {
  const people = new InMemoryPeopleRepository({
    name: "Chicago Data Collaborative",
    timezone: busyWeek.timezone,
    locale: options.locale ?? "en",
  });
  const communityId = people.defaultCommunity.id;
  const source = new InMemoryDigestSource(options.quiet ? emptyDigestFacts() : busyWeekFacts(communityId));
  const deps = fakeCoreDeps({ people, clock: new FakeClock(busyWeek.now), digestSource: source });
  const core = createDatadesk(deps);
  async function person(identity: PlatformIdentity, role: Role | null) {
    const community = await people.communityForWorkspace(identity.platform, identity.workspaceId);
    const actor = await people.findOrCreateActor(identity, community, ["member"]);
    if (role) people.grant(actor.personId, community.id, role);
    return identity;
  }
  return { core, source, person };
}

function ephemeralText(reply: FormReply): string {
  expect(reply).toMatchObject({ kind: "card", visibility: "ephemeral" });
  return reply.kind === "card" ? cardPlainText(reply.card) : "";
}

describe("/datadesk digest (preview)", () => {
  it("shows a champion this week so far as the champions' digest, only to them", async () => {
    const { core, person } = setup();
    const champion = await person(slack("U-champ"), "champion");
    const text = ephemeralText(await core.handle(champion, { kind: "commandText", text: "digest" }));
    expect(text).toContain("Champions' digest: Chicago Data Collaborative");
    expect(text).toContain("This week so far, as of");
    expect(text).toContain("New problems (3)");
    expect(text).toContain("Access requests waiting (3)");
    expect(text).toContain("Median first response to problems");
  });

  it("works as a Discord command with the preview action, for admins too", async () => {
    const { core, person } = setup();
    const admin = await person(discord("D-admin"), "admin");
    const reply = await core.handle(admin, { kind: "command", name: "digest", args: { action: "preview" } });
    expect(ephemeralText(reply)).toContain("Past the 5-business-day response time (1)");
  });

  it("kindly refuses members and reads nothing", async () => {
    const { core, source, person } = setup();
    const member = await person(slack("U-member"), null);
    const text = ephemeralText(await core.handle(member, { kind: "commandText", text: "digest" }));
    expect(text).toContain("The digest preview is for champions and admins");
    expect(source.calls).toEqual([]);
  });

  it("says when nothing would be sent this week", async () => {
    const { core, person } = setup({ quiet: true });
    const champion = await person(slack("U-champ"), "champion");
    const text = ephemeralText(await core.handle(champion, { kind: "commandText", text: "digest" }));
    expect(text).toContain("Nothing has happened yet this week: no digest would be sent.");
  });

  it("answers an unknown action with the way to preview", async () => {
    const { core, person } = setup({ locale: "es" });
    const champion = await person(slack("U-champ"), "champion");
    const text = ephemeralText(
      await core.handle(champion, { kind: "commandText", text: "digest frobnicate" }),
    );
    expect(text).toContain("/datadesk digest preview");
    // Found by bench:fuzz: names of Object.prototype's members are no actions either.
    for (const action of ["constructor", "__proto__", "toString"]) {
      const reply = await core.handle(champion, { kind: "commandText", text: `digest ${action} x` });
      expect(ephemeralText(reply), action).toContain("/datadesk digest preview");
    }
  });
});
