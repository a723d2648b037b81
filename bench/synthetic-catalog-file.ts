/**
 * A DCAT-US data.json of N datasets grown from the real Chicago records (new identifiers, light
 * text variation), streamed to a file with backpressure so a bench never holds it in memory.
 * Used by bench:import and by bench:slack-load's resync run.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

const chicagoFile = path.resolve(process.cwd(), "../shared/catalogs/chicago-il-data-2020-07-22.json");
const variants = [
  "North",
  "South",
  "East",
  "West",
  "Central",
  "Citywide",
  "Archive",
  "Historical",
  "Monthly",
];

export interface SyntheticCatalogOptions {
  /**
   * Every `changedEvery`-th record differs from the base file (a newer modified date and an
   * amended description): 100 gives a resync with 1% updated. Unset: the base file.
   */
  changedEvery?: number;
}

export async function writeSyntheticCatalog(
  file: string,
  count: number,
  options: SyntheticCatalogOptions = {},
): Promise<void> {
  const chicago = JSON.parse(await readFile(chicagoFile, "utf8")) as { dataset: Record<string, unknown>[] };
  const templates = chicago.dataset;
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(
    '{"@type":"dcat:Catalog","conformsTo":"https://project-open-data.cio.gov/v1.1/schema","dataset":[\n',
  );
  for (let index = 0; index < count; index += 1) {
    const template = templates[index % templates.length] ?? {};
    const round = Math.floor(index / templates.length);
    const variant = variants[index % variants.length] ?? "";
    const keywords = Array.isArray(template.keyword) ? template.keyword : [];
    const changed = options.changedEvery !== undefined && index % options.changedEvery === 0;
    const record = {
      ...template,
      identifier: `https://data.example.org/api/views/bench-${index}`,
      title: `${String(template.title)} (${variant} ${round})`,
      description: `${variant} edition ${round}. ${String(template.description ?? "")}${changed ? " Revised." : ""}`,
      keyword: [...keywords, variant.toLowerCase()],
      ...(changed ? { modified: "2026-12-01" } : {}),
    };
    await write(`${index === 0 ? "" : ",\n"}${JSON.stringify(record)}`);
  }
  await write("\n]}\n");
  out.end();
  await once(out, "finish");
}
