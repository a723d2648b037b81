import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WireServer, type WireServerEvent } from "../../../src/store/embedded/wire-server.js";

/** One in-memory PGlite served on a socket, with real `pg` clients, as the CLI and the bot use it. */
let dir: string;
let db: PGlite;
let server: WireServer;
let events: WireServerEvent[];
const clients: pg.Client[] = [];

async function serve(idleInTransactionMs = 60_000): Promise<void> {
  server = new WireServer({
    db,
    socketPath: join(dir, ".s.PGSQL.5432"),
    idleInTransactionMs,
    onEvent: (event) => events.push(event),
  });
  await server.listen();
}

async function client(): Promise<pg.Client> {
  const c = new pg.Client({ host: dir, port: 5432, user: "postgres", database: "postgres" });
  c.on("error", () => undefined);
  await c.connect();
  clients.push(c);
  return c;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "wire-"));
  db = await PGlite.create();
  await db.exec("CREATE TABLE t (id int PRIMARY KEY, v text)");
  events = [];
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)));
  await server.close(100);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (c: pg.Client, where = "true") =>
  Number((await c.query(`SELECT count(*) AS n FROM t WHERE ${where}`)).rows[0].n);

describe("the embedded database's wire server", () => {
  it("answers parameterised queries and errors like Postgres", async () => {
    await serve();
    const c = await client();
    expect((await c.query("SELECT $1::int + 1 AS x", [41])).rows).toEqual([{ x: 42 }]);
    await expect(c.query("SELECT * FROM missing")).rejects.toThrow(/does not exist/);
    // The failed request left no half-open state behind for the next one.
    expect(await count(c)).toBe(0);
  });

  it("keeps one client's transaction whole while others wait their turn", async () => {
    await serve();
    const a = await client();
    const b = await client();
    await a.query("BEGIN");
    await a.query("INSERT INTO t VALUES (1, 'a')");
    // b's write must wait for a's transaction rather than run inside it.
    const bWrite = b.query("INSERT INTO t VALUES (2, 'b')");
    await new Promise((r) => setTimeout(r, 100));
    await a.query("ROLLBACK");
    await bWrite;
    expect(await count(a, "id = 1")).toBe(0);
    expect(await count(a, "id = 2")).toBe(1);
  });

  it("runs many clients' transactions concurrently without mixing them", async () => {
    await serve();
    const pool = new pg.Pool({ host: dir, port: 5432, user: "postgres", database: "postgres", max: 4 });
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const c = await pool.connect();
        try {
          await c.query("BEGIN");
          await c.query("INSERT INTO t VALUES ($1, $2)", [i, `v${i}`]);
          await new Promise((r) => setTimeout(r, 2));
          await c.query(i % 2 === 0 ? "COMMIT" : "ROLLBACK");
        } finally {
          c.release();
        }
      }),
    );
    const rows = await pool.query("SELECT id FROM t ORDER BY id");
    await pool.end();
    expect(rows.rows.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
  });

  it("rolls back the transaction of a client that disconnects in the middle of it", async () => {
    await serve();
    const a = await client();
    await a.query("BEGIN");
    await a.query("INSERT INTO t VALUES (1, 'half')");
    await a.end();
    const b = await client();
    expect(await count(b)).toBe(0);
    expect(db.isInTransaction()).toBe(false);
  });

  it("cuts a client that sits idle inside a transaction, so the others go on", async () => {
    await serve(200);
    const a = await client();
    await a.query("BEGIN");
    await a.query("INSERT INTO t VALUES (1, 'stuck')");
    const b = await client();
    await b.query("INSERT INTO t VALUES (2, 'b')");
    expect(await count(b)).toBe(1);
    expect(events).toContainEqual(expect.objectContaining({ kind: "idle-in-transaction" }));
  });

  it("keeps serving the other clients when one of them ends its session", async () => {
    await serve();
    const a = await client();
    const b = await client();
    await a.end();
    expect(await count(b)).toBe(0);
  });
});
