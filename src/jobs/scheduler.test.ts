import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { FakeClock } from "../../test/fakes/core/fake-clock.js";
import { type Logger, silentLogger } from "../core/ports/logger.js";
import type { ScheduledJob } from "../core/shared/scheduled-job.js";
import { createScheduler } from "./scheduler.js";

function recordingLogger() {
  const errors: object[] = [];
  const logger: Logger = { ...silentLogger, error: (obj) => void errors.push(obj) };
  return { logger, errors };
}

describe("scheduler", () => {
  it("runs a job on the first tick and then whenever its interval has passed on the clock", async () => {
    const clock = new FakeClock("2026-11-21T10:00:00Z");
    const runs: string[] = [];
    const job: ScheduledJob = {
      name: "j",
      everyMs: 60_000,
      run: async (now) => void runs.push(now.toISOString()),
    };
    const scheduler = createScheduler({ clock, logger: silentLogger, jobs: [job] });
    await scheduler.tick();
    clock.advanceMinutes(0.5);
    await scheduler.tick();
    clock.advanceMinutes(0.5);
    await scheduler.tick();
    // A long pause runs the job once, not once per missed minute.
    clock.advanceMinutes(10);
    await scheduler.tick();
    await scheduler.tick();
    expect(runs).toEqual([
      "2026-11-21T10:00:00.000Z",
      "2026-11-21T10:01:00.000Z",
      "2026-11-21T10:11:00.000Z",
    ]);
  });

  it("never overlaps two runs of the same job", async () => {
    const clock = new FakeClock();
    let release: () => void = () => {};
    let started = 0;
    const job: ScheduledJob = {
      name: "slow",
      everyMs: 1000,
      run: () => {
        started += 1;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    };
    const scheduler = createScheduler({ clock, logger: silentLogger, jobs: [job] });
    const first = scheduler.tick();
    clock.advanceMinutes(1);
    await scheduler.tick();
    expect(started).toBe(1);
    release();
    await first;
    clock.advanceMinutes(1);
    const third = scheduler.tick();
    expect(started).toBe(2);
    release();
    await third;
  });

  it("logs a failing run instead of throwing, and runs the job again next time", async () => {
    const clock = new FakeClock();
    const { logger, errors } = recordingLogger();
    let calls = 0;
    const job: ScheduledJob = {
      name: "flaky",
      everyMs: 1000,
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error("portal down");
      },
    };
    const scheduler = createScheduler({ clock, logger, jobs: [job] });
    await expect(scheduler.tick()).resolves.toBeUndefined();
    clock.advanceMinutes(1);
    await scheduler.tick();
    expect(calls).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ job: "flaky" })]);
  });

  it("ticks on its timer once started, and stop waits for the run in flight and ends all runs", async () => {
    const clock = new FakeClock();
    let finished = 0;
    const job: ScheduledJob = {
      name: "timer",
      everyMs: 1,
      run: async () => {
        await sleep(20);
        finished += 1;
      },
    };
    const scheduler = createScheduler({ clock, logger: silentLogger, jobs: [job], tickMs: 5 });
    scheduler.start();
    for (let waited = 0; finished === 0 && waited < 2000; waited += 10) {
      clock.advanceMinutes(1);
      await sleep(10);
    }
    await scheduler.stop();
    const afterStop = finished;
    expect(afterStop).toBeGreaterThan(0);
    clock.advanceMinutes(5);
    await sleep(30);
    await scheduler.tick();
    expect(finished).toBe(afterStop);
  });
});
