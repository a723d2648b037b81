import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CatalogCliContext } from "../../src/cli/catalog/catalog-cli-context.js";
import { digestPreviewCommand } from "../../src/cli/digest-command.js";
import { metricsCommand } from "../../src/cli/metrics-command.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { type CapturedStream, catalogCliFor } from "../support/catalog-cli.js";
import { busyWeek, busyWeekFacts } from "../support/digest-world.js";
import { seedDigestFacts } from "../support/digest-world-sql.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

/** Every section's heading as the English digest words it. */
const publicHeadings = [
  "New problems (3)",
  "Most voted this week (6 votes cast)",
  "Decisions: 1 accepted, 1 solved, 1 declined",
  "Showcase published (1)",
  "Datasets from the last syncs: 1 added, 1 updated",
  "Datasets overdue for an update (2)",
  "Most-asked metadata gaps (2)",
  "Impact",
];
const championHeadings = ["Access requests waiting (3)", "Past the 5-business-day response time (1)"];

describe(`datadesk digest preview and metrics (${testDriver})`, () => {
  let db: TestDatabase;
  let ctx: CatalogCliContext;
  let stdout: CapturedStream;

  beforeAll(async () => {
    db = await openTestDatabase();
    ({ ctx, stdout } = await catalogCliFor(db, { clock: new FakeClock(busyWeek.now) }));
    await db.sql.query(
      `UPDATE "Community" SET "timezone" = $2, "name" = 'Chicago Data Collaborative' WHERE "id" = $1::uuid`,
      [ctx.communityId, busyWeek.timezone],
    );
    await seedDigestFacts(db.sql, busyWeekFacts(ctx.communityId));
  }, 60_000);
  afterAll(async () => db?.drop());

  const run = async (command: () => Promise<void>) => {
    const start = stdout.text.length;
    await command();
    return stdout.text.slice(start);
  };

  it("prints the channel digest (no access requests) and the champions' digest with every section", async () => {
    const out = await run(() =>
      digestPreviewCommand(ctx, { community: "Chicago Data Collaborative", week: busyWeek.isoWeek }),
    );
    const [channel = "", champions = ""] = out.split("## Champions' digest");
    expect(channel).toContain("## Channel digest");
    expect(channel).toContain("Weekly digest: Chicago Data Collaborative");
    for (const heading of publicHeadings) {
      expect(channel).toContain(heading);
      expect(champions).toContain(heading);
    }
    for (const heading of championHeadings) {
      expect(channel).not.toContain(heading);
      expect(champions).toContain(heading);
    }
    expect(channel).not.toContain("AR-");
    expect(champions).toContain("AR-1 Ambulance response times · waiting 18 days");
    expect(out).toContain("Bus Tracker <https://bustracker.example.org/>");
    expect(out).not.toContain("no digest would be sent");
  });

  it("says a quiet week would send nothing", async () => {
    const out = await run(() => digestPreviewCommand(ctx, { week: busyWeek.quietIsoWeek }));
    expect(out.match(/no digest would be sent/g)).toHaveLength(2);
    expect(out).not.toContain("New problems");
  });

  it("explains a bad week or an unknown community in one sentence", async () => {
    await expect(digestPreviewCommand(ctx, { week: "2025-W53" })).rejects.toMatchObject({
      userMessage: "“2025-W53” is not a week I know: write it like 2026-W47.",
    });
    await expect(digestPreviewCommand(ctx, { community: "Atlantis" })).rejects.toMatchObject({
      userMessage: 'There is no community called "Atlantis".',
    });
  });

  it("prints the impact figures as JSON with last week and the change", async () => {
    const out = await run(() =>
      metricsCommand(ctx, { json: true, week: busyWeek.isoWeek, community: "default" }),
    );
    const body = JSON.parse(out);
    expect(body).toMatchObject({
      community: "default",
      week: "2026-W47",
      previousWeek: "2026-W46",
      complete: false,
      current: {
        problemFirstResponseHours: 15,
        problemFirstResponses: 2,
        accessFirstResponseHours: 180,
        accessFirstResponses: 2,
        problemsSolved: 1,
        requestsDecided: 1,
        datasetsLinked: 3,
      },
      previous: { problemFirstResponseHours: 24, problemFirstResponses: 1, problemsSolved: 0 },
      change: { problemFirstResponseHours: -9, accessFirstResponseHours: null, problemsSolved: 1 },
    });
  });

  it("prints a table for people without --json", async () => {
    const out = await run(() => metricsCommand(ctx, { week: busyWeek.isoWeek }));
    expect(out).toContain("Impact figures for default, week 2026-W47 (last week 2026-W46)");
    expect(out).toMatch(/Median first response to problems\s+15 hours\s+24 hours\s+▼ 9 hours/);
    expect(out).toMatch(/Problems solved\s+1\s+0\s+▲ 1/);
  });
});
