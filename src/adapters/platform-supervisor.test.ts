import { describe, expect, it } from "vitest";
import { createLogger } from "../ops/logger.js";
import { type Connection, createPlatformSupervisor } from "./platform-supervisor.js";

const logger = createLogger({ level: "silent", secrets: [] });

/** Connections that record their life and can be told to fail the next connects. */
function fakeClients() {
  const made: Array<Connection & { id: number; closed: boolean; fault: (reason: string) => void }> = [];
  let failNext = 0;
  return {
    made,
    failConnects: (times: number) => {
      failNext = times;
    },
    async connect(fault: (reason: string) => void) {
      if (failNext > 0) {
        failNext--;
        throw new Error("login refused");
      }
      const connection = {
        id: made.length + 1,
        closed: false,
        fault,
        async close() {
          connection.closed = true;
        },
      };
      made.push(connection);
      return connection;
    },
  };
}

const backoff = { firstMs: 20, maxMs: 80, stableMs: 60_000 };

type Supervisor = ReturnType<typeof createPlatformSupervisor>;
type SupervisorOptions = Parameters<typeof createPlatformSupervisor>[0];

/** A started supervisor of `clients`, with the fast test backoff unless told otherwise. */
async function supervise(
  clients: ReturnType<typeof fakeClients>,
  options: Partial<SupervisorOptions> = {},
): Promise<Supervisor> {
  const supervisor = createPlatformSupervisor({
    name: "discord",
    logger,
    backoff,
    connect: (fault) => clients.connect(fault),
    ...options,
  });
  await supervisor.start();
  return supervisor;
}

describe("the platform supervisor", () => {
  it("rebuilds a failed client after a delay, closing the old one, and counts the restart", async () => {
    const clients = fakeClients();
    let restarts = 0;
    const supervisor = await supervise(clients, { onRestart: () => restarts++ });
    expect(supervisor.health()).toEqual({ status: "ready", restarts: 0 });
    clients.made[0]?.fault("gateway closed with code 4014");
    expect(supervisor.health().status).toBe("restarting");
    expect(supervisor.current()).toBeNull();
    await supervisor.settled();
    expect(clients.made.map((c) => [c.id, c.closed])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(supervisor.current()).toBe(clients.made[1]);
    expect(supervisor.health()).toMatchObject({
      status: "ready",
      restarts: 1,
      lastFailure: { reason: "gateway closed with code 4014" },
    });
    expect(restarts).toBe(1);
    await supervisor.stop();
  });

  it("keeps trying when logging in again fails, waiting longer each time", async () => {
    const clients = fakeClients();
    const supervisor = await supervise(clients);
    clients.failConnects(2);
    const started = Date.now();
    clients.made[0]?.fault("broken");
    await supervisor.settled();
    // 20 + 40 + 80 ms (±20%) before the third attempt succeeds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(supervisor.health()).toMatchObject({ status: "ready", restarts: 1 });
    await supervisor.stop();
  });

  it("ignores a late failure from a client it already replaced, and faults during a restart", async () => {
    const clients = fakeClients();
    const supervisor = await supervise(clients);
    const old = clients.made[0];
    old?.fault("first");
    old?.fault("again, while restarting");
    await supervisor.settled();
    old?.fault("late, from the replaced client");
    expect(supervisor.health()).toMatchObject({
      status: "ready",
      restarts: 1,
      lastFailure: { reason: "first" },
    });
    expect(clients.made).toHaveLength(2);
    await supervisor.stop();
  });

  it("stops without waiting out a pending restart, and connects nothing after", async () => {
    const clients = fakeClients();
    const supervisor = await supervise(clients, { backoff: { ...backoff, firstMs: 60_000, maxMs: 60_000 } });
    clients.made[0]?.fault("broken");
    const stopped = Date.now();
    await supervisor.stop();
    expect(Date.now() - stopped).toBeLessThan(1_000);
    expect(clients.made).toHaveLength(1);
    expect(supervisor.health().status).toBe("stopped");
  });
});
