import { describe, expect, it } from "vitest";
import { catalogDay, freshnessVerdict, parseRepeatingDuration } from "./freshness.js";

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe("parseRepeatingDuration", () => {
  it("reads ISO 8601 repeating durations", () => {
    expect(parseRepeatingDuration("R/P1D")).toEqual({ days: 1 });
    expect(parseRepeatingDuration("R/P1M")).toEqual({ months: 1 });
    expect(parseRepeatingDuration("r/pt6h")).toEqual({ hours: 6 });
    expect(parseRepeatingDuration("R/P1Y2M")).toEqual({ years: 1, months: 2 });
    expect(parseRepeatingDuration("irregular")).toBeNull();
    expect(parseRepeatingDuration(null)).toBeNull();
  });
});

describe("freshnessVerdict", () => {
  it("is current until the next update is due, with a little grace", () => {
    expect(freshnessVerdict(day("2020-07-01"), "R/P1M", day("2020-07-20"))).toMatchObject({
      kind: "current",
    });
    expect(freshnessVerdict(day("2020-07-01"), "R/P1M", day("2020-08-05"))).toMatchObject({
      kind: "current",
    });
  });

  it("is overdue, by how many days, once the period and grace have passed", () => {
    expect(freshnessVerdict(day("2020-07-01"), "R/P1D", day("2020-07-10"))).toMatchObject({
      kind: "overdue",
      due: day("2020-07-02"),
      overdueDays: 8,
    });
  });

  it("gives the age when the catalog states no update frequency, relative to the clock", () => {
    expect(freshnessVerdict(day("2012-09-07"), null, day("2020-07-22"))).toMatchObject({
      kind: "age",
      ageDays: 2875,
    });
    expect(freshnessVerdict(null, "R/P1D", day("2020-07-22"))).toEqual({ kind: "unknown" });
  });

  it("shows catalog days in UTC so the day never shifts", () => {
    expect(catalogDay(new Date("2020-07-22T00:00:00Z"))).toBe("2020-07-22");
  });
});
