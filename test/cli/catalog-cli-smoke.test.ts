import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DATADESK_FROM_SOURCES } from "../support/datadesk-process.js";

/**
 * The operator's path, as typed: the real `datadesk` binary in a child process, on a fresh
 * embedded database in a temp directory (DATABASE_URL removed even when CI sets it).
 */
const dataDir = mkdtempSync(path.join(tmpdir(), "datadesk-catalog-smoke-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const fortCollins = path.resolve(
  process.cwd(),
  "../shared/catalogs/fort-collins-co-socrata-catalog-api.json",
);

function datadesk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...DATADESK_FROM_SOURCES, ...args],
      { env: { ...inherited, DATADESK_DATA_DIR: dataDir }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("datadesk catalog (child process, embedded database)", () => {
  it("imports the Fort Collins catalog, then lists it", async () => {
    // A relative path, as typed: stored absolute so a server in another directory can resync it.
    const imported = await datadesk("catalog", "import", path.relative(process.cwd(), fortCollins));
    expect(imported.stderr).toContain("read 51 of 51 records");
    expect(imported.stdout).toContain("51 added, 0 updated, 0 removed, 0 unchanged, 0 skipped");
    expect(imported.code).toBe(0);

    const listed = await datadesk("catalog", "list");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain("fort-collins-co-socrata-catalog-api (socrata): 51 datasets");
    expect(listed.stdout).toContain(`location:    ${fortCollins}`);
    expect(listed.stdout).toContain("(every 1440 min)");
  }, 120_000);

  it("fails with one friendly line and exit code 1 for a file that is not there", async () => {
    const missing = path.join(dataDir, "missing.json");
    const result = await datadesk("catalog", "import", missing);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      `Importing ${missing} as "missing"…`,
      `There is no catalog file at ${missing}. Nothing was changed.`,
    ]);
  }, 60_000);
});
