import { describe, expect, it } from "vitest";
import { createChannelAccessRegistry } from "./channel-access-registry.js";

describe("the channel access registry", () => {
  it("answers with the platform's checker, and 'unknown' where there is none or it fails", async () => {
    const registry = createChannelAccessRegistry();
    expect(await registry.membership("slack", "T1", "C1")).toBe("unknown");
    registry.register({
      platform: "slack",
      membership: async (_workspace, channel) => (channel === "C1" ? "not-member" : "member"),
    });
    registry.register({
      platform: "discord",
      membership: async () => {
        throw new Error("gateway down");
      },
    });
    expect(await registry.membership("slack", "T1", "C1")).toBe("not-member");
    expect(await registry.membership("slack", "T1", "C2")).toBe("member");
    expect(await registry.membership("discord", "G1", "1")).toBe("unknown");
    expect(await registry.membership("console", "local", "x")).toBe("unknown");
  });
});
