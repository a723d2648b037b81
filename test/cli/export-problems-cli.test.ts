import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CatalogCliContext } from "../../src/cli/catalog/catalog-cli-context.js";
import { exportProblemsCommand } from "../../src/cli/export-command.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { type CapturedStream, catalogCliFor } from "../support/catalog-cli.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

/**
 * `datadesk export problems` over the SQL store: whatever the problems went through (anonymous
 * submitters, votes, follows, assignment, triage notes, a duplicate, a hidden one), the file names
 * nobody and carries no person id or platform id.
 */
describe(`datadesk export problems (${testDriver})`, () => {
  let db: TestDatabase;
  let ctx: CatalogCliContext;
  let stdout: CapturedStream;
  let dir: string;
  const secrets: string[] = [];
  const clock = new FakeClock("2026-11-21T10:00:00Z");

  beforeAll(async () => {
    db = await openTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "datadesk-export-"));
    ({ ctx, stdout } = await catalogCliFor(db, { clock }));
    const { people, problems } = ctx.deps;
    const community = await people.communityForWorkspace("slack", "T-SECRET-TEAM");
    const person = async (platform: "slack" | "discord", userId: string, displayName: string) => {
      const actor = await people.findOrCreateActor(
        {
          platform,
          workspaceId: platform === "slack" ? "T-SECRET-TEAM" : "G-SECRET-GUILD",
          userId,
          displayName,
        },
        community,
        ["member"],
      );
      secrets.push(userId, displayName, actor.personId);
      return actor.personId;
    };
    const anonymous = await person("slack", "U-ANON-SUBMITTER", "Ana Nonymous");
    const named = await person("discord", "112233445566778899", "Ned Named");
    const champion = await person("slack", "U-CHAMPION", "Cham Pion");
    secrets.push("T-SECRET-TEAM", "G-SECRET-GUILD");
    const base = {
      communityId: community.id,
      description: "No map exists",
      affected: "cyclists",
      place: "Downtown",
      topic: "Transport",
    };
    const first = await problems.create(
      {
        ...base,
        submitterId: anonymous,
        platform: "slack",
        title: '=HYPERLINK("http://evil")',
        anonymous: true,
      },
      clock.now(),
    );
    const second = await problems.create(
      {
        ...base,
        submitterId: named,
        platform: "discord",
        title: 'Bike lanes, "protected"',
        anonymous: false,
      },
      clock.now(),
    );
    const hidden = await problems.create(
      { ...base, submitterId: named, platform: "discord", title: "Hidden spam", anonymous: false },
      clock.now(),
    );
    await problems.vote(first.id, named, clock.now());
    await problems.vote(first.id, champion, clock.now());
    await problems.follow(first.id, champion, clock.now());
    await problems.assign(first.id, champion);
    await problems.recordEvent(first.id, {
      kind: "info_requested",
      actorId: champion,
      note: "Ask Cham Pion",
      at: clock.now(),
    });
    await problems.changeStatus(second.id, {
      from: "new",
      to: "duplicate",
      actorId: champion,
      note: "same as #1",
      duplicateOfId: first.id,
      at: clock.now(),
    });
    await problems.setHidden(hidden.id, true);
    ctx = { ...ctx, communityId: community.id };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await db.drop();
  });

  function expectNoPersonalData(text: string) {
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/slack|discord/i);
    expect(text).not.toContain("Hidden spam");
  }

  it("writes RFC 4180 CSV with spreadsheet formulas neutralised and no personal data", async () => {
    stdout.text = "";
    await exportProblemsCommand(ctx, { format: "csv" });
    const csv = stdout.text;
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "number,title,description,status,topic,place,votes,decline_reason,duplicate_of,linked_datasets,comments,created_at,updated_at",
    );
    expect(lines[1]).toMatch(/^1,"'=HYPERLINK\(""http:\/\/evil""\)",No map exists,new,Transport,Downtown,2,/);
    expect(lines[2]).toMatch(
      /^2,"Bike lanes, ""protected""",No map exists,duplicate,Transport,Downtown,0,,1,/,
    );
    expect(lines).toHaveLength(4);
    expectNoPersonalData(csv);
  });

  it("writes JSON to a file, whole, with the same public fields only", async () => {
    const output = path.join(dir, "problems.json");
    await exportProblemsCommand(ctx, { format: "json", output });
    const text = await readFile(output, "utf8");
    const parsed = JSON.parse(text) as Record<string, unknown>[];
    expect(parsed.map((p) => p.number)).toEqual([1, 2]);
    expect(Object.keys(parsed[0] ?? {}).sort()).toEqual(
      [
        "createdAt",
        "comments",
        "declineReason",
        "description",
        "duplicateOf",
        "linkedDatasets",
        "number",
        "place",
        "status",
        "title",
        "topic",
        "updatedAt",
        "votes",
      ].sort(),
    );
    expectNoPersonalData(text);
  });
});
