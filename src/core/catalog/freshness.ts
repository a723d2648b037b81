import { add, type Duration, differenceInCalendarDays } from "date-fns";

/**
 * "Is the 311 data current?" answered from the catalog's own dates. With an update frequency
 * (ISO 8601 `R/P1D`, `R/P1M`…) the dataset is due one period after its last update: current
 * until then (plus a little grace, since portals refresh on their own schedule), overdue after.
 * Without one we can only say how long ago it changed. Always relative to the clock's `now`,
 * never the machine's date, so answers are testable and snapshot catalogs judge themselves.
 */
export type FreshnessVerdict =
  | { kind: "unknown" }
  | { kind: "current"; modified: Date; period: Duration; nextDue: Date }
  | { kind: "overdue"; modified: Date; period: Duration; due: Date; overdueDays: number }
  | { kind: "age"; modified: Date; ageDays: number };

/** `R/P1D` → { days: 1 }; `R/PT6H` → { hours: 6 }; null when not a repeating duration. */
export function parseRepeatingDuration(value: string | null): Duration | null {
  const match =
    /^R\/P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      value?.trim().toUpperCase() ?? "",
    );
  if (!match) return null;
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map((part) =>
    part === undefined ? undefined : Number(part),
  );
  const duration: Duration = {
    ...(years ? { years } : {}),
    ...(months ? { months } : {}),
    ...(weeks ? { weeks } : {}),
    ...(days ? { days } : {}),
    ...(hours ? { hours } : {}),
    ...(minutes ? { minutes } : {}),
    ...(seconds ? { seconds } : {}),
  };
  return Object.keys(duration).length > 0 ? duration : null;
}

/** Portals refresh on their own schedule: a day, or a fifth of the period for long periods. */
function graceDays(modified: Date, period: Duration): number {
  const periodDays = differenceInCalendarDays(add(modified, period), modified);
  return Math.max(1, Math.round(periodDays / 5));
}

export function freshnessVerdict(
  modified: Date | null,
  accrualPeriodicity: string | null,
  now: Date,
): FreshnessVerdict {
  if (!modified) return { kind: "unknown" };
  const period = parseRepeatingDuration(accrualPeriodicity);
  if (!period)
    return { kind: "age", modified, ageDays: Math.max(0, differenceInCalendarDays(now, modified)) };
  const due = add(modified, period);
  const lateDays = differenceInCalendarDays(now, due);
  if (lateDays <= graceDays(modified, period)) return { kind: "current", modified, period, nextDue: due };
  return { kind: "overdue", modified, period, due, overdueDays: lateDays };
}

/** Catalog dates are days as the catalog states them: shown in UTC so 2020-07-22 never becomes the 21st. */
export function catalogDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
