import { describe, expect, it } from "vitest";
import { accessWorld } from "../../../test/fakes/core/in-memory-access-world.js";
import { createScheduler } from "../../jobs/scheduler.js";
import { type Logger, silentLogger } from "../ports/logger.js";
import { accessReminderJob, resolveAccessAfterSync } from "./access-reminder-job.js";

const settings = { reminderBusinessDays: 2, escalationBusinessDays: 5, expiryNoticeDays: 7 };

function recordingLogger() {
  const logged: { level: string; msg: string | undefined }[] = [];
  const logger: Logger = {
    ...silentLogger,
    info: (_obj, msg) => void logged.push({ level: "info", msg }),
    error: (_obj, msg) => void logged.push({ level: "error", msg }),
  };
  return { logger, logged };
}

describe("access reminder job", () => {
  it("runs every five minutes and reminds once, on the scheduler's clock", async () => {
    // Filed Friday 2026-11-20 22:00 UTC; two business days later is Tuesday 22:00.
    const world = await accessWorld({ start: "2026-11-20T22:00:00Z" });
    await world.fileRequest();
    const { logger, logged } = recordingLogger();
    const job = accessReminderJob({ ...world.deps, logger }, settings);
    expect(job.everyMs).toBe(5 * 60_000);
    const scheduler = createScheduler({ clock: world.deps.clock, logger, jobs: [job] });
    const sent = () => world.deps.outbox.messages.length;
    await scheduler.tick();
    const before = sent();
    world.deps.clock.set("2026-11-24T22:05:00Z");
    await scheduler.tick();
    expect(sent()).toBeGreaterThan(before);
    expect(logged).toContainEqual({ level: "info", msg: "access reminders ran" });
    const after = sent();
    world.deps.clock.set("2026-11-24T22:10:00Z");
    await scheduler.tick();
    expect(sent()).toBe(after);
  });

  it("logs a failing run instead of throwing", async () => {
    const world = await accessWorld();
    const { logger, logged } = recordingLogger();
    world.deps.accessRequests.waitingSince = () => Promise.reject(new Error("database gone"));
    await accessReminderJob({ ...world.deps, logger }, settings).run(world.deps.clock.now());
    expect(logged).toContainEqual({ level: "error", msg: "access reminders failed" });
  });

  it("closes open requests whose dataset a resync made public", async () => {
    const world = await accessWorld();
    const { requestId } = await world.fileRequest();
    await world.resync({ ambulance: { accessLevel: "public" } });
    const { logger } = recordingLogger();
    expect(
      await resolveAccessAfterSync({ ...world.deps, logger }, world.communityId, world.deps.clock.now()),
    ).toBe(1);
    expect((await world.deps.accessRequests.byId(requestId))?.status).toBe("resolved_public");
    expect(
      await resolveAccessAfterSync({ ...world.deps, logger }, world.communityId, world.deps.clock.now()),
    ).toBe(0);
  });
});
