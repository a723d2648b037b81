import { describe, expect, it } from "vitest";

/**
 * No import circles (docs/ARCHITECTURE.md): a type two files share lives in a leaf file that
 * imports neither. madge (a kept library) builds the import graph from the TypeScript sources,
 * type-only imports included, since a circle through types still ties the two files together.
 * src/ pulls in test/fakes and test/support through its colocated tests; naming them as roots
 * also covers the helpers no src test reaches.
 */
async function importCircles(roots: string[]): Promise<string[]> {
  const madge = (await import("madge")).default;
  const graph = await madge(roots, {
    fileExtensions: ["ts"],
    tsConfig: "tsconfig.json",
    excludeRegExp: [/generated\//],
  });
  return graph.circular().map((circle) => circle.join(" -> "));
}

describe("import graph", () => {
  it("has no circle in src/, test/fakes or test/support", { timeout: 120_000 }, async () => {
    expect(await importCircles(["src", "test/fakes", "test/support"])).toEqual([]);
  });
});
