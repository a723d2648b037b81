import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, realpathSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import {
  type HeldLock,
  holderIsAlive,
  type LockHolder,
  type LockRole,
  tryAcquireLock,
} from "./data-dir-lock.js";
import { type EmbeddedWorker, startEmbeddedWorker } from "./embedded-worker-thread.js";

/**
 * Opens an embedded (PGlite) data dir the only safe way: through its one owner.
 *
 * - Nobody holds the dir: this process takes the lock, starts PGlite in a worker thread serving
 *   a private Unix socket, and talks to it with an ordinary Postgres pool like everyone else.
 * - A `datadesk start` holds it: a CLI command becomes a client of the bot's socket, so its
 *   writes are in the bot's database at once; a second `start` is refused, naming the pid.
 * - A CLI command holds it: another CLI command is a client of that one; `start` waits for it
 *   to finish (a catalog import can take minutes) rather than fail.
 */

export interface EmbeddedStoreOptions {
  role: LockRole;
  /** What the lock says this process is doing, shown to whoever finds the dir busy. */
  command: string;
  migrate: boolean;
  onWait?: (holder: LockHolder) => void;
  onEvent?: (event: { kind: string; message: string }) => void;
  /** How long `start` waits for a CLI command holding the dir (default 10 minutes). */
  waitForCliMs?: number;
  /** How long a stopping owner lets connected clients finish. */
  drainMs?: number;
}

export interface EmbeddedStore {
  pool: pg.Pool;
  /** "owner" when this process runs the database, "client" when another datadesk process does. */
  mode: "owner" | "client";
  holder: LockHolder;
  close(): Promise<void>;
}

/** The one-line refusals an operator sees; `userMessage` is printed by the CLI as is. */
export class EmbeddedStoreBusyError extends Error {
  readonly userMessage: string;
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedStoreBusyError";
    this.userMessage = message;
  }
}

const SOCKET_FILE = ".s.PGSQL.5432";
// sun_path is 108 bytes on Linux (104 on macOS); deep data dirs fall back to a private tmp dir.
const MAX_SOCKET_PATH = 100;
const CLIENT_CONNECT_WAIT_MS = 30_000;

export function socketDirFor(dataDir: string): string {
  const absolute = resolve(dataDir);
  const inside = join(absolute, ".run");
  if (join(inside, SOCKET_FILE).length <= MAX_SOCKET_PATH) return inside;
  const id = createHash("sha256").update(absolute).digest("hex").slice(0, 16);
  return join(tmpdir(), `datadesk-${id}`);
}

/** The socket's directory is readable by this user only: the socket is the database's only door. */
function preparePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const info = statSync(dir);
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw new EmbeddedStoreBusyError(`${dir} belongs to another user; refusing to serve the database there.`);
  }
  chmodSync(dir, 0o700);
}

/** pg finds `<host>/.s.PGSQL.<port>` when host is a directory; PGlite has one user and one database. */
function socketClientConfig(socketDir: string): pg.ClientConfig {
  return { host: socketDir, port: 5432, user: "postgres", database: "postgres" };
}

function poolFor(socketDir: string, onError: (error: Error) => void): pg.Pool {
  const pool = new pg.Pool({ ...socketClientConfig(socketDir), max: 4 });
  pool.on("error", onError);
  // pg emits 'error' on a checked-out client whose socket closes between queries; unheard, Node
  // would exit with a stack trace. The query in flight fails and says so, which is enough; idle
  // clients' errors still reach `onError` through the pool.
  pool.on("connect", (client) => client.on("error", () => undefined));
  return pool;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function describe(holder: LockHolder): string {
  return `pid ${holder.pid}${holder.host ? ` on ${holder.host}` : ""}, since ${holder.startedAt}`;
}

export async function openEmbeddedStore(
  dataDir: string,
  options: EmbeddedStoreOptions,
): Promise<EmbeddedStore> {
  mkdirSync(dataDir, { recursive: true });
  const realDir = realpathSync(dataDir);
  const socketDir = socketDirFor(realDir);
  const waitUntil = Date.now() + (options.waitForCliMs ?? 10 * 60_000);
  let told = false;
  for (;;) {
    const attempt = tryAcquireLock(realDir, { role: options.role, command: options.command, socketDir });
    if (attempt.acquired) return own(realDir, socketDir, attempt.lock, options);
    const holder = attempt.holder;
    if (options.role === "bot") {
      if (holder.role === "bot") {
        throw new EmbeddedStoreBusyError(
          `datadesk is already running on ${realDir} (${describe(holder)}). Stop it first, or set DATADESK_DATA_DIR to another directory.`,
        );
      }
      if (Date.now() > waitUntil) {
        throw new EmbeddedStoreBusyError(
          `${holder.command} (${describe(holder)}) is still using ${realDir}; try again when it has finished.`,
        );
      }
      if (!told) options.onWait?.(holder);
      told = true;
      await sleep(250);
      continue;
    }
    const client = await joinHolder(realDir, holder, options);
    if (client) return client;
  }
}

/** Connects to the holder's socket; null when the holder died meanwhile (the caller retries). */
async function joinHolder(
  dataDir: string,
  holder: LockHolder,
  options: EmbeddedStoreOptions,
): Promise<EmbeddedStore | null> {
  const giveUp = Date.now() + CLIENT_CONNECT_WAIT_MS;
  for (;;) {
    const probe = new pg.Client(socketClientConfig(holder.socketDir));
    try {
      await probe.connect();
      await probe.end();
      const pool = poolFor(holder.socketDir, (error) =>
        options.onEvent?.({ kind: "connection-lost", message: error.message }),
      );
      return { pool, mode: "client", holder, close: () => pool.end() };
    } catch {
      await probe.end().catch(() => undefined);
      // The holder is starting (migrating before it listens) or just died.
      if (!holderIsAlive(dataDir, holder)) return null;
      if (Date.now() > giveUp) {
        throw new EmbeddedStoreBusyError(
          `${holder.command} (${describe(holder)}) holds ${dataDir} but does not answer on ${holder.socketDir}; nothing was changed.`,
        );
      }
      await sleep(200);
    }
  }
}

async function own(
  dataDir: string,
  socketDir: string,
  lock: HeldLock,
  options: EmbeddedStoreOptions,
): Promise<EmbeddedStore> {
  let worker: EmbeddedWorker;
  try {
    preparePrivateDir(socketDir);
    worker = await startEmbeddedWorker(
      {
        dataDir,
        socketPath: join(socketDir, SOCKET_FILE),
        migrate: options.migrate,
        idleInTransactionMs: 60_000,
      },
      (event) => options.onEvent?.(event),
    );
  } catch (error) {
    lock.release();
    throw error;
  }
  const pool = poolFor(socketDir, (error) =>
    options.onEvent?.({ kind: "connection-lost", message: error.message }),
  );
  let closing: Promise<void> | null = null;
  return {
    pool,
    mode: "owner",
    holder: lock.holder,
    close() {
      closing ??= (async () => {
        try {
          await pool.end();
          await worker.stop(options.drainMs ?? (options.role === "bot" ? 30_000 : 10 * 60_000));
        } finally {
          lock.release();
        }
      })();
      return closing;
    },
  };
}
