// Fuzzes what Slack sends (slash commands, events, buttons, every payload schema, message text)
// through the Slack adapter's parsing and request steps down to the rendered reply (see
// slack-targets.ts); `npm run bench:fuzz` runs the same with 10 000 cases each.
import { describe, it } from "vitest";
import { assertTarget } from "./fuzz-target.js";
import { slackTargets } from "./slack-targets.js";

const RUNS = 200;

describe("Slack inbound parsing under fuzzing", () => {
  for (const target of slackTargets) {
    it(`${target.name}: never crashes`, async () => {
      await assertTarget(target, RUNS);
    });
  }
});
