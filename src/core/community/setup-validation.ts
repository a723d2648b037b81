import { isMonday, parseISO } from "date-fns";

/**
 * The rules a community's settings follow, shared by chat setup and the `datadesk community` CLI
 * so both refuse the same things. Each returns the cleaned value or null when it is not valid.
 */

/** Both platforms' select menus hold 25 options and 75-character labels: the topic picker's limits. */
export const MAX_TOPICS = 25;
export const MAX_TOPIC_LENGTH = 75;
export const supportedLocales = ["en", "es"] as const;
export type SupportedLocale = (typeof supportedLocales)[number];

/** The IANA name as the runtime spells it, or null when the runtime knows no such zone. */
export function validTimezone(value: string): string | null {
  const name = value.trim();
  if (name === "" || name.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export function validLocale(value: string): SupportedLocale | null {
  const code = value.trim().toLowerCase();
  return supportedLocales.find((locale) => locale === code) ?? null;
}

/** Each ISO weekday's English and Spanish names, without accents. */
const DAY_NAMES = [
  ["monday", "lunes"],
  ["tuesday", "martes"],
  ["wednesday", "miercoles"],
  ["thursday", "jueves"],
  ["friday", "viernes"],
  ["saturday", "sabado"],
  ["sunday", "domingo"],
];

/** ISO weekday (1 = Monday) from 1–7 or a day's English or Spanish name (at least its first three letters). */
export function validWeekday(value: string): number | null {
  const text = value
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "");
  if (/^[1-7]$/.test(text)) return Number(text);
  if (text.length < 3) return null;
  const at = DAY_NAMES.findIndex((names) => names.some((name) => name.startsWith(text)));
  return at >= 0 ? at + 1 : null;
}

export function validHour(value: string | number): number | null {
  const text = String(value).trim();
  return /^\d{1,2}$/.test(text) && Number(text) <= 23 ? Number(text) : null;
}

export type TopicsProblem =
  | { kind: "tooMany"; max: number }
  | { kind: "tooLong"; topic: string; max: number };

/** Trimmed, de-duplicated topics, or what is wrong with them. */
export function cleanTopics(
  topics: readonly string[],
): { ok: true; topics: string[] } | { ok: false; problem: TopicsProblem } {
  const cleaned = [...new Set(topics.map((topic) => topic.trim()).filter((topic) => topic !== ""))];
  if (cleaned.length > MAX_TOPICS) return { ok: false, problem: { kind: "tooMany", max: MAX_TOPICS } };
  const long = cleaned.find((topic) => topic.length > MAX_TOPIC_LENGTH);
  if (long) return { ok: false, problem: { kind: "tooLong", topic: long, max: MAX_TOPIC_LENGTH } };
  return { ok: true, topics: cleaned };
}

export function validMonday(value: string): string | null {
  const text = value.trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && isMonday(parseISO(text)) ? text : null;
}
