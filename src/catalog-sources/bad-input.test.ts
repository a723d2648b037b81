import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect } from "../../test/support/catalog-records.js";
import { CatalogSourceError, createCatalogSourceReader } from "./index.js";

/** Bad records are reported and skipped; bad files fail with a CatalogSourceError. */
const reader = createCatalogSourceReader();
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "datadesk-catalog-sources-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tempFile(name: string, content: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

describe("a bad record among good ones", () => {
  it("DCAT: good records are yielded, bad ones reported with position, key and reason", async () => {
    const file = await tempFile(
      "dcat.json",
      JSON.stringify({
        conformsTo: "https://project-open-data.cio.gov/v1.1/schema",
        dataset: [
          { identifier: "good-1", title: "Good one", modified: "2020-13-45", accessLevel: "public" },
          { identifier: "no-title", description: "title is missing" },
          { identifier: 42, title: "numeric identifier" },
          { identifier: "typo", title: "Typo", accessLevel: "publik" },
          {
            identifier: "good-2",
            title: "Good two",
            keyword: "roads, traffic",
            contactPoint: { hasEmail: "mailto:x@y.org" },
          },
        ],
      }),
    );
    expect(await reader.detectKind(file)).toBe("dcat");
    const records = [];
    for await (const record of reader.read(file, "dcat")) records.push(record);
    expect(
      records.map((r) => (r.ok === true ? r.dataset.key : r.ok === false ? `skip@${r.position}` : "known")),
    ).toEqual(["good-1", "skip@2", "skip@3", "skip@4", "good-2"]);
    const { datasets, skipped } = await collect(reader.read(file, "dcat"));
    // An impossible date is dropped, never a reason to skip the dataset.
    expect(datasets[0]?.modified).toBeNull();
    expect(datasets[1]?.keywords).toEqual(["roads", "traffic"]);
    expect(datasets[1]?.contactEmail).toBe("x@y.org");
    expect(skipped[0]).toMatchObject({ position: 2, key: "no-title" });
    expect(skipped[0]?.problem).toMatch(/^title: /);
    expect(skipped[1]).toMatchObject({ position: 3, key: null });
    expect(skipped[1]?.problem).toMatch(/^identifier: .*expected string/);
    expect(skipped[2]).toMatchObject({ position: 4, key: "typo" });
    expect(skipped[2]?.problem).toContain('unknown access level "publik"');
  });

  it("CKAN JSONL: a truncated line and a non-package line are reported, the rest imported", async () => {
    const good = (id: string) => JSON.stringify({ id, name: id, title: `Package ${id}`, resources: [] });
    const file = await tempFile(
      "dump.jsonl",
      [good("p1"), '{"id": "p2", "title": "cut off', good("p3"), "", "[1, 2]", `${good("p4")}\r`].join("\n"),
    );
    expect(await reader.detectKind(file)).toBe("ckan");
    const { datasets, skipped } = await collect(reader.read(file, "ckan"));
    expect(datasets.map((d) => d.key)).toEqual(["p1", "p3", "p4"]);
    expect(skipped).toHaveLength(2);
    expect(skipped[0]).toMatchObject({ position: 2, key: null });
    expect(skipped[0]?.problem).toMatch(/^line 2 is not valid JSON/);
    expect(skipped[1]).toMatchObject({ position: 4, key: null });
    expect(skipped[1]?.problem).toMatch(/^record: .*expected object/);
  });

  it("CKAN: an empty title falls back to the package name; an empty name too is a skip", async () => {
    const file = await tempFile(
      "untitled.jsonl",
      [
        JSON.stringify({ id: "a", name: "named-package", title: "", resources: [] }),
        JSON.stringify({ id: "b", name: "", title: null, resources: [] }),
      ].join("\n"),
    );
    const { datasets, skipped } = await collect(reader.read(file, "ckan"));
    expect(datasets.map((d) => d.title)).toEqual(["named-package"]);
    expect(skipped[0]).toMatchObject({ position: 2, key: "b" });
    expect(skipped[0]?.problem).toMatch(/^title: /);
  });
});

describe("other CKAN shapes", () => {
  const packages = [
    { id: "p1", name: "one", title: "One", num_resources: 0, resources: [] },
    { id: "p2", name: "two", title: "Two", num_resources: 0, resources: [] },
  ];

  it("a pretty-printed array of packages, and current_package_list_with_resources", async () => {
    const array = await tempFile("packages.json", JSON.stringify(packages, null, 2));
    expect(await reader.detectKind(array)).toBe("ckan");
    expect((await collect(reader.read(array, "ckan"))).datasets.map((d) => d.key)).toEqual(["p1", "p2"]);

    const list = await tempFile(
      "list.json",
      JSON.stringify({ help: "h", success: true, result: packages }, null, 2),
    );
    expect(await reader.detectKind(list)).toBe("ckan");
    expect((await collect(reader.read(list, "ckan"))).datasets.map((d) => d.key)).toEqual(["p1", "p2"]);
  });

  it("a single package is a catalog as a JSON Lines file, not as a pretty-printed document", async () => {
    const line = await tempFile("one-line.jsonl", JSON.stringify(packages[0]));
    expect(await reader.detectKind(line)).toBe("ckan");
    expect((await collect(reader.read(line, "ckan"))).datasets.map((d) => d.key)).toEqual(["p1"]);
    const pretty = await tempFile("package.json", JSON.stringify(packages[0], null, 2));
    await expect(reader.detectKind(pretty)).rejects.toMatchObject({ code: "not_a_catalog" });
  });
});

describe("bad files", () => {
  async function failure(promise: Promise<unknown>): Promise<CatalogSourceError> {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CatalogSourceError);
    return error as CatalogSourceError;
  }

  it("a missing file → not_found, a directory → unreadable", async () => {
    const missing = path.join(dir, "nope.json");
    const error = await failure(reader.detectKind(missing));
    expect(error.code).toBe("not_found");
    expect(error.message).toBe(`There is no catalog file at ${missing}.`);
    expect((await failure(reader.detectKind(dir))).code).toBe("unreadable");
  });

  it("empty, non-JSON and truncated files → not_json", async () => {
    expect((await failure(reader.detectKind(await tempFile("empty.json", "")))).code).toBe("not_json");
    expect((await failure(reader.detectKind(await tempFile("text.json", "name,title\n1,2\n")))).code).toBe(
      "not_json",
    );
    const truncated = await tempFile(
      "truncated.json",
      '{"dataset": [{"identifier": "a", "title": "A"}, {"identif',
    );
    expect((await failure(reader.detectKind(truncated))).code).toBe("not_json");
    expect((await failure(collect(reader.read(truncated, "dcat")))).code).toBe("not_json");
  });

  it("a catalog read as the wrong kind → not_a_catalog rather than an empty import", async () => {
    const dcat = await tempFile("right.json", JSON.stringify({ dataset: [{ identifier: "a", title: "A" }] }));
    const error = await failure(collect(reader.read(dcat, "socrata")));
    expect(error.code).toBe("not_a_catalog");
    expect(error.message).toContain('no list of datasets at "results"');
  });

  it("empty but well-formed catalogs are detected and read as empty", async () => {
    const emptyDcat = await tempFile("empty-dcat.json", '{"@type": "dcat:Catalog", "dataset": []}');
    expect(await reader.detectKind(emptyDcat)).toBe("dcat");
    expect((await collect(reader.read(emptyDcat, "dcat"))).datasets).toEqual([]);
    const emptySocrata = await tempFile("empty-socrata.json", '{"results": [], "resultSetSize": 0}');
    expect(await reader.detectKind(emptySocrata)).toBe("socrata");
    const emptyCkan = await tempFile(
      "empty-ckan.json",
      '{"help": "h", "success": true, "result": {"count": 0, "results": []}}',
    );
    expect(await reader.detectKind(emptyCkan)).toBe("ckan");
    expect((await collect(reader.read(emptyCkan, "ckan"))).datasets).toEqual([]);
  });
});
