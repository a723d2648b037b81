import { beforeEach, describe, expect, it } from "vitest";
import { type FakeCoreDeps, fakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import { cardPlainText } from "../shared/card.js";
import type { PlatformIdentity } from "../shared/platform.js";
import { remindStaleProblems } from "./stale-triage.js";

const oncall: PlatformIdentity = {
  platform: "slack",
  workspaceId: "T1",
  userId: "UONCALL",
  displayName: "Omar",
};
const filer: PlatformIdentity = { platform: "discord", workspaceId: "G1", userId: "402", displayName: "Fay" };

// Monday 2026-11-30, 10:00 in Chicago: five business days later is Monday 2026-12-07, 10:00.
const FILED = new Date("2026-11-30T16:00:00Z");

describe("problems nobody triaged are raised once", () => {
  let deps: FakeCoreDeps;
  let communityId: string;
  let oncallId: string;
  let filerId: string;

  const file = async (title: string, at = FILED) =>
    deps.problems.create(
      {
        communityId,
        submitterId: filerId,
        platform: "discord",
        title,
        description: "We need to know this.",
        affected: "Residents",
        place: null,
        topic: null,
        anonymous: false,
      },
      at,
    );
  const run = (iso: string) => remindStaleProblems(deps, new Date(iso));
  const staleMessages = () => deps.outbox.messages.filter((m) => m.dedupeKey.includes(":stale"));

  beforeEach(async () => {
    deps = fakeCoreDeps();
    communityId = deps.people.defaultCommunity.id;
    await deps.directory.setTimezone(communityId, "America/Chicago");
    oncallId = await deps.people.addPerson(oncall, ["member", "champion"]);
    filerId = await deps.people.addPerson(filer);
    await deps.directory.setChannel(communityId, "discord", "G1", "triage", "D-TRIAGE");
    await deps.directory.setChannel(communityId, "slack", "T1", "triage", "C-TRIAGE");
  });

  it("waits the window in business days, then DMs the on-call champion the triage card once", async () => {
    await deps.directory.setOncall(communityId, { personIds: [oncallId], startsOn: "2026-11-30" });
    const problem = await file("Where are the lead pipes?");

    // Friday: four business days.
    expect(await run("2026-12-04T22:00:00Z")).toEqual({ reminded: 0 });
    // The weekend does not count; Monday 09:59 Chicago is still inside the window.
    expect(await run("2026-12-07T15:59:00Z")).toEqual({ reminded: 0 });
    expect(await run("2026-12-07T16:00:01Z")).toEqual({ reminded: 1 });

    const [dm, ...others] = staleMessages();
    expect(others).toEqual([]);
    expect(dm).toMatchObject({ platform: "slack", target: { kind: "user", userId: "UONCALL" } });
    const text = dm ? cardPlainText(dm.card) : "";
    expect(text).toContain(`Nobody has triaged #${problem.number} yet`);
    expect(text).toContain("5 business days since 2026-11-30");
    // The triage card's own moves come with it, so the champion can act from the DM.
    expect(JSON.stringify(dm?.card)).toContain("problem.accept");

    // Later runs, and a second replica, send nothing more.
    expect(await run("2026-12-07T16:15:00Z")).toEqual({ reminded: 0 });
    expect(await run("2026-12-14T16:15:00Z")).toEqual({ reminded: 0 });
    expect(staleMessages()).toHaveLength(1);
  });

  it("with nobody on call, posts in each triage channel; triaged, assigned and hidden problems are left alone", async () => {
    const waiting = await file("Bus stop benches");
    const accepted = await file("Tree canopy");
    await deps.problems.changeStatus(accepted.id, {
      from: "new",
      to: "accepted",
      actorId: oncallId,
      note: null,
      at: new Date("2026-12-01T16:00:00Z"),
    });
    const assigned = await file("Noise complaints");
    await deps.problems.assign(assigned.id, oncallId);
    const hidden = await file("Spam");
    await deps.problems.setHidden(hidden.id, true);
    // Filed later: not stale yet.
    await file("Parking meters", new Date("2026-12-03T16:00:00Z"));

    expect(await run("2026-12-07T17:00:00Z")).toEqual({ reminded: 1 });
    const posts = staleMessages();
    expect(
      posts.map((m) => m.target).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual([
      { kind: "channel", channelId: "C-TRIAGE" },
      { kind: "channel", channelId: "D-TRIAGE" },
    ]);
    for (const post of posts) {
      expect(cardPlainText(post.card)).toContain(`#${waiting.number}`);
      expect(cardPlainText(post.card)).toContain("nobody is on call this week");
    }
  });

  it("follows the community's own window and language", async () => {
    await deps.directory.setTriageSettings(communityId, { staleBusinessDays: 2 });
    await deps.directory.setLocale(communityId, "es");
    await file("Semáforos");
    expect(await run("2026-12-02T17:00:00Z")).toEqual({ reminded: 1 });
    const [post] = staleMessages();
    expect(post ? cardPlainText(post.card) : "").toContain("lleva 2 días hábiles esperando");
  });
});
