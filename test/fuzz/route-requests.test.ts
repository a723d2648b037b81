// Fuzzes every registered route on its own (route-targets.ts): each command, button and form
// handler of src/core/bot/routes.ts, after a crawl of the bot's UI found real ids and each form's
// field ids. A few cases each here; `npm run bench:fuzz` runs 1 000 per route.
import { describe, expect, it } from "vitest";
import { actionHandlers, commandHandlers, formHandlers } from "../../src/core/bot/routes.js";
import { assertTarget } from "./fuzz-target.js";
import { routeTargets, routeWorld } from "./route-targets.js";

const RUNS = 12;

describe("every registered route under fuzzing", () => {
  it("has a target for each command, button and form handler", () => {
    const names = new Set(routeTargets.map((t) => t.name));
    for (const name of Object.keys(commandHandlers)) expect(names).toContain(`route: command ${name}`);
    for (const id of Object.keys(actionHandlers)) expect(names).toContain(`route: action ${id}`);
    for (const id of Object.keys(formHandlers)) expect(names).toContain(`route: form ${id}`);
  });

  // The crawl must reach the newer forms, or their hostile values would go to made-up field ids.
  it("crawls to the showcase, community and digest forms and their buttons' real values", async () => {
    const { findings } = await routeWorld();
    for (const formId of [
      "showcase.details",
      "showcase.lineage",
      "showcase.changes",
      "showcase.reject",
      "community.profile",
      "setup.channels",
      "digest.settings",
    ])
      expect([...findings.forms.keys()], formId).toContain(formId);
    expect(findings.forms.get("showcase.details")?.[0]?.fields.map((f) => f.id)).toEqual(
      expect.arrayContaining(["title", "summary", "link", "image_url", "team"]),
    );
    for (const actionId of ["showcase.approve", "showcase.withdraw", "showcase.continue"])
      expect(findings.actionValues.get(actionId)?.size ?? 0, actionId).toBeGreaterThan(0);
  });

  for (const target of routeTargets) {
    it(`${target.name}: never crashes`, async () => {
      await assertTarget(target, RUNS);
    });
  }
});
