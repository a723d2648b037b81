import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CatalogCliError } from "../../src/cli/catalog/catalog-cli-context.js";
import {
  communityChannelCommand,
  communityLimitsCommand,
  communityOncallCommand,
  communityTopicsCommand,
} from "../../src/cli/community-command.js";
import { type OperatorCliContext, operatorCliContext } from "../../src/cli/operator-cli-context.js";
import { roleGrantCommand, roleRevokeCommand } from "../../src/cli/role-command.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { type CapturedStream, catalogCliFor } from "../support/catalog-cli.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

describe(`datadesk community … and datadesk role … (${testDriver})`, () => {
  let db: TestDatabase;
  let op: OperatorCliContext;
  let stdout: CapturedStream;
  const clock = new FakeClock("2026-11-26T15:00:00Z"); // a Thursday
  beforeAll(async () => {
    db = await openTestDatabase();
    const cli = await catalogCliFor(db, { clock });
    const people = cli.ctx.deps.people;
    const community = await people.communityForWorkspace("slack", "T1");
    await people.findOrCreateActor(
      { platform: "slack", workspaceId: "T1", userId: "U-ana", displayName: "Ana" },
      community,
      ["member"],
    );
    await people.findOrCreateActor(
      { platform: "discord", workspaceId: "G1", userId: "4242", displayName: "Bo" },
      community,
      ["member"],
    );
    await people.findOrCreateActor(
      { platform: "slack", workspaceId: "T1", userId: "U-twice", displayName: "Tw1" },
      community,
      ["member"],
    );
    await people.findOrCreateActor(
      { platform: "slack", workspaceId: "T2", userId: "U-twice", displayName: "Tw2" },
      community,
      ["member"],
    );
    op = await operatorCliContext(cli.ctx, undefined);
    stdout = cli.stdout;
  });
  afterAll(async () => db.drop());
  beforeEach(() => {
    stdout.text = "";
  });

  it("shows, sets and clears the topics", async () => {
    await communityTopicsCommand(op, [], {});
    expect(stdout.text).toContain("No topics yet");
    await communityTopicsCommand(op, ["Transport", " Housing ", "Transport", "Public Safety"], {});
    expect(stdout.text).toContain("Topics: Transport, Housing, Public Safety\n");
    expect((await op.ctx.deps.directory.config(op.communityId)).topics).toEqual([
      "Transport",
      "Housing",
      "Public Safety",
    ]);
    await communityTopicsCommand(op, [], { clear: true });
    expect((await op.ctx.deps.directory.config(op.communityId)).topics).toEqual([]);
    await expect(communityTopicsCommand(op, ["x".repeat(76)], {})).rejects.toThrow(CatalogCliError);
  });

  it("sets problem and triage channels per workspace and lists them", async () => {
    await communityChannelCommand(op, ["slack", "T1", "problems", "C-problems"]);
    await communityChannelCommand(op, ["discord", "G1", "triage", "998877"]);
    expect(stdout.text).toContain("slack T1: problems C-problems, triage —, showcases —, digest —\n");
    expect(stdout.text).toContain("discord G1: problems —, triage 998877, showcases —, digest —\n");
    await expect(communityChannelCommand(op, ["slack", "T1", "elsewhere", "C1"])).rejects.toThrow(
      /Write: datadesk community channel/,
    );
    await expect(communityChannelCommand(op, ["console", "local", "problems", "C1"])).rejects.toThrow(
      CatalogCliError,
    );
  });

  it("changes one intake limit and keeps the other, and the triage window", async () => {
    await communityLimitsCommand(op, {});
    expect(stdout.text).toBe(
      "Intake: 2 minutes between two problems, at most 5 a day per member\n" +
        "Triage: a problem nobody triaged for 5 business days is raised to the on-call champion (or the triage channels)\n",
    );
    await communityLimitsCommand(op, { dailyCap: 3 });
    expect((await op.ctx.deps.directory.config(op.communityId)).intake).toEqual({
      cooldownMinutes: 2,
      dailyCap: 3,
    });
    await communityLimitsCommand(op, { staleDays: 3 });
    const config = await op.ctx.deps.directory.config(op.communityId);
    expect(config.triage).toEqual({ staleBusinessDays: 3 });
    expect(config.intake.dailyCap).toBe(3);
    expect(stdout.text).toContain(
      "Triage: a problem nobody triaged for 3 business days is raised to the on-call champion (or the triage channels)",
    );
  });

  it("sets the on-call rotation from accounts, starting this week's Monday unless told", async () => {
    await communityOncallCommand(op, ["slack:U-ana", "discord:4242"], {});
    expect(stdout.text).toBe("On call, one week each from 2026-11-23: Ana, Bo\n");
    await expect(communityOncallCommand(op, ["slack:U-ana"], { startsOn: "2026-11-25" })).rejects.toThrow(
      /Monday/,
    );
    await expect(communityOncallCommand(op, ["slack:U-nobody"], {})).rejects.toThrow(/talk to datadesk once/);
    await expect(communityOncallCommand(op, ["slack:U-twice"], {})).rejects.toThrow(
      /slack:T1\/U-twice, slack:T2\/U-twice/,
    );
    await communityOncallCommand(op, ["slack:T2/U-twice"], { startsOn: "2026-11-30" });
    expect(stdout.text).toContain("from 2026-11-30: Tw2\n");
    await communityOncallCommand(op, [], { clear: true });
    expect((await op.ctx.deps.directory.config(op.communityId)).oncall).toBeNull();
  });

  it("grants roles with topics and revokes topics or the role", async () => {
    await roleGrantCommand(op, "slack:U-ana", "champion", { topics: "Transport, Housing" });
    expect(stdout.text).toBe(
      'Ana (slack:U-ana) in "default": member, champion; topics: Transport, Housing\n',
    );
    await roleGrantCommand(op, "slack:U-ana", "steward", { topics: "Housing,Parks" });
    const [ana] = await op.ctx.deps.directory.membersWithRole(op.communityId, ["steward"], "Parks");
    expect(ana).toMatchObject({
      displayName: "Ana",
      roles: ["member", "champion", "steward"],
      topics: ["Transport", "Housing", "Parks"],
    });
    await roleRevokeCommand(op, "slack:U-ana", "champion", { topics: "Transport" });
    await roleRevokeCommand(op, "slack:U-ana", "steward", {});
    const [after] = await op.ctx.deps.directory.membersWithRole(op.communityId, ["champion"]);
    expect(after).toMatchObject({ roles: ["member", "champion"], topics: ["Housing", "Parks"] });
    await expect(roleGrantCommand(op, "slack:U-ana", "overlord", {})).rejects.toThrow(
      /Roles: member, champion, steward, admin/,
    );
    await expect(roleRevokeCommand(op, "slack:U-ana", "member", {})).rejects.toThrow(/Everyone/);
    await expect(roleGrantCommand(op, "U-ana", "admin", {})).rejects.toThrow(/<platform>:<userId>/);
  });

  it("works on another community by slug, and names an unknown one", async () => {
    await expect(
      operatorCliContext({ ...op.ctx, sql: db.sql, communityId: op.communityId }, "nowhere"),
    ).rejects.toThrow('There is no community "nowhere".');
    await db.sql.query(
      `INSERT INTO "Community" ("id", "slug", "name") VALUES (gen_random_uuid(), 'north', 'North')`,
    );
    const north = await operatorCliContext({ ...op.ctx, sql: db.sql, communityId: op.communityId }, "north");
    await roleGrantCommand(north, "discord:4242", "admin", {});
    expect(stdout.text).toBe('Bo (discord:4242) in "north": member, admin\n');
    expect(await op.ctx.deps.directory.membersWithRole(op.communityId, ["admin"])).toEqual([]);
  });
});
