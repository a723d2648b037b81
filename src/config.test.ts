import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("defaults to the embedded store and no platforms", () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: "pglite", dataDir: "./data" });
    expect(config.slack).toBeNull();
    expect(config.discord).toBeNull();
    expect(config.http.enabled).toBe(false);
    expect(config.logLevel).toBeUndefined();
  });

  it("chooses Socket Mode when an app token is set, the HTTP receiver otherwise", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).slack?.mode).toBe("socket");
    const http = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s3cret-value" });
    expect(http.slack?.mode).toBe("http");
    expect(http.http.enabled).toBe(true);
  });

  it("uses Postgres when DATABASE_URL is set and keeps its password as a secret", () => {
    const config = loadConfig({ DATABASE_URL: "postgresql://u:hunter22@db:5432/dd" });
    expect(config.database).toEqual({ kind: "postgres", url: "postgresql://u:hunter22@db:5432/dd" });
    expect(config.secrets).toContain("hunter22");
  });

  it("lists every problem at once, readably", () => {
    let error: unknown;
    try {
      loadConfig({
        DATABASE_URL: "mysql://x",
        DATADESK_LOCALE: "fr",
        DATADESK_TIMEZONE: "Mars/Olympus",
        PORT: "eighty",
        SLACK_BOT_TOKEN: "nope",
        LOG_LEVEL: "loud",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const fragment of [
      "DATABASE_URL",
      "DATADESK_LOCALE",
      "DATADESK_TIMEZONE",
      "PORT",
      "SLACK_BOT_TOKEN",
      "LOG_LEVEL",
    ]) {
      expect(message).toContain(fragment);
    }
    expect(message).not.toMatch(/at .*\.ts:\d+/);
  });

  it("refuses half a platform setup", () => {
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: "abcdef" })).toThrow(/SLACK_BOT_TOKEN is required/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(
      /SLACK_SIGNING_SECRET .* or SLACK_APP_TOKEN/,
    );
    expect(() => loadConfig({ DISCORD_TOKEN: "abc.def" })).toThrow(/DISCORD_APPLICATION_ID is required/);
  });

  it("reads the catalog resync interval, 1440 minutes by default, 0 for on demand only", () => {
    expect(loadConfig({}).catalog).toEqual({ syncIntervalMinutes: 1440 });
    expect(loadConfig({ DATADESK_CATALOG_SYNC_MINUTES: "0" }).catalog.syncIntervalMinutes).toBe(0);
    expect(loadConfig({ DATADESK_CATALOG_SYNC_MINUTES: " 90 " }).catalog.syncIntervalMinutes).toBe(90);
    expect(() => loadConfig({ DATADESK_CATALOG_SYNC_MINUTES: "daily" })).toThrow(
      /DATADESK_CATALOG_SYNC_MINUTES/,
    );
    expect(() => loadConfig({ DATADESK_CATALOG_SYNC_MINUTES: "999999" })).toThrow(/at most 525600/);
  });

  it("treats blank variables as unset", () => {
    expect(loadConfig({ DATABASE_URL: "  ", SLACK_BOT_TOKEN: "" }).database.kind).toBe("pglite");
  });

  it("takes the access reminders' settings from the environment: 2/5/7 by default, whole days in range", () => {
    expect(loadConfig({}).access).toEqual({
      reminderBusinessDays: 2,
      escalationBusinessDays: 5,
      expiryNoticeDays: 7,
    });
    expect(
      loadConfig({
        DATADESK_ACCESS_REMINDER_DAYS: "3",
        DATADESK_ACCESS_ESCALATION_DAYS: " 10 ",
        DATADESK_ACCESS_EXPIRY_NOTICE_DAYS: "0",
      }).access,
    ).toEqual({ reminderBusinessDays: 3, escalationBusinessDays: 10, expiryNoticeDays: 0 });
    expect(() => loadConfig({ DATADESK_ACCESS_REMINDER_DAYS: "0" })).toThrow(ConfigError);
    expect(() => loadConfig({ DATADESK_ACCESS_ESCALATION_DAYS: "two" })).toThrow(/whole number of days/);
    expect(() => loadConfig({ DATADESK_ACCESS_EXPIRY_NOTICE_DAYS: "91" })).toThrow(/at most 90/);
  });
});
