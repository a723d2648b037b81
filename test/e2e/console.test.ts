import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DATADESK_FROM_SOURCES } from "../support/datadesk-process.js";

/**
 * The README's first command, as a person runs it: `datadesk start` with no credentials opens
 * the console on the embedded store. Runs the real CLI in a child process and types into it.
 */
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function runConsole(
  lines: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const dataDir = mkdtempSync(join(tmpdir(), "datadesk-console-"));
  dirs.push(dataDir);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATADESK_DATA_DIR: dataDir,
    ...extraEnv,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...DATADESK_FROM_SOURCES, "start"], {
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(`${lines.join("\n")}\n`);
  });
}

// Each case starts a real process on a fresh embedded database: seconds on an idle machine,
// much longer when CI runs other test files beside it.
describe("the local console (datadesk start, no credentials)", { timeout: 120_000 }, () => {
  it("answers help in English, takes other text as a question, then quits cleanly", async () => {
    const { stdout, stderr, code } = await runConsole(["help", "blorp", "quit"]);
    expect(code).toBe(0);
    expect(stdout).toContain("datadesk console");
    expect(stdout).toContain("Hi, I'm datadesk");
    // No catalog imported yet: free text is a question, and the answer says how to get a catalog.
    expect(stdout).toContain("No data catalog yet");
    expect(stdout).toContain("datadesk catalog import");
    expect(stdout).toContain("Bye!");
    expect(stderr).not.toMatch(/Error|at .*\.ts/);
  });

  it("answers in Spanish with DATADESK_LOCALE=es", async () => {
    const { stdout, code } = await runConsole(["help"], { DATADESK_LOCALE: "es" });
    expect(code).toBe(0);
    expect(stdout).toContain("Hola, soy datadesk");
    expect(stdout).toContain("Muestra lo que datadesk puede hacer");
  });

  it("refuses a bad configuration with one readable message and no stack trace", async () => {
    const { stderr, code } = await runConsole([], { DATADESK_LOCALE: "fr", PORT: "x" });
    expect(code).toBe(1);
    expect(stderr).toContain("DATADESK_LOCALE must be en or es");
    expect(stderr).toContain("PORT");
    expect(stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});
