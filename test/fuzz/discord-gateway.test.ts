// Fuzzes the Discord gateway packet path (see discord-gateway-target.ts): a real discord.js client
// guarded as the adapter guards it, against the fake gateway; `npm run bench:fuzz` runs 10 000.
import { afterAll, describe, it } from "vitest";
import { gatewayPacketTarget, stopGatewayFuzz } from "./discord-gateway-target.js";
import { assertTarget } from "./fuzz-target.js";

describe("Discord gateway packets under fuzzing", () => {
  afterAll(async () => {
    await stopGatewayFuzz();
  });

  it(`${gatewayPacketTarget.name}: nothing escapes to the process`, async () => {
    await assertTarget(gatewayPacketTarget, 200);
  });
});
