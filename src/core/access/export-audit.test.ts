import { describe, expect, it } from "vitest";
import { accessWorld, who } from "../../../test/fakes/core/in-memory-access-world.js";
import { InMemoryAuditLog } from "../../../test/fakes/core/in-memory-audit-log.js";
import { runAccessReminders } from "./access-sla.js";
import { exportAudit } from "./export-audit.js";

/** Splits RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}

describe("audit export", () => {
  it("contains every step of a request, in order, with who, when, why and from where", async () => {
    const world = await accessWorld();
    const { requestId } = await world.fileRequest();
    world.deps.clock.advanceMinutes(5);
    await world.press(who.ben, "access.approve", requestId);
    await world.submit(who.dana, "access.ask", requestId, { question: "Which years, exactly?" });
    world.deps.clock.advanceMinutes(60);
    await world.submit(who.ana, "access.answer", requestId, { answer: "2019, 2020" });
    world.deps.clock.set("2026-11-25T12:00:00Z");
    await runAccessReminders(world.deps, world.deps.clock.now());
    await world.submit(who.sam, "access.approve", requestId, { expires: "2027-01-31", conditions: "" });
    await world.submit(who.dana, "access.approve", requestId, {
      expires: "2027-01-31",
      conditions: '=HYPERLINK("http://evil") aggregate, then publish',
    });
    await world.submit(who.dana, "access.approve", requestId, { expires: "2027-01-31", conditions: "" });

    const expected = [
      ["submitted", "Ana", "slack"],
      ["routed", "", ""],
      ["decision_refused", "Ben", "discord"],
      ["info_requested", "Dana", "slack"],
      ["info_provided", "Ana", "slack"],
      ["reminded", "", ""],
      ["decision_refused", "Sam", "discord"],
      ["approved", "Dana", "slack"],
    ];
    const csv = await exportAudit(world.deps.auditLog, world.communityId, "csv");
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([
      "seq",
      "at",
      "action",
      "subject",
      "actor_id",
      "actor_name",
      "platform",
      "reason",
      "details",
    ]);
    expect(rows.map((r) => [r[2], r[5], r[6]])).toEqual(expected);
    expect(rows.map((r) => Number(r[0]))).toEqual([...rows.keys()].map((i) => i + 1));
    const times = rows.map((r) => Date.parse(r[1] ?? ""));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(rows.every((r) => r[3] === "AR-1")).toBe(true);
    const approved = rows.at(-1);
    // Typed text cannot become a spreadsheet formula.
    expect(approved?.[7]).toBe('\'=HYPERLINK("http://evil") aggregate, then publish');
    expect(approved?.[8]).toContain("expiresOn=2027-01-31");
    expect(rows[3]?.[7]).toBe("Which years, exactly?");

    const json = JSON.parse(await exportAudit(world.deps.auditLog, world.communityId, "json")) as {
      action: string;
      seq: number;
      at: string;
      platform: string | null;
    }[];
    expect(json.map((e) => e.action)).toEqual(expected.map(([action]) => action));
    expect(json[0]?.at).toBe("2026-11-20T22:00:00.000Z");
  });

  it("exports in append order even when entries share a timestamp, and entries cannot be changed", async () => {
    const audit = new InMemoryAuditLog();
    const at = new Date("2026-01-01T00:00:00Z");
    const base = {
      communityId: "c",
      at,
      actorId: null,
      actorName: null,
      platform: null,
      subjectType: "access_request" as const,
      subjectId: "r",
      subjectRef: "AR-1",
      reason: null,
      details: {},
    };
    await audit.append({ ...base, action: "submitted" });
    await audit.append({ ...base, action: "routed" });
    await audit.append({ ...base, action: "withdrawn" });
    const json = JSON.parse(await exportAudit(audit, "c", "json")) as { action: string }[];
    expect(json.map((e) => e.action)).toEqual(["submitted", "routed", "withdrawn"]);
    const [first] = await audit.list("c");
    expect(() => {
      (first as { reason: string | null }).reason = "rewritten";
    }).toThrow();
  });
});
