import { describe, expect, it } from "vitest";
import { renderDiscordMessage } from "../../src/adapters/discord/discord-renderer.js";
import { renderMessage } from "../../src/adapters/slack/block-kit-renderer.js";
import { defaultAccessSlaSettings } from "../../src/core/access/access-sla-settings.js";
import { buildDigest, digestCard } from "../../src/core/digest/digest.js";
import { parseIsoWeek } from "../../src/core/digest/digest-week.js";
import { translator } from "../../src/core/i18n/translator.js";
import {
  defaultDigestSchedule,
  defaultIntakeLimits,
  defaultTriageSettings,
} from "../../src/core/ports/community-directory.js";
import type { DigestFacts } from "../fakes/core/digest-facts.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { InMemoryDigestSource } from "../fakes/core/in-memory-digest-source.js";
import { busyWeek, busyWeekFacts } from "../support/digest-world.js";

/** A week where every list overflows with the longest titles people write. */
function crowdedWeek(): DigestFacts {
  const facts = busyWeekFacts("c");
  const long = "x".repeat(200);
  const at = new Date("2026-11-19T00:00:00Z");
  const [problem, dataset, request, showcase] = [
    facts.problems[1],
    facts.datasets[0],
    facts.accessRequests[0],
    facts.showcases[0],
  ];
  if (!problem || !dataset || !request || !showcase) throw new Error("busy week changed");
  for (let i = 0; i < 12; i++) {
    facts.problems.push({
      ...problem,
      id: `p${i}`,
      number: 100 + i,
      title: long,
      topic: long,
      createdAt: at,
    });
    facts.votes.push({ problemId: `p${i}`, personId: "x", createdAt: at });
    facts.problems.push({
      ...problem,
      id: `t${i}`,
      number: 200 + i,
      title: long,
      status: "new",
      createdAt: new Date("2026-11-02T15:00:00Z"),
    });
    facts.problemEvents.push({
      problemId: `p${i}`,
      kind: "status_changed",
      actorId: "z",
      toStatus: "accepted",
      createdAt: at,
    });
    facts.datasets.push({ ...dataset, id: `d${i}`, title: long });
    facts.syncChanges.push({ datasetId: `d${i}`, change: "updated", finishedAt: at });
    facts.gaps.push({ datasetId: `d${i}`, field: "license", count: 3, lastAskedAt: at });
    facts.accessRequests.push({ ...request, id: `a${i}`, number: 50 + i, datasetTitle: long });
    facts.showcases.push({ ...showcase, id: `s${i}`, number: 10 + i, title: long, team: long });
    facts.dataMatches.push({
      problemId: `p${i}`,
      datasetId: `d${i}`,
      state: "suggested",
      createdAt: at,
      decidedAt: null,
    });
  }
  return facts;
}

describe("a crowded champions' digest", () => {
  it("fits Slack's 50 blocks and Discord's embeds (ten, 4096 each, 6000 in all) without cutting anything", async () => {
    const week = parseIsoWeek(busyWeek.isoWeek, busyWeek.timezone);
    if (!week) throw new Error("week");
    const digest = await buildDigest(
      {
        digestSource: new InMemoryDigestSource(crowdedWeek()),
        directory: {
          config: async () => ({
            communityId: "c",
            name: "Chicago Data Collaborative",
            timezone: busyWeek.timezone,
            locale: "es",
            topics: [],
            intake: defaultIntakeLimits,
            triage: defaultTriageSettings,
            oncall: null,
            channels: [],
            digest: defaultDigestSchedule,
          }),
        },
        clock: new FakeClock(busyWeek.now),
        accessSla: defaultAccessSlaSettings,
      },
      { communityId: "c", week, audience: { kind: "champions" } },
    );
    expect(digest.sections).toHaveLength(12);
    const card = digestCard(digest, translator("es"));
    expect(renderMessage(card).blocks?.length ?? 0).toBeLessThanOrEqual(50);
    const embeds = renderDiscordMessage(card).embeds ?? [];
    const text = embeds
      .map((e) =>
        [e.title ?? "", e.description ?? "", ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join(""),
      )
      .join("");
    expect(embeds.length).toBeLessThanOrEqual(10);
    for (const embed of embeds) expect((embed.description ?? "").endsWith("…")).toBe(false);
    expect(text.length).toBeLessThanOrEqual(6000);
    // The last section (SLA breaches) arrives whole, down to its "and 10 more".
    expect(embeds.at(-1)?.description ?? "").toMatch(/y 10 más$/);
  });
});
