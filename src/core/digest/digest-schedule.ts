import { tz } from "@date-fns/tz";
import { addDays, set } from "date-fns";
import type { DigestSchedule } from "../ports/community-directory.js";
import type { DigestWeek } from "./digest-types.js";
import { digestWeekOf, nextWeek, previousWeek } from "./digest-week.js";

/** A community's digest timing as the schedule needs it (a slice of CommunityConfig). */
export interface DigestTiming {
  timezone: string;
  digest: DigestSchedule;
}

export interface DueDigest {
  /** The week the digest is about: the last one that ended before `dueAt`. */
  week: DigestWeek;
  /** When it became due: the configured weekday and hour, local time, of the week after `week`. */
  dueAt: Date;
}

/**
 * The configured weekday and hour in `week`, as an instant. Computed on the community's wall
 * clock, so 09:00 stays 09:00 in a week where the clocks change; an hour the clocks skip (02:00
 * on a spring-forward night) becomes the next hour that exists.
 */
export function digestSendTime(week: DigestWeek, timing: DigestTiming): Date {
  const zone = { in: tz(timing.timezone) };
  const day = addDays(week.start, timing.digest.weekday - 1, zone);
  const at = set(day, { hours: timing.digest.hour, minutes: 0, seconds: 0, milliseconds: 0 }, zone);
  return new Date(at.getTime());
}

/**
 * The digest that is due at `now`: the one whose send time passed most recently. It stays due
 * until it is recorded as sent (a bot that was down at 09:00 sends when it is back), but a bot
 * back after weeks away sends only the latest week, never the ones it missed before it.
 */
export function dueDigest(timing: DigestTiming, now: Date): DueDigest {
  const current = digestWeekOf(now, timing.timezone);
  const sendThisWeek = digestSendTime(current, timing);
  const last = previousWeek(current, timing.timezone);
  if (now.getTime() >= sendThisWeek.getTime()) return { week: last, dueAt: sendThisWeek };
  return { week: previousWeek(last, timing.timezone), dueAt: digestSendTime(last, timing) };
}

/** When the next digest after `now` goes out (for the settings card). */
export function nextDigestAt(timing: DigestTiming, now: Date): Date {
  const current = digestWeekOf(now, timing.timezone);
  const sendThisWeek = digestSendTime(current, timing);
  if (now.getTime() < sendThisWeek.getTime()) return sendThisWeek;
  return digestSendTime(nextWeek(current, timing.timezone), timing);
}
