import { z } from "zod";
import type { DatabaseTarget } from "./store/sql-executor.js";

/**
 * The only reader of process.env. Everything the process can be told from outside is listed
 * and validated here, and a bad setup fails at start with one message listing every problem.
 */

const optionalText = z
  .string()
  .transform((v) => v.trim())
  .pipe(z.string())
  .optional()
  .transform((v) => (v === "" ? undefined : v));

const httpUrl = (label: string) =>
  optionalText.pipe(
    z
      .string()
      .refine((v) => /^https?:\/\/\S+$/.test(v), `${label} must be an http(s) URL`)
      .optional(),
  );

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A whole number of days from `min` to `max` (the access SLA settings). */
const days = (label: string, min: number, max: number, fallback: number) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,3}$/, `${label} must be a whole number of days`)
      .transform(Number)
      .pipe(
        z.number().min(min, `${label} must be at least ${min}`).max(max, `${label} must be at most ${max}`),
      )
      .default(fallback),
  );

const envSchema = z.object({
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .refine(
        (v) => /^postgres(ql)?:\/\/\S+$/.test(v),
        "DATABASE_URL must start with postgres:// or postgresql://",
      )
      .optional(),
  ),
  DATADESK_DATA_DIR: optionalText.default("./data"),
  DATADESK_LOCALE: optionalText.pipe(
    z.enum(["en", "es"], { message: "DATADESK_LOCALE must be en or es" }).optional(),
  ),
  DATADESK_TIMEZONE: optionalText.pipe(
    z
      .string()
      .refine(isTimeZone, "DATADESK_TIMEZONE must be an IANA time zone such as America/Chicago")
      .optional(),
  ),
  DATADESK_COMMUNITY_NAME: optionalText.default("Open Data Community"),
  DATADESK_HTTP: optionalText.pipe(
    z.enum(["true", "false", "1", "0"], { message: "DATADESK_HTTP must be true or false" }).optional(),
  ),
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().startsWith("xoxb-", "SLACK_BOT_TOKEN must start with xoxb-").optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith("xapp-", "SLACK_APP_TOKEN must start with xapp-").optional(),
  ),
  SLACK_API_URL: httpUrl("SLACK_API_URL"),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d{5,25}$/, "DISCORD_APPLICATION_ID must be the numeric application id")
      .optional(),
  ),
  DISCORD_GUILD_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d{5,25}$/, "DISCORD_GUILD_ID must be a numeric guild id")
      .optional(),
  ),
  DISCORD_API_BASE: httpUrl("DISCORD_API_BASE"),
  PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, "PORT must be a number from 0 to 65535")
      .transform(Number)
      .pipe(z.number().max(65535, "PORT must be a number from 0 to 65535"))
      .default(3000),
  ),
  HOST: optionalText.default("0.0.0.0"),
  DATADESK_CATALOG_SYNC_MINUTES: optionalText.pipe(
    z
      .string()
      .regex(
        /^\d{1,6}$/,
        "DATADESK_CATALOG_SYNC_MINUTES must be a whole number of minutes (0 = on demand only)",
      )
      .transform(Number)
      .pipe(z.number().max(525_600, "DATADESK_CATALOG_SYNC_MINUTES must be at most 525600 (a year)"))
      .default(1440),
  ),
  DATADESK_OUTBOX_LEASE_SECONDS: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,4}$/, "DATADESK_OUTBOX_LEASE_SECONDS must be a whole number of seconds")
      .transform(Number)
      .pipe(z.number().min(2, "DATADESK_OUTBOX_LEASE_SECONDS must be at least 2").max(3600))
      .default(60),
  ),
  DATADESK_SCHEDULER_TICK_SECONDS: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,3}$/, "DATADESK_SCHEDULER_TICK_SECONDS must be a whole number of seconds")
      .transform(Number)
      .pipe(z.number().min(1, "DATADESK_SCHEDULER_TICK_SECONDS must be at least 1").max(300))
      .default(30),
  ),
  DATADESK_ACCESS_REMINDER_DAYS: days("DATADESK_ACCESS_REMINDER_DAYS", 1, 60, 2),
  DATADESK_ACCESS_ESCALATION_DAYS: days("DATADESK_ACCESS_ESCALATION_DAYS", 1, 60, 5),
  DATADESK_ACCESS_EXPIRY_NOTICE_DAYS: days("DATADESK_ACCESS_EXPIRY_NOTICE_DAYS", 0, 90, 7),
  DATADESK_RETENTION_DAYS: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,4}$/, "DATADESK_RETENTION_DAYS must be a whole number of days (0 = keep forever)")
      .transform(Number)
      .pipe(z.number().max(3650, "DATADESK_RETENTION_DAYS must be at most 3650 (ten years)"))
      .default(365),
  ),
  LOG_LEVEL: optionalText.pipe(
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        message: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
      })
      .optional(),
  ),
});

export type SlackConfig =
  | { mode: "http"; botToken: string; signingSecret: string; apiUrl: string | undefined }
  | {
      mode: "socket";
      botToken: string;
      appToken: string;
      signingSecret: string | undefined;
      apiUrl: string | undefined;
    };

export interface DiscordConfig {
  token: string;
  applicationId: string;
  guildId: string | undefined;
  apiBase: string | undefined;
}

export interface Config {
  database: DatabaseTarget;
  community: { name: string; locale: "en" | "es" | undefined; timezone: string | undefined };
  slack: SlackConfig | null;
  discord: DiscordConfig | null;
  http: { enabled: boolean; port: number; host: string };
  /** Unset means "the command decides": info for servers, warn for the interactive console. */
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent" | undefined;
  /** Minutes between scheduled resyncs of catalogs without their own interval; 0 = on demand only. */
  catalog: { syncIntervalMinutes: number };
  /** How long a claimed outbox message stays with its process before another may take it. */
  outbox: { leaseSeconds: number };
  /** How often background jobs (digests, reminders, resyncs) are checked for being due. */
  scheduler: { tickSeconds: number };
  /** Access requests' SLA: reminder and escalation in business days, expiry notice in days. */
  access: { reminderBusinessDays: number; escalationBusinessDays: number; expiryNoticeDays: number };
  /** Days a closed access request keeps its personal data before it is purged; 0 = keep forever. */
  retention: { days: number };
  /** Every secret value, so logging can scrub them wherever they appear. */
  secrets: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `datadesk cannot start: the configuration has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee the Configuration section of README.md.`,
    );
    this.name = "ConfigError";
  }
}

/** Every variable datadesk reads: README's configuration table and .env.example list exactly these. */
export const configVariableNames: readonly string[] = Object.keys(envSchema.shape);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  if (!parsed.success) throw new ConfigError(problems);
  const e = parsed.data;

  let slack: SlackConfig | null = null;
  const anySlack = e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN;
  if (anySlack) {
    if (!e.SLACK_BOT_TOKEN) problems.push("SLACK_BOT_TOKEN is required when any SLACK_* credential is set");
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      problems.push("Slack needs SLACK_SIGNING_SECRET (HTTP events) or SLACK_APP_TOKEN (Socket Mode)");
    }
    if (e.SLACK_BOT_TOKEN && e.SLACK_APP_TOKEN) {
      slack = {
        mode: "socket",
        botToken: e.SLACK_BOT_TOKEN,
        appToken: e.SLACK_APP_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        apiUrl: e.SLACK_API_URL,
      };
    } else if (e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET) {
      slack = {
        mode: "http",
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        apiUrl: e.SLACK_API_URL,
      };
    }
  }

  let discord: DiscordConfig | null = null;
  if (e.DISCORD_TOKEN || e.DISCORD_APPLICATION_ID) {
    if (!e.DISCORD_TOKEN) problems.push("DISCORD_TOKEN is required when DISCORD_APPLICATION_ID is set");
    if (!e.DISCORD_APPLICATION_ID)
      problems.push("DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set");
    if (e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID) {
      discord = {
        token: e.DISCORD_TOKEN,
        applicationId: e.DISCORD_APPLICATION_ID,
        guildId: e.DISCORD_GUILD_ID,
        apiBase: e.DISCORD_API_BASE,
      };
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const httpFlag = e.DATADESK_HTTP === "true" || e.DATADESK_HTTP === "1";
  return {
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dataDir: e.DATADESK_DATA_DIR },
    community: { name: e.DATADESK_COMMUNITY_NAME, locale: e.DATADESK_LOCALE, timezone: e.DATADESK_TIMEZONE },
    slack,
    discord,
    http: { enabled: httpFlag || slack?.mode === "http", port: e.PORT, host: e.HOST },
    logLevel: e.LOG_LEVEL,
    catalog: { syncIntervalMinutes: e.DATADESK_CATALOG_SYNC_MINUTES },
    outbox: { leaseSeconds: e.DATADESK_OUTBOX_LEASE_SECONDS },
    scheduler: { tickSeconds: e.DATADESK_SCHEDULER_TICK_SECONDS },
    access: {
      reminderBusinessDays: e.DATADESK_ACCESS_REMINDER_DAYS,
      escalationBusinessDays: e.DATADESK_ACCESS_ESCALATION_DAYS,
      expiryNoticeDays: e.DATADESK_ACCESS_EXPIRY_NOTICE_DAYS,
    },
    retention: { days: e.DATADESK_RETENTION_DAYS },
    secrets: [
      e.SLACK_BOT_TOKEN,
      e.SLACK_SIGNING_SECRET,
      e.SLACK_APP_TOKEN,
      e.DISCORD_TOKEN,
      passwordOf(e.DATABASE_URL),
    ].filter((s): s is string => typeof s === "string" && s.length >= 6),
  };
}

function passwordOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}
