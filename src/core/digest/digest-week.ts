import { TZDate, tz } from "@date-fns/tz";
import { addWeeks, getISOWeek, getISOWeekYear, startOfISOWeek } from "date-fns";
import type { DigestWeek } from "./digest-types.js";

/**
 * Digest weeks are ISO weeks of the community's own calendar: Monday 00:00 to the next Monday
 * 00:00 where the community lives. Across a DST change a week is 167 or 169 hours long, so the
 * bounds are computed in the zone, never by adding 7 × 24 hours to an instant.
 */

function isoWeekLabel(year: number, week: number): string {
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function weekStartingAt(start: Date, timezone: string): DigestWeek {
  const zone = tz(timezone);
  const end = addWeeks(start, 1, { in: zone });
  return {
    isoWeek: isoWeekLabel(getISOWeekYear(start, { in: zone }), getISOWeek(start, { in: zone })),
    start: new Date(start.getTime()),
    end: new Date(end.getTime()),
  };
}

/** The week (community time) that contains `instant`. */
export function digestWeekOf(instant: Date, timezone: string): DigestWeek {
  return weekStartingAt(startOfISOWeek(instant, { in: tz(timezone) }), timezone);
}

/** "2026-W47" → that week in the community's timezone; null when there is no such week. */
export function parseIsoWeek(text: string, timezone: string): DigestWeek | null {
  const match = /^(\d{4})-?W(\d{2})$/i.exec(text.trim());
  if (!match) return null;
  const [year, week] = [Number(match[1]), Number(match[2])];
  if (week < 1 || week > 53) return null;
  // 4 January is always in ISO week 1.
  const firstWeek = startOfISOWeek(new TZDate(year, 0, 4, timezone), { in: tz(timezone) });
  const parsed = weekStartingAt(addWeeks(firstWeek, week - 1, { in: tz(timezone) }), timezone);
  // Week 53 exists only in long years: otherwise it would roll into next year's week 1.
  return parsed.isoWeek === isoWeekLabel(year, week) ? parsed : null;
}

export function previousWeek(week: DigestWeek, timezone: string): DigestWeek {
  return digestWeekOf(new Date(week.start.getTime() - 1), timezone);
}

export function nextWeek(week: DigestWeek, timezone: string): DigestWeek {
  return digestWeekOf(week.end, timezone);
}
