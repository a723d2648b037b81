import { beforeEach, describe, expect, it } from "vitest";
import { fakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import { ScriptedDigestSource } from "../../../test/fakes/core/scripted-digest-source.js";
import { defaultAccessSlaSettings } from "../access/access-sla-settings.js";
import type { Logger } from "../ports/logger.js";
import { silentLogger } from "../ports/logger.js";
import { type DigestDeliveryDeps, runDigests } from "./digest-delivery.js";

// 2026-11-23 is a Monday. Chicago is on CST (UTC−6): the digest of W47 (16–22 November) is due
// from 09:00 there, 15:00Z.
const BEFORE_DUE = "2026-11-23T14:59:00Z";
const DUE = "2026-11-23T15:00:00Z";
const IN_WEEK_47 = "2026-11-18T18:00:00Z";

function world() {
  const deps = fakeCoreDeps();
  deps.clock.set(BEFORE_DUE);
  const source = new ScriptedDigestSource();
  const errors: string[] = [];
  const logger: Logger = { ...silentLogger, error: (_obj, msg) => void errors.push(msg ?? "") };
  const delivery: DigestDeliveryDeps = {
    ...deps,
    logger,
    digestSource: source,
    accessSla: defaultAccessSlaSettings,
  };
  const communityId = deps.people.defaultCommunity.id;
  return { deps, source, delivery, communityId, errors, run: () => runDigests(delivery, deps.clock.now()) };
}

type World = ReturnType<typeof world>;

async function connectBothPlatforms(w: World) {
  await w.deps.directory.setTimezone(w.communityId, "America/Chicago");
  await w.deps.directory.setChannel(w.communityId, "slack", "T1", "digest", "C-DIGEST");
  await w.deps.directory.setChannel(w.communityId, "slack", "T1", "triage", "C-TRIAGE");
  await w.deps.directory.setChannel(w.communityId, "discord", "G1", "digest", "D-DIGEST");
  // A Discord guild with no triage channel: no champions' digest there.
  await w.deps.directory.setChannel(w.communityId, "discord", "G1", "problems", "D-PROBLEMS");
}

const targetsOf = (w: World) =>
  w.deps.outbox.messages.map((m) => `${m.platform}:${JSON.stringify(m.target)}`).sort();

describe("weekly digest delivery", () => {
  let w: World;
  beforeEach(async () => {
    w = world();
    await connectBothPlatforms(w);
    w.source.file("Bus stops without shelter", IN_WEEK_47);
  });

  it("sends nothing before the configured hour, then once per channel and week on every platform", async () => {
    // Before 09:00 the due digest is W46's, a quiet week: recorded as skipped, nothing sent.
    expect(await w.run()).toEqual({ sent: 0, skipped: 3, alreadyDone: 0, failed: 0 });
    expect(w.deps.outbox.messages).toEqual([]);
    w.deps.clock.set(DUE);
    expect(await w.run()).toMatchObject({ sent: 3, failed: 0 });
    expect(targetsOf(w)).toEqual([
      'discord:{"kind":"channel","channelId":"D-DIGEST"}',
      'slack:{"kind":"channel","channelId":"C-DIGEST"}',
      'slack:{"kind":"channel","channelId":"C-TRIAGE"}',
    ]);
    expect(w.deps.outbox.messages.map((m) => m.dedupeKey).sort()).toEqual([
      `digest:${w.communityId}:champions:slack:T1:2026-W47`,
      `digest:${w.communityId}:channel:discord:G1:2026-W47`,
      `digest:${w.communityId}:channel:slack:T1:2026-W47`,
    ]);
    const card = JSON.stringify(w.deps.outbox.messages.find((m) => m.platform === "discord")?.card);
    expect(card).toContain("Bus stops without shelter");
    // Every later run that week finds them recorded and builds nothing again.
    const asked = w.source.questions;
    w.deps.clock.advanceMinutes(5);
    expect(await w.run()).toEqual({ sent: 0, skipped: 0, alreadyDone: 0, failed: 0 });
    w.deps.clock.set("2026-11-29T20:00:00Z");
    await w.run();
    expect(w.deps.outbox.messages).toHaveLength(3);
    expect(w.source.questions).toBe(asked);
  });

  it("a bot that was down at the hour sends when it is back, and only the latest week", async () => {
    w.deps.clock.set("2026-11-25T10:00:00Z");
    expect(await w.run()).toMatchObject({ sent: 3 });
    // Down from before W48's digest was due until well into W50: only W49's goes out.
    w.deps.outbox.clear();
    w.source.file("Flooded underpass", "2026-12-02T18:00:00Z");
    w.source.file("Missing ramps", "2026-12-09T18:00:00Z");
    w.deps.clock.set("2026-12-16T12:00:00Z");
    expect(await w.run()).toMatchObject({ sent: 3 });
    expect(w.deps.outbox.messages.every((m) => m.dedupeKey.endsWith(":2026-W50"))).toBe(true);
  });

  it("two runs at once send each digest once", async () => {
    w.deps.clock.set(DUE);
    const [a, b] = await Promise.all([w.run(), w.run()]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(3);
    expect((a?.alreadyDone ?? 0) + (b?.alreadyDone ?? 0)).toBe(3);
    expect(w.deps.outbox.messages).toHaveLength(3);
  });

  it("a quiet week sends nothing and is recorded as skipped, unless the community wants it anyway", async () => {
    w.source.filed.length = 0;
    w.deps.clock.set(DUE);
    expect(await w.run()).toMatchObject({ sent: 0, skipped: 3 });
    expect(w.deps.outbox.messages).toEqual([]);
    expect(w.deps.digestRuns.runs.filter((r) => r.isoWeek === "2026-W47").map((r) => r.outcome)).toEqual([
      "skipped",
      "skipped",
      "skipped",
    ]);
    // The next week, with sendWhenQuiet on, the quiet digest goes out.
    await w.deps.directory.setDigestSchedule(w.communityId, { weekday: 1, hour: 9, sendWhenQuiet: true });
    w.deps.clock.set("2026-11-30T15:00:00Z");
    expect(await w.run()).toMatchObject({ sent: 3, skipped: 0 });
    expect(JSON.stringify(w.deps.outbox.messages[0]?.card)).toContain("quiet week");
  });

  it("a digest that fails to build stays due and goes out once on the next run", async () => {
    w.deps.clock.set(DUE);
    w.source.failNext();
    const first = await w.run();
    expect(first.failed).toBeGreaterThan(0);
    expect(w.errors).toContain("digest failed; it stays due and the next run tries again");
    w.deps.clock.advanceMinutes(5);
    await w.run();
    expect(targetsOf(w)).toHaveLength(3);
    expect(new Set(w.deps.outbox.messages.map((m) => m.dedupeKey)).size).toBe(3);
  });

  it("follows the community's own weekday and hour", async () => {
    await w.deps.directory.setDigestSchedule(w.communityId, { weekday: 3, hour: 17, sendWhenQuiet: false });
    w.deps.clock.set("2026-11-25T22:59:00Z");
    await w.run();
    expect(w.deps.outbox.messages).toEqual([]);
    w.deps.clock.set("2026-11-25T23:00:00Z");
    expect(await w.run()).toMatchObject({ sent: 3 });
  });
});

describe("personal digests", () => {
  it("go by DM only to people who opted in, with only the sections they kept", async () => {
    const w = world();
    await w.deps.directory.setTimezone(w.communityId, "America/Chicago");
    w.source.file("Bus stops without shelter", IN_WEEK_47);
    w.source.waiting.push({
      number: 7,
      datasetTitle: "Restricted permits",
      status: "pending",
      createdAt: new Date("2026-11-10T12:00:00Z"),
      waitingSince: new Date("2026-11-10T12:00:00Z"),
    });
    const person = (userId: string, roles: ("member" | "champion")[] = ["member"]) =>
      w.deps.people.addPerson({ platform: "slack", workspaceId: "T1", userId }, roles);
    const ana = await person("U-ANA");
    const ben = await person("U-BEN");
    const cleo = await person("U-CLEO", ["member", "champion"]);
    await person("U-DAN");
    const at = w.deps.clock.now();
    const save = (
      personId: string,
      enabled: boolean,
      sections: ("newProblems" | "accessWaiting" | "impact")[],
    ) => w.deps.digestSubscriptions.save({ personId, communityId: w.communityId, enabled, sections }, at);
    // Ana keeps new problems and asks for the requests waiting, which only champions may see.
    await save(ana, true, ["newProblems", "accessWaiting"]);
    await save(ben, false, ["newProblems"]);
    await save(cleo, true, ["newProblems", "accessWaiting"]);
    w.deps.clock.set(DUE);
    expect(await w.run()).toMatchObject({ sent: 2, failed: 0 });
    expect(targetsOf(w)).toEqual([
      'slack:{"kind":"user","userId":"U-ANA"}',
      'slack:{"kind":"user","userId":"U-CLEO"}',
    ]);
    const cardTo = (userId: string) =>
      JSON.stringify(
        w.deps.outbox.messages.find((m) => m.target.kind === "user" && m.target.userId === userId)?.card,
      );
    expect(cardTo("U-ANA")).toContain("Bus stops without shelter");
    expect(cardTo("U-ANA")).not.toContain("Restricted permits");
    expect(cardTo("U-CLEO")).toContain("Restricted permits");
    expect(cardTo("U-CLEO")).toContain("Bus stops without shelter");
    expect(cardTo("U-ANA")).toContain("Your weekly digest");
    expect(w.deps.outbox.messages.map((m) => m.dedupeKey)).toContain(
      `digest:${w.communityId}:person:${ana}:2026-W47`,
    );
    await w.run();
    expect(w.deps.outbox.messages).toHaveLength(2);
  });

  it("builds one digest for everyone who kept the same sections, and skips those already sent", async () => {
    const w = world();
    w.source.file("Bus stops without shelter", IN_WEEK_47);
    const at = w.deps.clock.now();
    for (const userId of ["U-1", "U-2", "U-3"]) {
      const personId = await w.deps.people.addPerson({ platform: "discord", workspaceId: "G1", userId });
      await w.deps.digestSubscriptions.save(
        { personId, communityId: w.communityId, enabled: true, sections: ["newProblems"] },
        at,
      );
    }
    w.deps.clock.set("2026-11-23T09:00:00Z");
    expect(await w.run()).toMatchObject({ sent: 3 });
    // One build of one section for three people.
    expect(w.source.questions).toBe(1);
    expect(targetsOf(w)).toEqual([
      'discord:{"kind":"user","userId":"U-1"}',
      'discord:{"kind":"user","userId":"U-2"}',
      'discord:{"kind":"user","userId":"U-3"}',
    ]);
    await w.run();
    expect(w.source.questions).toBe(1);
  });
});
