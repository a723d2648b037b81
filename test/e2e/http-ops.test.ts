import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DATADESK_FROM_SOURCES } from "../support/datadesk-process.js";

/**
 * Operations as an operator meets them: the real process with DATADESK_HTTP=true serves
 * /healthz and /metrics, and stops cleanly (exit 0) on SIGTERM.
 */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(probe: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await probe();
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw lastError;
}

const dataDir = mkdtempSync(join(tmpdir(), "datadesk-ops-"));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

describe("health, metrics and graceful shutdown", { timeout: 120_000 }, () => {
  it("serves /healthz and /metrics, then exits 0 on SIGTERM", async () => {
    const port = await freePort();
    child = spawn(process.execPath, [...DATADESK_FROM_SOURCES, "start"], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATADESK_DATA_DIR: dataDir,
        DATADESK_HTTP: "true",
        PORT: String(port),
        HOST: "127.0.0.1",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    const exited = new Promise<number | null>((resolve) => child?.on("exit", (code) => resolve(code)));

    const health = await waitFor(async () => {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      return { status: res.status, body: (await res.json()) as { status: string; database: string } };
    }, 90_000);
    expect(health).toEqual({ status: 200, body: expect.objectContaining({ status: "ok", database: "ok" }) });

    const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain("datadesk_process_cpu_seconds_total");

    expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});
