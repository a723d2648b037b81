import { execFile } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realCatalog } from "../../test/support/catalog-records.js";

/**
 * Bounded memory: a synthetic data.json of 50,000 real Chicago records (new identifiers),
 * about 95 MB, is read in a child Node process whose heap is capped at 64 MB. Loading the
 * file whole (a 95 MB string, then 50k objects) could not fit, so finishing proves streaming.
 */
const recordCount = 50_000;
const heapLimitMb = 64;
let dir = "";
let catalogFile = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "datadesk-large-catalog-"));
  catalogFile = path.join(dir, "data.json");
  const chicago = JSON.parse(await readFile(realCatalog("chicago-il-data-2020-07-22.json"), "utf8"));
  const templates: Record<string, unknown>[] = chicago.dataset;
  const out = createWriteStream(catalogFile);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(
    '{"@type":"dcat:Catalog","conformsTo":"https://project-open-data.cio.gov/v1.1/schema","dataset":[\n',
  );
  for (let index = 0; index < recordCount; index += 1) {
    const template = templates[index % templates.length];
    const record = { ...template, identifier: `https://example.org/api/views/synthetic-${index}` };
    await write(`${index === 0 ? "" : ",\n"}${JSON.stringify(record)}`);
  }
  await write("\n]}\n");
  out.end();
  await once(out, "finish");
}, 30_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a large data.json", () => {
  it(`streams ${recordCount} records with a ${heapLimitMb} MB heap`, async () => {
    expect((await stat(catalogFile)).size).toBeGreaterThan(80 * 1024 * 1024);
    const script = path.join(dir, "count-records.mts");
    const readerModule = pathToFileURL(path.resolve(process.cwd(), "src/catalog-sources/index.ts")).href;
    await writeFile(
      script,
      `import { createCatalogSourceReader } from ${JSON.stringify(readerModule)};
const reader = createCatalogSourceReader();
const file = process.argv[2];
const kind = await reader.detectKind(file);
let ok = 0, skipped = 0, last = "";
for await (const record of reader.read(file, kind)) {
  if (record.ok) { ok += 1; last = record.dataset.key; } else skipped += 1;
}
console.log(JSON.stringify({ kind, ok, skipped, last }));
`,
    );
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [`--max-old-space-size=${heapLimitMb}`, "--import", "tsx", script, catalogFile],
      { cwd: process.cwd(), maxBuffer: 1024 * 1024 },
    );
    const summary = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
    expect(summary).toEqual({
      kind: "dcat",
      ok: recordCount,
      skipped: 0,
      last: `https://example.org/api/views/synthetic-${recordCount - 1}`,
    });
  }, 60_000);
});
