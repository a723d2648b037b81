import { describe, expect, it } from "vitest";
import { parseExpiry } from "./access-dates.js";

describe("parseExpiry", () => {
  const now = new Date("2026-11-21T15:00:00Z");

  it("accepts a real day after today, ending at the start of the next day in the community", () => {
    expect(parseExpiry(" 2027-02-21 ", now, "America/Chicago")).toEqual({
      expiresOn: "2027-02-21",
      endsAt: new Date("2027-02-22T06:00:00Z"),
    });
  });

  it("refuses today, the past, impossible days and anything but YYYY-MM-DD", () => {
    for (const text of ["2026-11-21", "2025-01-01", "2027-02-30", "21/02/2027", "", "2027-2-1"])
      expect(parseExpiry(text, now, "UTC"), text).toBeNull();
  });

  it("refuses a date more than two years ahead, the typo that grants access for ever", () => {
    expect(parseExpiry("2028-11-21", now, "UTC")?.expiresOn).toBe("2028-11-21");
    expect(parseExpiry("2028-11-22", now, "UTC")).toBeNull();
    expect(parseExpiry("2207-01-01", now, "UTC")).toBeNull();
  });
});
