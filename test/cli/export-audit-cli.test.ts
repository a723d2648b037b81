import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CatalogCliContext } from "../../src/cli/catalog/catalog-cli-context.js";
import { exportAuditCommand } from "../../src/cli/export-command.js";
import type { AuditAction } from "../../src/core/ports/audit-log.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { type CapturedStream, catalogCliFor } from "../support/catalog-cli.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

/** `datadesk export audit` over the SQL audit log: every step, in append order, CSV or JSON. */
describe(`datadesk export audit (${testDriver})`, () => {
  let db: TestDatabase;
  let ctx: CatalogCliContext;
  let stdout: CapturedStream;
  let dir: string;
  const clock = new FakeClock("2026-11-21T10:00:00Z");
  const steps: AuditAction[] = ["submitted", "routed", "info_requested", "info_provided", "approved"];

  beforeAll(async () => {
    db = await openTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "datadesk-audit-"));
    ({ ctx, stdout } = await catalogCliFor(db, { clock }));
    const subjectId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    for (const action of steps) {
      // All in one instant: the export's order is the log's, not the clock's.
      await ctx.deps.auditLog.append({
        communityId: ctx.communityId,
        at: clock.now(),
        actorId: null,
        actorName: action === "approved" ? "Dana Steward" : null,
        platform: action === "approved" ? "slack" : null,
        action,
        subjectType: "access_request",
        subjectId,
        subjectRef: "AR-1",
        reason: action === "approved" ? '=HYPERLINK("http://evil")' : null,
        details: { dataset: "Ambulance response times" },
      });
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await db.drop();
  });

  it("writes CSV to stdout with every step in order, formulas defused", async () => {
    await exportAuditCommand(ctx, { format: "csv" });
    const lines = stdout.text.trim().split("\r\n");
    const body = lines.slice(1).join("\n");
    const positions = steps.map((step) => body.indexOf(`,${step},`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(lines).toHaveLength(steps.length + 1);
    expect(body).toContain("Dana Steward");
    expect(body).not.toMatch(/,=HYPERLINK/);
  });

  it("writes JSON to a private file", async () => {
    const output = path.join(dir, "audit.json");
    await exportAuditCommand(ctx, { format: "json", output });
    const entries = JSON.parse(await readFile(output, "utf8"));
    expect(entries.map((e: { action: string }) => e.action)).toEqual(steps);
    expect((await stat(output)).mode & 0o077).toBe(0);
  });
});
