import { openDatabase } from "../../src/store/database.js";
import { SqlProcessedEvents } from "../../src/store/sql-processed-events.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { InMemoryProcessedEvents } from "../fakes/core/in-memory-processed-events.js";
import { openTestDatabase, testDriver } from "../support/test-database.js";
import { processedEventsContract } from "./processed-events.contract.js";

processedEventsContract("in-memory fake", async () => {
  const clock = new FakeClock();
  const events = new InMemoryProcessedEvents(clock);
  return { events, other: events, clock, teardown: async () => {} };
});

processedEventsContract(`SQL on ${testDriver}`, async () => {
  const clock = new FakeClock();
  const db = await openTestDatabase({ community: false });
  // On Postgres the second instance has its own pool, as another process would; PGlite is
  // embedded, so another instance can only share its one connection.
  const second = db.url ? await openDatabase({ kind: "postgres", url: db.url }, { migrate: false }) : null;
  return {
    events: new SqlProcessedEvents(db.sql, clock),
    other: new SqlProcessedEvents(second?.sql ?? db.sql, clock),
    clock,
    async teardown() {
      await second?.close();
      await db.drop();
    },
  };
});
