import { chmodSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { splitFrontendMessages } from "./wire-messages.js";

/**
 * Serves one PGlite over the Postgres wire protocol on a Unix socket, so the bot's own pool and
 * any `datadesk` CLI command beside it are ordinary Postgres clients of one database owner.
 *
 * PGlite is one backend, so clients take turns. The unit of a turn is a client's whole request
 * (everything up to Sync or a simple Query), and while a client is inside a transaction nobody
 * else runs. `@electric-sql/pglite-socket` interleaves single messages of different clients
 * outside explicit transactions, so one client's Bind could meet another client's Parse: it is
 * not used for that reason. A client that sits idle inside a transaction longer than
 * `idleInTransactionMs` is disconnected and rolled back, like Postgres's
 * idle_in_transaction_session_timeout, so a hung or deadlocked client cannot stall the bot.
 */
export interface WireServerOptions {
  db: PGlite;
  /** Full path of the socket file (the directory must exist and be private to this user). */
  socketPath: string;
  idleInTransactionMs?: number;
  onEvent?: (event: WireServerEvent) => void;
}

export type WireServerEvent =
  | { kind: "idle-in-transaction"; connection: number }
  | { kind: "client-error"; connection: number; message: string };

interface Turn {
  connection: WireConnection;
  messages: Buffer[];
  /** False after a Flush: the client's extended-protocol request continues, so it keeps the turn. */
  complete: boolean;
  done: () => void;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** A turn's response is written once it is whole, or in pieces of about this size when large. */
const FLUSH_BYTES = 256 * 1024;

class WireConnection {
  buffer: Buffer = Buffer.alloc(0);
  startedUp = false;
  closed = false;
  pending: Buffer[] = [];
  /** Serialises this client's turns: its next request waits for its previous answer. */
  chain: Promise<void> = Promise.resolve();
  constructor(
    readonly id: number,
    readonly socket: Socket,
  ) {}
}

export class WireServer {
  private readonly server: Server;
  private readonly connections = new Set<WireConnection>();
  private readonly queue: Turn[] = [];
  private running = false;
  /** The client whose transaction is open: only its turns run until it ends. */
  private owner: WireConnection | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private readonly idleInTransactionMs: number;

  constructor(private readonly options: WireServerOptions) {
    this.idleInTransactionMs = options.idleInTransactionMs ?? 60_000;
    this.server = createServer((socket) => this.accept(socket));
  }

  async listen(): Promise<void> {
    // A socket file left by a killed owner would make listen fail with EADDRINUSE; the caller
    // holds the data dir's lock, so nobody else can be serving on it.
    rmSync(this.options.socketPath, { force: true });
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.options.socketPath, () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    chmodSync(this.options.socketPath, 0o600);
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /**
   * Stops accepting clients, lets connected ones finish for up to `drainMs`, then cuts the rest
   * (an open transaction of theirs is rolled back, never half-applied).
   */
  async close(drainMs: number): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    const deadline = Date.now() + drainMs;
    while (this.connections.size > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const connection of [...this.connections]) connection.socket.destroy();
    while (this.running || this.connections.size > 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    rmSync(this.options.socketPath, { force: true });
  }

  private accept(socket: Socket): void {
    const connection = new WireConnection(this.nextId++, socket);
    this.connections.add(connection);
    socket.on("data", (chunk) => this.receive(connection, chunk));
    socket.on("error", (error) =>
      this.options.onEvent?.({ kind: "client-error", connection: connection.id, message: error.message }),
    );
    socket.on("close", () => void this.disconnect(connection));
  }

  private receive(connection: WireConnection, chunk: Buffer): void {
    connection.buffer = connection.buffer.length === 0 ? chunk : Buffer.concat([connection.buffer, chunk]);
    if (!connection.startedUp && !this.readStartup(connection)) return;
    const { messages, rest } = splitFrontendMessages(connection.buffer);
    connection.buffer = rest;
    for (const message of messages) {
      const type = String.fromCharCode(message[0] ?? 0);
      // Terminate never reaches PGlite: it would end the one backend every client shares.
      if (type === "X") {
        connection.socket.end();
        return;
      }
      connection.pending.push(message);
      // Sync, a simple Query and Flush end a request: the client now waits for the answer.
      if (type === "S" || type === "Q" || type === "H") {
        this.submit(connection, connection.pending.splice(0), type !== "H");
      }
    }
  }

  /** Answers SSL/GSS probes with "no", drops cancel requests, and submits the startup packet. */
  private readStartup(connection: WireConnection): boolean {
    while (connection.buffer.length >= 8) {
      const length = connection.buffer.readInt32BE(0);
      const code = connection.buffer.readInt32BE(4);
      if (connection.buffer.length < length) return false;
      const packet = connection.buffer.subarray(0, length);
      connection.buffer = connection.buffer.subarray(length);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
        connection.socket.write("N");
        continue;
      }
      if (code === CANCEL_REQUEST) {
        // PGlite has no other backend to signal; the wire protocol expects no answer.
        connection.socket.end();
        return false;
      }
      connection.startedUp = true;
      this.submit(connection, [packet], true);
      return true;
    }
    return false;
  }

  private submit(connection: WireConnection, messages: Buffer[], complete: boolean): void {
    connection.chain = connection.chain.then(
      () =>
        new Promise<void>((done) => {
          if (connection.closed) return done();
          this.queue.push({ connection, messages, complete, done });
          void this.pump();
        }),
    );
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.owner ? this.queue.findIndex((t) => t.connection === this.owner) : 0;
        const turn = index >= 0 ? this.queue.splice(index, 1)[0] : undefined;
        if (!turn) break;
        this.clearIdleTimer();
        await this.run(turn);
        turn.done();
      }
    } finally {
      this.running = false;
    }
  }

  private async run(turn: Turn): Promise<void> {
    const { db } = this.options;
    const { connection } = turn;
    if (connection.closed) return;
    // PGlite hands a response over in many small chunks (a few per message, one per row batch);
    // one socket write per chunk cost the worker more than the queries. They are gathered into
    // one write per turn, flushed early past FLUSH_BYTES so a large result stays bounded.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = () => {
      if (pending.length > 0 && !connection.closed)
        connection.socket.write(pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending));
      pending = [];
      pendingBytes = 0;
    };
    try {
      await db.runExclusive(async () => {
        for (const message of turn.messages) {
          await db.execProtocolRawStream(message, {
            // Copied: the chunk may be a view into PGlite's memory, reused once this returns.
            onRawData: (data) => {
              pending.push(Buffer.from(data));
              pendingBytes += data.byteLength;
              if (pendingBytes >= FLUSH_BYTES) flush();
            },
          });
        }
      });
    } finally {
      flush();
    }
    // An implicit extended-protocol transaction is not a "transaction block" to PGlite, so a
    // request cut by Flush keeps its turn explicitly until its Sync arrives.
    this.owner = db.isInTransaction() || !turn.complete ? connection : null;
    if (this.owner) this.armIdleTimer(connection);
  }

  private armIdleTimer(connection: WireConnection): void {
    this.idleTimer = setTimeout(() => {
      if (this.owner !== connection) return;
      this.options.onEvent?.({ kind: "idle-in-transaction", connection: connection.id });
      connection.socket.destroy();
    }, this.idleInTransactionMs);
    this.idleTimer.unref();
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** A client gone mid-transaction leaves nothing behind: its transaction is rolled back. */
  private async disconnect(connection: WireConnection): Promise<void> {
    if (connection.closed) return;
    connection.closed = true;
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const turn = this.queue[i];
      if (turn?.connection === connection) {
        this.queue.splice(i, 1);
        turn.done();
      }
    }
    await connection.chain;
    if (this.owner === connection) {
      this.clearIdleTimer();
      // Nobody else runs while the owner is set, so the rollback needs no further turn-taking.
      if (this.options.db.isInTransaction()) await this.options.db.exec("ROLLBACK");
      this.owner = null;
    }
    this.connections.delete(connection);
    void this.pump();
  }
}
