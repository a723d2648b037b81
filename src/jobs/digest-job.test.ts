import { describe, expect, it } from "vitest";
import { fakeCoreDeps } from "../../test/fakes/core/fake-core-deps.js";
import { ScriptedDigestSource } from "../../test/fakes/core/scripted-digest-source.js";
import { ConfigError, loadConfig } from "../config.js";
import { defaultAccessSlaSettings } from "../core/access/access-sla-settings.js";
import { type Logger, silentLogger } from "../core/ports/logger.js";
import { digestJob } from "./digest-job.js";
import { createScheduler } from "./scheduler.js";

function recordingLogger() {
  const logged: { level: string; msg: string | undefined }[] = [];
  const logger: Logger = {
    ...silentLogger,
    info: (_obj, msg) => void logged.push({ level: "info", msg }),
    error: (_obj, msg) => void logged.push({ level: "error", msg }),
  };
  return { logger, logged };
}

async function digestWorld() {
  const deps = fakeCoreDeps();
  // Madrid, the Monday after the spring-forward night: 09:00 CEST is 07:00Z.
  deps.clock.set("2026-03-30T06:50:00Z");
  const communityId = deps.people.defaultCommunity.id;
  await deps.directory.setTimezone(communityId, "Europe/Madrid");
  await deps.directory.setChannel(communityId, "discord", "G1", "digest", "D-DIGEST");
  const source = new ScriptedDigestSource();
  source.file("Noisy bars", "2026-03-26T18:00:00Z");
  const { logger, logged } = recordingLogger();
  const deps2 = { ...deps, logger, digestSource: source, accessSla: defaultAccessSlaSettings };
  return { deps, job: digestJob(deps2), logger, logged, source };
}

describe("digest job", () => {
  it("looks every five minutes and sends the due digest once, at 09:00 local after a DST change", async () => {
    const { deps, job, logger, logged } = await digestWorld();
    expect(job.everyMs).toBe(5 * 60_000);
    const scheduler = createScheduler({ clock: deps.clock, logger, jobs: [job] });
    const digests = () => deps.outbox.messages.filter((m) => m.dedupeKey.startsWith("digest:"));
    await scheduler.tick();
    expect(digests()).toEqual([]);
    deps.clock.set("2026-03-30T06:59:00Z");
    await scheduler.tick();
    expect(digests()).toEqual([]);
    deps.clock.set("2026-03-30T07:00:00Z");
    await scheduler.tick();
    expect(digests().map((m) => m.dedupeKey)).toEqual([
      `digest:${deps.people.defaultCommunity.id}:channel:discord:G1:2026-W13`,
    ]);
    expect(logged).toContainEqual({ level: "info", msg: "weekly digests ran" });
    for (const minutes of [5, 10, 60 * 24]) {
      deps.clock.set(new Date(Date.parse("2026-03-30T07:00:00Z") + minutes * 60_000));
      await scheduler.tick();
    }
    expect(digests()).toHaveLength(1);
  });

  it("logs a failing run instead of throwing", async () => {
    const { deps, job, logged } = await digestWorld();
    deps.digestRuns.communityIds = () => Promise.reject(new Error("database gone"));
    await job.run(deps.clock.now());
    expect(logged).toContainEqual({ level: "error", msg: "weekly digests failed" });
  });

  it("is looked at every 30 seconds by default; DATADESK_SCHEDULER_TICK_SECONDS changes that (1–300)", () => {
    expect(loadConfig({}).scheduler).toEqual({ tickSeconds: 30 });
    expect(loadConfig({ DATADESK_SCHEDULER_TICK_SECONDS: " 1 " }).scheduler).toEqual({ tickSeconds: 1 });
    expect(() => loadConfig({ DATADESK_SCHEDULER_TICK_SECONDS: "0" })).toThrow(ConfigError);
    expect(() => loadConfig({ DATADESK_SCHEDULER_TICK_SECONDS: "soon" })).toThrow(/whole number of seconds/);
    expect(() => loadConfig({ DATADESK_SCHEDULER_TICK_SECONDS: "301" })).toThrow(/300/);
  });
});
