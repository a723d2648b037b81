import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderManifests } from "../../src/manifests/render-manifests.js";

describe("committed manifests", () => {
  it("match what the command registry generates (run `npm run manifests` after changing commands)", () => {
    for (const [path, content] of Object.entries(renderManifests())) {
      expect(readFileSync(path, "utf8"), path).toBe(content);
    }
  });
});
