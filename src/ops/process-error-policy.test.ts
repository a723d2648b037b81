import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";
import { createMetrics } from "./metrics.js";
import { blamedPlatform, installProcessErrorPolicy, type ProcessEvents } from "./process-error-policy.js";

function errorFrom(frames: string[]): Error {
  const error = new TypeError("Cannot read properties of undefined (reading 'channel_id')");
  error.stack = [`${error.name}: ${error.message}`, ...frames.map((f) => `    at ${f}`)].join("\n");
  return error;
}

const discordFrame =
  "new ButtonInteraction (/app/node_modules/discord.js/src/structures/ButtonInteraction.js:9:1)";
const slackFrame =
  "HTTPReceiver.handle (/app/node_modules/@slack/bolt/dist/receivers/HTTPReceiver.js:345:22)";
const ownFrame = "runJob (/app/src/jobs/scheduler.ts:10:3)";

describe("blamedPlatform", () => {
  it("blames the platform whose frames come first", () => {
    expect(blamedPlatform(errorFrom([discordFrame, slackFrame]), ["slack", "discord"])).toBe("discord");
    expect(blamedPlatform(errorFrom([slackFrame, discordFrame]), ["slack", "discord"])).toBe("slack");
    expect(
      blamedPlatform(errorFrom(["x (/app/src/adapters/discord/discord-connection.ts:1:1)"]), ["discord"]),
    ).toBe("discord");
  });

  it("blames nobody for our own code, a platform not running, or a thrown non-error", () => {
    expect(blamedPlatform(errorFrom([ownFrame]), ["slack", "discord"])).toBeNull();
    expect(blamedPlatform(errorFrom([discordFrame]), ["slack"])).toBeNull();
    expect(blamedPlatform("a string", ["discord"])).toBeNull();
  });
});

describe("the process error policy", () => {
  function setup() {
    const target = new EventEmitter();
    const metrics = createMetrics({ defaultMetrics: false });
    const faults: Array<{ platform: string; reason: string }> = [];
    const platforms = ["slack", "discord", "console"].map((name) => ({
      name,
      fault: (reason: string) => void faults.push({ platform: name, reason }),
    }));
    const uninstall = installProcessErrorPolicy({
      logger: createLogger({ level: "silent", secrets: [] }),
      metrics,
      platforms: () => platforms,
      target: target as unknown as ProcessEvents,
    });
    const count = async (labels: string) =>
      ((await metrics.processErrors.get()).values.find((v) => JSON.stringify(v.labels) === labels)?.value ??
        0) as number;
    return { target, faults, uninstall, count };
  }

  it("counts an uncaught exception, tells the platform it came from, and does not exit", async () => {
    const { target, faults, count, uninstall } = setup();
    target.emit("uncaughtException", errorFrom([discordFrame]));
    expect(faults).toEqual([{ platform: "discord", reason: "uncaught exception in its code" }]);
    expect(await count(JSON.stringify({ kind: "uncaught", platform: "discord" }))).toBe(1);
    uninstall();
  });

  it("counts an unhandled rejection nobody can be blamed for, and tells no platform", async () => {
    const { target, faults, count, uninstall } = setup();
    target.emit("unhandledRejection", errorFrom([ownFrame]));
    target.emit("unhandledRejection", errorFrom([slackFrame]));
    expect(faults).toEqual([{ platform: "slack", reason: "unhandled rejection in its code" }]);
    expect(await count(JSON.stringify({ kind: "unhandled_rejection", platform: "none" }))).toBe(1);
    uninstall();
  });

  it("leaves the process alone once removed", () => {
    const { target, uninstall } = setup();
    uninstall();
    expect(target.listenerCount("uncaughtException")).toBe(0);
    expect(target.listenerCount("unhandledRejection")).toBe(0);
  });
});
