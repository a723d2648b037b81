import { TZDate, tz } from "@date-fns/tz";
import { addBusinessDays, addMonths, format } from "date-fns";

/**
 * Dates of access requests, always in the community's timezone: a grant "until 2027-02-21" means
 * the whole of that day where the community is, and a reminder after two business days skips the
 * community's weekend, not UTC's.
 */

export function isoDay(date: Date, timezone: string): string {
  return format(date, "yyyy-MM-dd", { in: tz(timezone) });
}

/** What the approve form proposes: today plus the months the requester asked for. */
export function proposedExpiry(now: Date, months: number, timezone: string): string {
  return isoDay(addMonths(now, months, { in: tz(timezone) }), timezone);
}

/**
 * The furthest a steward may grant access ahead: twice the longest duration the form offers.
 * Beyond it, a date is far more likely a typo (2207 for 2027) than a decision, and a grant that
 * outlives everyone who made it is one nobody will review.
 */
export const MAX_GRANT_MONTHS = 24;

/**
 * A typed last day of access: a real calendar date after today (community time) and at most
 * MAX_GRANT_MONTHS ahead. Returns it with
 * the moment access ends, the start of the following day there; null when it is not acceptable.
 */
export function parseExpiry(
  text: string,
  now: Date,
  timezone: string,
): { expiresOn: string; endsAt: Date } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new TZDate(year, month - 1, dayOfMonth, timezone);
  // Rejects 2027-02-30 and friends, which Date would roll over into March.
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== dayOfMonth)
    return null;
  const expiresOn = text.trim();
  if (expiresOn <= isoDay(now, timezone)) return null;
  if (expiresOn > proposedExpiry(now, MAX_GRANT_MONTHS, timezone)) return null;
  const endsAt = new TZDate(year, month - 1, dayOfMonth + 1, timezone);
  return { expiresOn, endsAt: new Date(endsAt.getTime()) };
}

/** When something waiting since `since` has waited `days` business days (Mon–Fri, community time). */
export function afterBusinessDays(since: Date, days: number, timezone: string): Date {
  return new Date(addBusinessDays(since, days, { in: tz(timezone) }).getTime());
}

/**
 * The latest instant something can have started waiting and have waited `businessDays` by `asOf`:
 * `afterBusinessDays` is monotone in its start, so a binary search over milliseconds finds the exact
 * cut-off the reminder jobs use (business days in the community's zone, weekends skipped).
 */
export function businessDaysCutoff(asOf: Date, businessDays: number, timezone: string): Date {
  // N business days span at most N + 2·⌈N/5⌉ + 2 calendar days.
  const breached = (ms: number) => afterBusinessDays(new Date(ms), businessDays, timezone) <= asOf;
  let low = asOf.getTime() - (businessDays + 2 * Math.ceil(businessDays / 5) + 3) * 86_400_000;
  while (!breached(low)) low -= 7 * 86_400_000;
  let high = asOf.getTime();
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (breached(middle)) low = middle;
    else high = middle;
  }
  return breached(high) ? new Date(high) : new Date(low);
}
