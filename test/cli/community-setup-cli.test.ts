import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CatalogCliError } from "../../src/cli/catalog/catalog-cli-context.js";
import { communityChannelCommand, communityTopicsCommand } from "../../src/cli/community-command.js";
import {
  communityDigestCommand,
  communityLocaleCommand,
  communityShowCommand,
  communityTimezoneCommand,
} from "../../src/cli/community-setup-command.js";
import { type OperatorCliContext, operatorCliContext } from "../../src/cli/operator-cli-context.js";
import { roleGrantCommand, roleRevokeCommand } from "../../src/cli/role-command.js";
import { SqlAuditLog } from "../../src/store/access/sql-audit-log.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { type CapturedStream, catalogCliFor } from "../support/catalog-cli.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

describe(`datadesk community timezone|locale|digest|show and audited roles (${testDriver})`, () => {
  let db: TestDatabase;
  let op: OperatorCliContext;
  let stdout: CapturedStream;
  const clock = new FakeClock("2026-11-26T15:00:00Z");
  const audit = () => new SqlAuditLog(db.sql).list(op.communityId);

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
    op = await operatorCliContext(cli.ctx, undefined);
    stdout = cli.stdout;
  });
  afterAll(async () => db.drop());
  beforeEach(() => {
    stdout.text = "";
  });

  it("sets the time zone and language, refusing what it does not know, and audits each change", async () => {
    await communityTimezoneCommand(op, "america/chicago");
    expect(stdout.text).toBe("Time zone: America/Chicago\n");
    await expect(communityTimezoneCommand(op, "Mars/Olympus")).rejects.toThrow(/not a time zone/);
    await communityLocaleCommand(op, "ES");
    expect(stdout.text).toContain("Language: es\n");
    await expect(communityLocaleCommand(op, "fr")).rejects.toThrow(CatalogCliError);
    const config = await op.ctx.deps.directory.config(op.communityId);
    expect([config.timezone, config.locale]).toEqual(["America/Chicago", "es"]);
    expect((await audit()).map((entry) => [entry.action, entry.details])).toEqual([
      ["setup_changed", { setting: "region", timezone: "America/Chicago" }],
      ["setup_changed", { setting: "region", locale: "es" }],
    ]);
  });

  it("sets the digest's day, hour and quiet-week rule", async () => {
    await communityDigestCommand(op, { day: "fri", hour: "17", sendWhenQuiet: true });
    expect(stdout.text).toBe("Digest: Friday at 17:00 (America/Chicago), also when nothing happened\n");
    await communityDigestCommand(op, { hour: "8" });
    expect((await op.ctx.deps.directory.config(op.communityId)).digest).toEqual({
      weekday: 5,
      hour: 8,
      sendWhenQuiet: true,
    });
    await expect(communityDigestCommand(op, { day: "someday" })).rejects.toThrow(/--day/);
    await expect(communityDigestCommand(op, { hour: "24" })).rejects.toThrow(/--hour/);
  });

  it("sets showcase and digest channels and shows the whole setup", async () => {
    await communityChannelCommand(op, ["slack", "T1", "showcases", "C-show"]);
    await communityChannelCommand(op, ["slack", "T1", "digest", "C-digest"]);
    await communityTopicsCommand(op, ["Transport"], {});
    stdout.text = "";
    await communityShowCommand(op);
    expect(stdout.text).toBe(
      [
        'Community "default": Test Community',
        "Time zone: America/Chicago",
        "Language: es",
        "Digest: Friday at 08:00 (America/Chicago), also when nothing happened",
        "Topics: Transport",
        "Intake: 2 minutes between two problems, at most 5 a day per member",
        "Triage: a problem nobody triaged for 5 business days is raised to the on-call champion (or the triage channels)",
        "On call: no rotation",
        "slack T1: problems —, triage —, showcases C-show, digest C-digest",
        "",
      ].join("\n"),
    );
  });

  it("audits role changes as the operator's, with level and reason, and keeps the last admin", async () => {
    await roleGrantCommand(op, "slack:U-ana", "champion", { level: "executive", reason: "leads transit" });
    expect(stdout.text).toBe('Ana (slack:U-ana) in "default": member, champion\n');
    await expect(roleGrantCommand(op, "slack:U-ana", "steward", { level: "internal" })).rejects.toThrow(
      /--level is for champions only/,
    );
    await roleGrantCommand(op, "slack:U-ana", "admin", {});
    await expect(roleRevokeCommand(op, "slack:U-ana", "admin", {})).rejects.toThrow(/last admin/);
    const roles = (await audit()).filter((entry) => entry.subjectType === "membership");
    expect(roles.map((entry) => [entry.action, entry.actorName, entry.reason, entry.details])).toEqual([
      ["role_granted", "operator (terminal)", "leads transit", { role: "champion", level: "executive" }],
      ["role_granted", "operator (terminal)", null, { role: "admin" }],
    ]);
  });
});
