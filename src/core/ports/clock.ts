/**
 * Time as the core sees it. Every schedule (reminders, digests, freshness verdicts) asks the
 * clock instead of `new Date()`, so tests can move time, cross a DST change, and repeat runs.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
