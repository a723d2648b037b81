// Fuzzes what Discord sends (slash commands, buttons, modals, autocomplete, messages) through the
// Discord adapter's parsing down to the rendered reply (see discord-targets.ts);
// `npm run bench:fuzz` runs the same with 10 000 cases each.
import { describe, it } from "vitest";
import { discordTargets } from "./discord-targets.js";
import { assertTarget } from "./fuzz-target.js";

const RUNS = 200;

describe("Discord inbound parsing under fuzzing", () => {
  for (const target of discordTargets) {
    it(`${target.name}: never crashes`, async () => {
      await assertTarget(target, RUNS);
    });
  }
});
