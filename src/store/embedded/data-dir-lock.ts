import { randomUUID } from "node:crypto";
import {
  linkSync,
  mkdirSync,
  readFileSync,
  rmdirSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { z } from "zod";

/**
 * One owner per embedded data dir. PGlite keeps the whole database in the owning process's memory
 * and writes it back on its own schedule, so two processes on one directory silently lose each
 * other's writes. The owner holds `<dataDir>/datadesk.lock`; everyone else talks to the owner.
 *
 * The file is created with link(2), which fails if the name exists, so two starters can never both
 * win. A lock whose process is gone (kill -9, power loss) is stale and taken over; taking over is
 * itself guarded by a mkdir mutex so two processes never both delete the stale lock and both win.
 */

export type LockRole = "bot" | "cli";

const holderSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  /** /proc start time of the process, so a reused pid is not mistaken for the holder. */
  processStart: z.string().nullable(),
  startedAt: z.string(),
  role: z.enum(["bot", "cli"]),
  command: z.string(),
  socketDir: z.string(),
  token: z.string(),
});

export type LockHolder = z.infer<typeof holderSchema>;

const LOCK_FILE = "datadesk.lock";
/** Heartbeat for holders on another host (a shared network dir), where pids mean nothing. */
const HEARTBEAT_MS = 15_000;
const FOREIGN_STALE_MS = 60_000;
const TAKEOVER_MUTEX_STALE_MS = 10_000;
const TAKEOVER_POLL_MS = 20;

export interface HeldLock {
  holder: LockHolder;
  /** Removes the lock if it is still ours (a takeover after a long freeze must not be undone). */
  release(): void;
}

export type LockAttempt = { acquired: true; lock: HeldLock } | { acquired: false; holder: LockHolder };

export function lockPath(dataDir: string): string {
  return join(dataDir, LOCK_FILE);
}

export function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 (starttime) counted after the parenthesised command name, which may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function readHolder(dataDir: string): LockHolder | null {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(readFileSync(lockPath(dataDir), "utf8")));
    // An unreadable lock (torn write by a tool, hand edit) counts as stale: it names no live owner.
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function holderIsAlive(dataDir: string, holder: LockHolder): boolean {
  if (holder.host !== hostname()) {
    try {
      return Date.now() - statSync(lockPath(dataDir)).mtimeMs < FOREIGN_STALE_MS;
    } catch {
      return false;
    }
  }
  if (!pidAlive(holder.pid)) return false;
  const start = processStartOf(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

export function tryAcquireLock(
  dataDir: string,
  claim: { role: LockRole; command: string; socketDir: string },
): LockAttempt {
  mkdirSync(dataDir, { recursive: true });
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    processStart: processStartOf(process.pid),
    startedAt: new Date().toISOString(),
    ...claim,
    token: randomUUID(),
  };
  const path = lockPath(dataDir);
  const temp = `${path}.${process.pid}.${holder.token}`;
  writeFileSync(temp, `${JSON.stringify(holder)}\n`, { mode: 0o600 });
  try {
    // Bounded by time, not attempts: while another process holds the takeover mutex this one must
    // wait for it to finish (it then sees the winner as a live holder), and a mutex left by a
    // process killed mid-takeover only expires after TAKEOVER_MUTEX_STALE_MS.
    const giveUp = Date.now() + TAKEOVER_MUTEX_STALE_MS + 5_000;
    for (;;) {
      try {
        linkSync(temp, path);
        return { acquired: true, lock: heldLock(dataDir, holder) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const current = readHolder(dataDir);
      if (current && holderIsAlive(dataDir, current)) return { acquired: false, holder: current };
      const outcome = removeStaleLock(dataDir, current);
      if (Date.now() > giveUp) throw new Error(`could not take over the stale lock ${path}`);
      if (outcome === "busy") sleepSync(TAKEOVER_POLL_MS);
    }
  } finally {
    unlinkSync(temp);
  }
}

/** Blocks this thread briefly: taking the lock is synchronous so that no await splits a takeover. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Deletes a stale lock under a mutex, re-checking it is the same stale lock first. "busy" when
 * another process holds the mutex, so the caller waits rather than spinning through its retries.
 */
function removeStaleLock(dataDir: string, stale: LockHolder | null): "done" | "busy" {
  const mutex = `${lockPath(dataDir)}.takeover`;
  try {
    mkdirSync(mutex);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // Someone else is taking over; a mutex left by a process killed mid-takeover expires.
    try {
      if (Date.now() - statSync(mutex).mtimeMs > TAKEOVER_MUTEX_STALE_MS) rmdirSync(mutex);
    } catch {
      // gone already
    }
    return "busy";
  }
  try {
    const again = readHolder(dataDir);
    if ((again?.token ?? null) === (stale?.token ?? null)) {
      try {
        unlinkSync(lockPath(dataDir));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  } finally {
    rmdirSync(mutex);
  }
  return "done";
}

function heldLock(dataDir: string, holder: LockHolder): HeldLock {
  const path = lockPath(dataDir);
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // The file vanished (an operator deleted it); release() copes.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  return {
    holder,
    release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      if (readHolder(dataDir)?.token === holder.token) {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      }
    },
  };
}
