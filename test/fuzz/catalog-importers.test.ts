// Fuzzes the catalog importers with malformed, oversized, wrong-typed and unicode-heavy records
// and documents (see catalog-targets.ts); `npm run bench:fuzz` runs the same with 10 000 cases each.
import { describe, expect, it } from "vitest";
import { ckanFormat } from "../../src/catalog-sources/ckan.js";
import { dcatUsFormat } from "../../src/catalog-sources/dcat-us.js";
import { toPlainText } from "../../src/catalog-sources/index.js";
import { socrataFormat } from "../../src/catalog-sources/socrata.js";
import { catalogTargets } from "./catalog-targets.js";
import { assertTarget } from "./fuzz-target.js";

const RUNS = 200;

describe("catalog importers under fuzzing", () => {
  for (const target of catalogTargets) {
    it(`${target.name}: never crashes`, async () => {
      await assertTarget(target, RUNS);
    });
  }

  // Found by the record property: a description of 120 000 tabs took ~50 s to index (the
  // Markdown rules backtracked quadratically on the run), stalling an import and the bot with it.
  // No stopwatch here (speed is for bench/): the test's timeout is what a relapse would hit.
  it.each([
    ["tabs", `${"\t".repeat(120_000)}x`],
    ["spaces", `a${" ".repeat(120_000)}b`],
    ["unclosed brackets", "[".repeat(120_000)],
    ["unclosed images", "![".repeat(60_000)],
    ["unclosed links", "[x](".repeat(30_000)],
    ["unclosed bold", "**a ".repeat(30_000)],
  ])("indexes a 120 000-character description of %s", (_, description: string) => {
    const result = dcatUsFormat.normalise({ identifier: "x", title: "T", description }, { portalUrl: null });
    expect(result.ok).toBe(true);
  });

  it("keeps Markdown's meaning of indentation when it shortens whitespace runs", () => {
    expect(toPlainText(`Title\n${" ".repeat(12)}# not a heading, code`)).toBe("Title\n# not a heading, code");
    expect(toPlainText("## Heading\t\t\t\t\t\tmore")).toBe("Heading more");
  });

  // Found by the CKAN record property: a lone surrogate (valid JSON: "\ud800") in a package name
  // made encodeURIComponent throw while building the portal link, and the record was skipped.
  it("maps records whose names and ids carry lone surrogates", () => {
    const portalUrl = "https://data.example.org";
    const ckan = ckanFormat.normalise(
      { id: "p1", name: "bad\ud800name", title: "T", resources: [] },
      { portalUrl },
    );
    expect(ckan.ok && ckan.dataset.landingPage).toBe(`${portalUrl}/dataset/bad%EF%BF%BDname`);
    const socrata = socrataFormat.normalise(
      {
        resource: { id: "ab\udc00-1234", name: "T", type: "dataset" },
        metadata: { domain: "data.example.org" },
      },
      { portalUrl: null },
    );
    expect(socrata.ok).toBe(true);
  });
});
