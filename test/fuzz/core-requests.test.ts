// Fuzzes the core's command-text parsing, its InboundRequest schema and createDatadesk().handle
// (on the in-memory fakes) with hostile requests from any identity (see core-targets.ts);
// `npm run bench:fuzz` runs the same with 10 000 cases each.
import { describe, expect, it } from "vitest";
import type { InboundRequest } from "../../src/core/bot/inbound-request.js";
import { cardPlainText } from "../../src/core/shared/card.js";
import { fuzzCore } from "./core-harness.js";
import { coreTargets } from "./core-targets.js";
import { assertTarget } from "./fuzz-target.js";

const RUNS = 200;

describe("the core's request parsing under fuzzing", () => {
  for (const target of coreTargets) {
    it(`${target.name}: never crashes`, async () => {
      await assertTarget(target, RUNS);
    });
  }

  // Found by the handle() property: route lookups reached Object.prototype, so "constructor"
  // ran Object as a handler (a non-reply came back) and "__proto__" threw.
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])(
    "answers a request routed to %j as not found, not through Object.prototype",
    async (name) => {
      const { core, takeErrors } = await fuzzCore();
      takeErrors();
      const who = {
        platform: "slack",
        workspaceId: "T0REGRESSION",
        userId: "U0REGRESSION",
        locale: "en-US",
      } as const;
      const requests: InboundRequest[] = [
        { kind: "action", actionId: name, value: "1" },
        { kind: "form", formId: name, context: "", values: {} },
        { kind: "shortcut", shortcutId: name, text: "x" },
        { kind: "command", name, args: {} },
      ];
      for (const request of requests) {
        const reply = await core.handle(who, request);
        expect(reply.kind, request.kind).toBe("card");
        if (reply.kind === "card")
          expect(cardPlainText(reply.card)).toMatch(/couldn.t find|no command called/i);
      }
      expect(await core.autocomplete(who, { command: "__proto__", option: "x", text: "" })).toEqual([]);
      expect(takeErrors()).toEqual([]);
    },
  );
});
