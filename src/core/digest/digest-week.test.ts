import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digestWeekOf, nextWeek, parseIsoWeek, previousWeek } from "./digest-week.js";

const hours = (week: { start: Date; end: Date }) => (week.end.getTime() - week.start.getTime()) / 3_600_000;

describe("digest weeks", () => {
  it("are ISO weeks of the community's calendar, as instants", () => {
    // Sunday 22 November 2026, 23:30 in Chicago is already Monday in UTC.
    const week = digestWeekOf(new Date("2026-11-23T05:30:00Z"), "America/Chicago");
    expect(week.isoWeek).toBe("2026-W47");
    expect(week.start.toISOString()).toBe("2026-11-16T06:00:00.000Z");
    expect(week.end.toISOString()).toBe("2026-11-23T06:00:00.000Z");
    expect(digestWeekOf(new Date("2026-11-23T05:30:00Z"), "UTC").isoWeek).toBe("2026-W48");
  });

  it("lasts 169 hours when the clocks go back (America/Chicago, 1 November 2026)", () => {
    const week = digestWeekOf(new Date("2026-11-01T12:00:00Z"), "America/Chicago");
    expect(week.isoWeek).toBe("2026-W44");
    expect(week.start.toISOString()).toBe("2026-10-26T05:00:00.000Z"); // CDT, UTC-5
    expect(week.end.toISOString()).toBe("2026-11-02T06:00:00.000Z"); // CST, UTC-6
    expect(hours(week)).toBe(169);
  });

  it("lasts 167 hours when the clocks go forward (Europe/Madrid, 29 March 2026)", () => {
    const week = digestWeekOf(new Date("2026-03-29T01:30:00Z"), "Europe/Madrid");
    expect(week.isoWeek).toBe("2026-W13");
    expect(week.start.toISOString()).toBe("2026-03-22T23:00:00.000Z"); // CET, UTC+1
    expect(week.end.toISOString()).toBe("2026-03-29T22:00:00.000Z"); // CEST, UTC+2
    expect(hours(week)).toBe(167);
    expect(previousWeek(nextWeek(week, "Europe/Madrid"), "Europe/Madrid")).toEqual(week);
  });

  it("parses 2026-W47 and refuses weeks that do not exist", () => {
    const week = parseIsoWeek("2026-W47", "Europe/Madrid");
    expect(week?.start.toISOString()).toBe("2026-11-15T23:00:00.000Z");
    expect(week?.end.toISOString()).toBe("2026-11-22T23:00:00.000Z");
    expect(parseIsoWeek(" 2026w47 ", "Europe/Madrid")?.isoWeek).toBe("2026-W47");
    expect(parseIsoWeek("2026-W53", "UTC")?.isoWeek).toBe("2026-W53"); // 2026 has 53 weeks
    expect(parseIsoWeek("2025-W53", "UTC")).toBeNull();
    expect(parseIsoWeek("2026-W00", "UTC")).toBeNull();
    expect(parseIsoWeek("2026-47", "UTC")).toBeNull();
    expect(parseIsoWeek("last week", "UTC")).toBeNull();
  });

  it("steps back over a year boundary and a DST change", () => {
    const first = parseIsoWeek("2027-W01", "America/Chicago");
    expect(first && previousWeek(first, "America/Chicago").isoWeek).toBe("2026-W53");
    const afterFallBack = parseIsoWeek("2026-W45", "America/Chicago");
    const before = afterFallBack && previousWeek(afterFallBack, "America/Chicago");
    expect(before?.isoWeek).toBe("2026-W44");
    expect(before?.end).toEqual(afterFallBack?.start);
  });
});

describe("digest weeks, for any instant and zone", () => {
  const zones = [
    "America/Chicago",
    "Europe/Madrid",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "UTC",
    "Asia/Kolkata",
  ];
  it("contain the instant, start on a local Monday at 00:00 and follow each other without gaps", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2020-01-01T00:00:00Z"),
          max: new Date("2035-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const week = digestWeekOf(instant, zone);
          expect(week.start.getTime()).toBeLessThanOrEqual(instant.getTime());
          expect(instant.getTime()).toBeLessThan(week.end.getTime());
          const local = new TZDate(week.start.getTime(), zone);
          expect([local.getDay(), local.getHours(), local.getMinutes()]).toEqual([1, 0, 0]);
          expect(parseIsoWeek(week.isoWeek, zone)).toEqual(week);
          expect(previousWeek(week, zone).end).toEqual(week.start);
          expect(hours(week)).toBeGreaterThanOrEqual(167);
          expect(hours(week)).toBeLessThanOrEqual(169);
        },
      ),
      { numRuns: 300 },
    );
  });
});
