import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type LockHolder,
  lockPath,
  processStartOf,
  readHolder,
  tryAcquireLock,
} from "../../../src/store/embedded/data-dir-lock.js";

const run = promisify(execFile);
let dir: string;
const claim = { role: "cli" as const, command: "datadesk test", socketDir: "/nowhere" };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "lock-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeLock(holder: Partial<LockHolder>): void {
  const full: LockHolder = {
    pid: process.pid,
    host: hostname(),
    processStart: processStartOf(process.pid),
    startedAt: new Date().toISOString(),
    role: "bot",
    command: "datadesk start",
    socketDir: "/elsewhere",
    token: "someone-else",
    ...holder,
  };
  writeFileSync(lockPath(dir), JSON.stringify(full));
}

/** A pid that certainly is not running: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid ?? 999_999;
}

describe("the data dir lock", () => {
  it("has one holder; the next one is told who it is, and can take it once released", () => {
    const first = tryAcquireLock(dir, claim);
    expect(first.acquired).toBe(true);
    const second = tryAcquireLock(dir, { ...claim, role: "bot" });
    expect(second).toMatchObject({ acquired: false, holder: { pid: process.pid, role: "cli" } });
    if (first.acquired) first.lock.release();
    expect(existsSync(lockPath(dir))).toBe(false);
    const third = tryAcquireLock(dir, claim);
    expect(third.acquired).toBe(true);
    if (third.acquired) third.lock.release();
  });

  it("takes over a lock left by a process that was killed", async () => {
    writeLock({ pid: await deadPid() });
    const attempt = tryAcquireLock(dir, claim);
    expect(attempt.acquired).toBe(true);
    expect(readHolder(dir)?.pid).toBe(process.pid);
  });

  it("does not mistake a reused pid for the holder: the start time must match too", () => {
    writeLock({ processStart: "1" });
    expect(tryAcquireLock(dir, claim).acquired).toBe(true);
  });

  it("respects a live holder on this host", () => {
    writeLock({});
    expect(tryAcquireLock(dir, claim)).toMatchObject({ acquired: false, holder: { token: "someone-else" } });
  });

  it("never releases a lock that someone else took over", () => {
    const mine = tryAcquireLock(dir, claim);
    if (!mine.acquired) throw new Error("expected the lock");
    writeLock({ token: "taken-over" });
    mine.lock.release();
    expect(JSON.parse(readFileSync(lockPath(dir), "utf8")).token).toBe("taken-over");
  });

  it("waits for a takeover in progress in another process instead of giving up", async () => {
    writeLock({ pid: await deadPid() });
    // Another process is mid-takeover: it holds the mutex (fresh, so not expired).
    const mutex = `${lockPath(dir)}.takeover`;
    mkdirSync(mutex);
    const script = `
      import { tryAcquireLock } from ${JSON.stringify(new URL("../../../src/store/embedded/data-dir-lock.ts", import.meta.url).href)};
      const attempt = tryAcquireLock(${JSON.stringify(dir)}, { role: "cli", command: "waiter", socketDir: "/x" });
      process.stdout.write(attempt.acquired ? "won" : "lost");
    `;
    const waiter = run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: process.cwd(),
    });
    // The other takeover ends without taking the lock (it crashed after its check, say).
    await new Promise((resolve) => setTimeout(resolve, 2500));
    rmdirSync(mutex);
    expect((await waiter).stdout).toBe("won");
  });

  it("lets exactly one of many processes racing for a stale lock win", async () => {
    writeLock({ pid: await deadPid() });
    // Every racer spins until the same instant, so their takeovers really overlap.
    const startAt = Date.now() + 4000;
    const script = `
      import { tryAcquireLock } from ${JSON.stringify(new URL("../../../src/store/embedded/data-dir-lock.ts", import.meta.url).href)};
      while (Date.now() < ${startAt}) {}
      const attempt = tryAcquireLock(${JSON.stringify(dir)}, { role: "cli", command: "racer", socketDir: "/x" });
      process.stdout.write(attempt.acquired ? "won" : "lost");
      // Hold on long enough that a late racer sees a live holder, not a released lock.
      setTimeout(() => {}, 1500);
    `;
    const racers = Array.from({ length: 6 }, () =>
      run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: process.cwd() }),
    );
    const outcomes = (await Promise.all(racers)).map((r) => r.stdout);
    expect(outcomes.filter((o) => o === "won")).toHaveLength(1);
  });
});
