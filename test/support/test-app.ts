import { PassThrough } from "node:stream";
import { loadConfig } from "../../src/config.js";
import { type RunningApp, type StartOptions, startApp } from "../../src/main.js";
import { createLogger } from "../../src/ops/logger.js";
import { openTestDatabase, type TestDatabase, testDriver } from "./test-database.js";

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface TestApp {
  app: RunningApp;
  /** Every JSON log line the app wrote, parsed. */
  logs: LogLine[];
  /** Stops the app and drops its throwaway database (the fake platforms are the caller's). */
  close(): Promise<void>;
}

/**
 * The whole app as `datadesk start` runs it, for end-to-end tests: config from `env`, an
 * in-memory PGlite (or, in CI's Postgres pass, a throwaway database on that server), and a
 * logger whose lines the test can read.
 */
export async function startTestApp(
  env: Record<string, string>,
  options: Omit<StartOptions, "logger"> & {
    logLevel?: string;
    /** A PGlite data dir (the embedded store as `datadesk start` opens it) instead of in-memory PGlite. */
    pgliteDataDir?: string;
  } = {},
): Promise<TestApp> {
  const testDb: TestDatabase | null =
    testDriver === "postgres" ? await openTestDatabase({ community: false }) : null;
  const config = loadConfig(env);
  config.database = testDb?.url
    ? { kind: "postgres", url: testDb.url }
    : { kind: "pglite", dataDir: options.pgliteDataDir ?? null };
  const logs: LogLine[] = [];
  const destination = new PassThrough();
  destination.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n").filter(Boolean))
      logs.push(JSON.parse(line) as LogLine);
  });
  const { logLevel, pgliteDataDir: _dataDir, ...startOptions } = options;
  const app = await startApp(config, {
    ...startOptions,
    logger: createLogger({ level: logLevel ?? "info", secrets: config.secrets, destination }),
  });
  return {
    app,
    logs,
    async close() {
      await app.stop();
      await testDb?.drop();
    },
  };
}
