import { describe, expect, it } from "vitest";
import { FakeClock } from "../../../test/fakes/core/fake-clock.js";
import { emptyDigestFacts, InMemoryDigestSource } from "../../../test/fakes/core/in-memory-digest-source.js";
import { busyWeek, busyWeekFacts } from "../../../test/support/digest-world.js";
import { defaultAccessSlaSettings } from "../access/access-sla-settings.js";
import { translator } from "../i18n/translator.js";
import {
  type CommunityConfig,
  defaultDigestSchedule,
  defaultIntakeLimits,
  defaultTriageSettings,
} from "../ports/community-directory.js";
import { cardPlainText, cardSchema } from "../shared/card.js";
import { buildDigest, digestCard, isQuietWeek } from "./digest.js";
import { slaBreachCutoff } from "./digest-sections.js";
import {
  championOnlySectionKeys,
  type Digest,
  type DigestAudience,
  type DigestDeps,
  digestSectionKeys,
} from "./digest-types.js";
import { parseIsoWeek } from "./digest-week.js";

const communityId = "c0000000-0000-4000-8000-000000000001";

function config(overrides: Partial<CommunityConfig> = {}): CommunityConfig {
  return {
    communityId,
    name: "Chicago Data Collaborative",
    timezone: busyWeek.timezone,
    locale: "en",
    topics: ["Transport"],
    intake: defaultIntakeLimits,
    triage: defaultTriageSettings,
    oncall: null,
    channels: [],
    digest: defaultDigestSchedule,
    ...overrides,
  };
}

function deps(
  source: InMemoryDigestSource,
  now = busyWeek.now,
  overrides?: Partial<CommunityConfig>,
): DigestDeps {
  return {
    digestSource: source,
    directory: { config: async () => config(overrides) },
    clock: new FakeClock(now),
    accessSla: { ...defaultAccessSlaSettings, escalationBusinessDays: 5 },
  };
}

function week(text = busyWeek.isoWeek) {
  const parsed = parseIsoWeek(text, busyWeek.timezone);
  if (!parsed) throw new Error(text);
  return parsed;
}

async function build(
  audience: DigestAudience,
  source = new InMemoryDigestSource(busyWeekFacts(communityId)),
  text?: string,
) {
  return buildDigest(deps(source), { communityId, week: week(text), audience });
}

const keys = (digest: Digest) => digest.sections.map((section) => section.key);

describe("building the weekly digest", () => {
  it("gives the champions every section of a busy week, in order", async () => {
    const digest = await build({ kind: "champions" });
    expect(keys(digest)).toEqual([...digestSectionKeys]);
    expect(isQuietWeek(digest)).toBe(false);
  });

  it("never puts access requests, suggested matches or the triage backlog in the public channel's digest", async () => {
    const source = new InMemoryDigestSource(busyWeekFacts(communityId));
    const digest = await build({ kind: "channel" }, source);
    expect(keys(digest)).toEqual(
      digestSectionKeys.filter(
        (k) => k !== "accessWaiting" && k !== "slaBreaches" && k !== "dataMatches" && k !== "awaitingTriage",
      ),
    );
    expect(championOnlySectionKeys).toContain("awaitingTriage");
    expect(source.calls).not.toContain("accessWaiting");
    expect(source.calls).not.toContain("slaBreaches");
    expect(source.calls).not.toContain("dataMatches");
    expect(source.calls).not.toContain("awaitingTriage");
    const text = cardPlainText(digestCard(digest, translator("en")));
    expect(text).not.toContain("AR-");
    expect(text).not.toContain("New data may answer");
    expect(text).not.toContain("Waiting for triage");
  });

  it("gives a person only the sections they kept, and asks only for those", async () => {
    const source = new InMemoryDigestSource(busyWeekFacts(communityId));
    const digest = await build(
      { kind: "person", personId: "p", sections: ["impact", "newProblems"] },
      source,
    );
    expect(keys(digest)).toEqual(["newProblems", "impact"]);
    expect(new Set(source.calls)).toEqual(new Set(["newProblems", "impactCounts"]));
  });

  it("sends a person who kept only the figures their figures, and nothing when there are none", async () => {
    const figuresOnly = { kind: "person", personId: "p", sections: ["impact"] } as const;
    // Before, their digest never had a "happening" section, so every week was quiet for them.
    const figures = await build(figuresOnly);
    expect(keys(figures)).toEqual(["impact"]);
    expect(isQuietWeek(figures)).toBe(false);
    const nothing = await build(
      { kind: "person", personId: "p", sections: ["overdueDatasets"] },
      new InMemoryDigestSource(emptyDigestFacts()),
    );
    expect(isQuietWeek(nothing)).toBe(true);
    // Someone who also kept news gets the usual rule: figures alone are a quiet week.
    const withNews = await build(
      { kind: "person", personId: "p", sections: ["impact", "newProblems"] },
      undefined,
      busyWeek.quietIsoWeek,
    );
    expect(isQuietWeek(withNews)).toBe(true);
  });

  it("says what happened, with totals, ages, week-over-week change and SLA breaches", async () => {
    const text = cardPlainText(digestCard(await build({ kind: "champions" }), translator("en")));
    expect(text).toContain("Champions' digest: Chicago Data Collaborative");
    expect(text).toContain("Week 2026-W47: 2026-11-16 to 2026-11-22");
    expect(text).toContain("New problems (3)");
    expect(text).toContain("#1 Potholes on Main Street · Transport · 3 votes this week");
    expect(text).toContain("Decisions: 1 accepted, 1 solved, 1 declined");
    expect(text).toContain("#3 Tree canopy by block · declined: The data already exists (Tree Inventory)");
    expect(text).toContain("Bus Tracker by Civic Hackers");
    expect(text).toContain("Datasets from the last syncs: 1 added, 1 updated");
    expect(text).toContain("Food Inspections · expected monthly, ");
    expect(text).toContain("Crimes · expected daily, ");
    expect(text).toContain("Food Inspections — licence: asked 7 times");
    expect(text).toContain(
      "Median first response to problems: 15 hours over 2 responses · ▼ 9 hours (last week 24 hours)",
    );
    expect(text).toContain("Problems solved: 1 · ▲ 1 (last week 0)");
    expect(text).toContain("Datasets linked to problems or showcases: 3");
    expect(text).toContain("Access requests waiting (3)");
    expect(text).toContain("AR-1 Ambulance response times · waiting 18 days · waiting for a decision");
    expect(text).toContain("Past the 5-business-day response time (1)");
    const spanish = digestCard(await build({ kind: "champions" }), translator("es"));
    expect(() => cardSchema.parse(spanish)).not.toThrow();
  });

  it("lists the week's matches of new data with their state, and counts problems matched to data", async () => {
    const text = cardPlainText(digestCard(await build({ kind: "champions" }), translator("en")));
    expect(text).toContain("New data may answer (2): 1 to decide, 1 linked, 0 not a match");
    expect(text).toContain("#5 Noise complaints at night ← 311 Service Requests · to decide");
    expect(text).toContain("#1 Potholes on Main Street ← Building Permits · linked");
    // #2 and #3 linked a day after filing, #1 a month after: median a day, none last week.
    expect(text).toContain("Problems matched to data: 3 · ▲ 3 (last week 0)");
    expect(text).toContain(
      "Median time from filing to first match: 24 hours over 3 problems · none last week",
    );
    const spanish = cardPlainText(digestCard(await build({ kind: "champions" }), translator("es")));
    expect(spanish).toContain(
      "Datos nuevos que pueden responder (2): 1 por decidir, 1 vinculados, 0 descartados",
    );
    expect(spanish).toContain("#1 Potholes on Main Street ← Building Permits · vinculado");
    expect(spanish).toContain("Problemas vinculados a datos: 3");
  });

  it("lists problems nobody triaged within the window, oldest first, with filing date, age and total", async () => {
    const facts = busyWeekFacts(communityId);
    const seven = facts.problems.find((p) => p.number === 7);
    if (!seven) throw new Error("busy week changed");
    const untriaged = (number: number, title: string, createdAt: string) =>
      facts.problems.push({ ...seven, id: `p${number}`, number, title, createdAt: new Date(createdAt) });
    untriaged(12, "Library opening hours", "2026-11-02T15:00:00Z");
    // Friday 18:00 in Chicago: five business days back is Sunday 18:00 (see the SLA cut-off), and
    // a problem filed at that instant has waited them; a millisecond later, not yet.
    untriaged(10, "Park bench repairs", "2026-11-16T00:00:00.000Z");
    untriaged(11, "Tennis court lights", "2026-11-16T00:00:00.001Z");
    const source = new InMemoryDigestSource(facts);
    const digest = await build({ kind: "champions" }, source);
    const section = digest.sections.find((s) => s.key === "awaitingTriage");
    expect(section).toMatchObject({ total: 4, staleBusinessDays: 5 });
    expect(section?.key === "awaitingTriage" && section.items.map((row) => row.number)).toEqual([12, 7, 9]);
    const text = cardPlainText(digestCard(digest, translator("en")));
    expect(text).toContain("Waiting for triage, 5 business days or more (4)");
    expect(text).toContain("#12 Library opening hours · filed 2026-11-02, 14 business days ago");
    expect(text).toContain("#9 Sidewalk snow removal · filed 2026-11-13, 5 business days ago");
    expect(text).toMatch(/business days ago\s+and 1 more/);
    const spanish = cardPlainText(digestCard(digest, translator("es")));
    expect(spanish).toContain("Esperando triaje, 5 días hábiles o más (4)");
    expect(spanish).toContain("#7 Street light outages · presentado el 2026-11-05, hace 11 días hábiles");
  });

  it("counts the triage window in the community's own business days, and omits an empty list", async () => {
    const facts = busyWeekFacts(communityId);
    const tenDays = await buildDigest(
      deps(new InMemoryDigestSource(facts), busyWeek.now, { triage: { staleBusinessDays: 10 } }),
      {
        communityId,
        week: week(),
        audience: { kind: "champions" },
      },
    );
    const text = cardPlainText(digestCard(tenDays, translator("en")));
    expect(text).toContain("Waiting for triage, 10 business days or more (1)");
    expect(text).toContain("#7 Street light outages");
    expect(text).not.toContain("#9 Sidewalk snow removal");
    const source = new InMemoryDigestSource(facts);
    const none = await buildDigest(deps(source, busyWeek.now, { triage: { staleBusinessDays: 15 } }), {
      communityId,
      week: week(),
      audience: { kind: "champions" },
    });
    expect(source.calls).toContain("awaitingTriage");
    expect(keys(none)).not.toContain("awaitingTriage");
    expect(cardPlainText(digestCard(none, translator("en")))).not.toContain("Waiting for triage");
  });

  it("speaks Spanish with the same sections", async () => {
    const text = cardPlainText(digestCard(await build({ kind: "channel" }), translator("es")));
    expect(text).toContain("Resumen semanal: Chicago Data Collaborative");
    expect(text).toContain("Problemas nuevos (3)");
    expect(text).toContain("Decisiones: 1 aceptados, 1 resueltos, 1 rechazados");
  });

  it("calls a week quiet when nothing happened, even with standing backlogs and figures", async () => {
    const digest = await build({ kind: "champions" }, undefined, busyWeek.quietIsoWeek);
    // Standing lists still show (overdue datasets; a request waiting since before), but no news.
    expect(keys(digest)).toEqual(["overdueDatasets"]);
    expect(isQuietWeek(digest)).toBe(true);
    const empty = await build({ kind: "champions" }, new InMemoryDigestSource(emptyDigestFacts()));
    expect(empty.sections).toEqual([]);
    expect(isQuietWeek(empty)).toBe(true);
    expect(cardPlainText(digestCard(empty, translator("en")))).toContain("A quiet week");
  });

  it("keeps user text inert: titles are plain segments, links only http(s)", async () => {
    const facts = busyWeekFacts(communityId);
    const problem = facts.problems.find((p) => p.number === 5);
    if (problem) problem.title = "@everyone <!channel> [x](https://evil.example)";
    const showcase = facts.showcases[0];
    if (showcase) showcase.link = "javascript:alert(1)";
    const card = digestCard(
      await build({ kind: "channel" }, new InMemoryDigestSource(facts)),
      translator("en"),
    );
    const segments = card.blocks.flatMap((block) => (block.type === "list" ? block.items.flat() : []));
    expect(segments).toContain("@everyone <!channel> [x](https://evil.example)");
    expect(JSON.stringify(card)).not.toContain("javascript:");
    expect(() => cardSchema.parse(card)).not.toThrow();
  });
});

describe("the SLA breach cut-off", () => {
  it("is the last instant from which the escalation business days have passed, as the reminder job counts them", () => {
    const zone = "America/Chicago";
    // Friday 20 November 2026, 18:00 in Chicago. Waiting since Sunday 18:00 counts from Monday:
    // five business days end Friday 18:00, so the whole weekend before is breached too.
    const friday = new Date("2026-11-21T00:00:00Z");
    expect(slaBreachCutoff(friday, 5, zone).toISOString()).toBe("2026-11-16T00:00:00.000Z");
    // Sunday noon, one business day: anything from Friday on is only due on Monday.
    const sunday = new Date("2026-11-22T18:00:00Z");
    expect(slaBreachCutoff(sunday, 1, zone).toISOString()).toBe("2026-11-20T05:59:59.999Z");
  });
});
