import { describe, expect, it } from "vitest";
import { FakeClock } from "../../../test/fakes/core/fake-clock.js";
import { defaultDigestSchedule } from "../ports/community-directory.js";
import { type DigestTiming, dueDigest, nextDigestAt } from "./digest-schedule.js";

const chicago: DigestTiming = { timezone: "America/Chicago", digest: defaultDigestSchedule };
const madrid: DigestTiming = { timezone: "Europe/Madrid", digest: defaultDigestSchedule };

function dueAt(timing: DigestTiming, clock: FakeClock) {
  const due = dueDigest(timing, clock.now());
  return { week: due.week.isoWeek, dueAt: due.dueAt.toISOString() };
}

describe("which weekly digest is due", () => {
  it("sends last week's digest from Monday 09:00 local time by default, not a minute before", () => {
    // 2026-11-23 is a Monday; Chicago is on CST (UTC−6), so 09:00 there is 15:00Z.
    const clock = new FakeClock("2026-11-23T14:59:00Z");
    expect(dueAt(chicago, clock)).toEqual({ week: "2026-W46", dueAt: "2026-11-16T15:00:00.000Z" });
    clock.advanceMinutes(1);
    expect(dueAt(chicago, clock)).toEqual({ week: "2026-W47", dueAt: "2026-11-23T15:00:00.000Z" });
    // It stays the due one all week (until it is recorded as sent, which is delivery's business).
    clock.set("2026-11-29T23:59:00-06:00");
    expect(dueAt(chicago, clock).week).toBe("2026-W47");
  });

  it("keeps 09:00 local across the end of daylight saving time (America/Chicago, 1 November 2026)", () => {
    // The week of 26 October starts at 00:00 CDT (05:00Z) and ends at 00:00 CST (06:00Z): 169 hours.
    const clock = new FakeClock("2026-11-02T14:59:00Z");
    // 08:59 CST: the previous digest (sent 26 October 09:00 CDT = 14:00Z) is still the due one.
    expect(dueAt(chicago, clock)).toEqual({ week: "2026-W43", dueAt: "2026-10-26T14:00:00.000Z" });
    clock.advanceMinutes(1);
    const due = dueDigest(chicago, clock.now());
    expect(due.dueAt.toISOString()).toBe("2026-11-02T15:00:00.000Z");
    expect(due.week).toEqual({
      isoWeek: "2026-W44",
      start: new Date("2026-10-26T05:00:00Z"),
      end: new Date("2026-11-02T06:00:00Z"),
    });
  });

  it("keeps 09:00 local across the start of daylight saving time (Europe/Madrid, 29 March 2026)", () => {
    // Before the change 09:00 in Madrid is 08:00Z; after it, 07:00Z.
    const clock = new FakeClock("2026-03-23T07:59:00Z");
    expect(dueAt(madrid, clock).week).toBe("2026-W11");
    clock.set("2026-03-23T08:00:00Z");
    expect(dueAt(madrid, clock)).toEqual({ week: "2026-W12", dueAt: "2026-03-23T08:00:00.000Z" });
    clock.set("2026-03-30T06:59:00Z");
    expect(dueAt(madrid, clock).week).toBe("2026-W12");
    clock.set("2026-03-30T07:00:00Z");
    expect(dueAt(madrid, clock)).toEqual({ week: "2026-W13", dueAt: "2026-03-30T07:00:00.000Z" });
    expect(
      dueDigest(madrid, clock.now()).week.end.getTime() - dueDigest(madrid, clock.now()).week.start.getTime(),
    ).toBe(167 * 3_600_000);
  });

  it("follows a configured weekday and hour (Wednesday 17:00)", () => {
    const timing: DigestTiming = {
      timezone: "America/Chicago",
      digest: { weekday: 3, hour: 17, sendWhenQuiet: false },
    };
    // Wednesday 25 November 16:59 CST: the one from Wednesday the 18th (about W46) is still due.
    const clock = new FakeClock("2026-11-25T22:59:00Z");
    expect(dueAt(timing, clock)).toEqual({ week: "2026-W46", dueAt: "2026-11-18T23:00:00.000Z" });
    clock.advanceMinutes(1);
    expect(dueAt(timing, clock)).toEqual({ week: "2026-W47", dueAt: "2026-11-25T23:00:00.000Z" });
    expect(nextDigestAt(timing, clock.now()).toISOString()).toBe("2026-12-02T23:00:00.000Z");
  });

  it("sends at the first hour that exists when the configured one is skipped by a clock change", () => {
    // Sunday 02:00 does not exist in Madrid on 29 March 2026 (02:00 CET → 03:00 CEST = 01:00Z).
    const timing: DigestTiming = {
      timezone: "Europe/Madrid",
      digest: { weekday: 7, hour: 2, sendWhenQuiet: false },
    };
    const clock = new FakeClock("2026-03-29T00:59:00Z");
    expect(dueAt(timing, clock).week).toBe("2026-W11");
    expect(nextDigestAt(timing, clock.now()).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    clock.advanceMinutes(1);
    expect(dueAt(timing, clock)).toEqual({ week: "2026-W12", dueAt: "2026-03-29T01:00:00.000Z" });
  });

  it("after weeks away, only the latest digest is due, never the ones missed before it", () => {
    const clock = new FakeClock("2026-12-15T12:00:00Z");
    expect(dueAt(chicago, clock)).toEqual({ week: "2026-W50", dueAt: "2026-12-14T15:00:00.000Z" });
  });

  it("tells when the next digest goes out", () => {
    expect(nextDigestAt(chicago, new Date("2026-11-23T14:59:00Z")).toISOString()).toBe(
      "2026-11-23T15:00:00.000Z",
    );
    expect(nextDigestAt(chicago, new Date("2026-11-23T15:00:00Z")).toISOString()).toBe(
      "2026-11-30T15:00:00.000Z",
    );
  });
});
