/**
 * Fuzz targets for the catalog importers (src/catalog-sources): each family's record mapping
 * (`normalise`, what every record of a catalog goes through) and the whole reader (bytes → records,
 * over the HTTP path with an injected fetch), plus kind detection. Typed refusals are fine: a
 * record reported as skipped with a reason, a CatalogSourceError for a source that is not a
 * catalog. A crash is any other exception, a record whose mapping threw (the "could not be mapped"
 * safety net), a record of the wrong shape, or a hang.
 */
import fc from "fast-check";
import type { CatalogFormat } from "../../src/catalog-sources/catalog-format.js";
import { ckanFormat } from "../../src/catalog-sources/ckan.js";
import { dcatUsFormat } from "../../src/catalog-sources/dcat-us.js";
import { createCatalogSourceReader, isCatalogSourceError } from "../../src/catalog-sources/index.js";
import { socrataFormat } from "../../src/catalog-sources/socrata.js";
import type { CatalogKind } from "../../src/core/catalog/dataset.js";
import {
  anyJson,
  emailish,
  field,
  hostileShortText,
  hostileText,
  idish,
  isoDateish,
  looseRecord,
  mutated,
  textListish,
  urlish,
  wrongType,
} from "./arbitraries.js";
import { type FuzzTarget, FuzzViolation, fuzzTarget, mustNotThrow } from "./fuzz-target.js";

const formatText = fc.constantFrom(
  "CSV",
  "csv",
  "JSON",
  "application/json",
  "text/csv",
  "ZIP",
  "Esri REST",
  "",
);

const dcatDistribution = looseRecord({
  title: field(hostileShortText),
  downloadURL: field(urlish),
  accessURL: field(urlish),
  mediaType: field(formatText),
  format: field(formatText),
  conformsTo: field(urlish),
  describedBy: field(urlish),
  describedByType: field(formatText),
});

export const dcatRecord: fc.Arbitrary<unknown> = looseRecord({
  identifier: field(idish),
  title: field(hostileText),
  description: field(hostileText),
  keyword: field(textListish),
  theme: field(textListish),
  issued: isoDateish,
  modified: isoDateish,
  publisher: field(fc.oneof(hostileShortText, looseRecord({ name: field(hostileShortText) }))),
  contactPoint: field(
    fc.oneof(hostileShortText, looseRecord({ fn: field(hostileShortText), hasEmail: field(emailish) })),
  ),
  mbox: field(emailish),
  accessLevel: field(fc.constantFrom("public", "restricted public", "non-public", "Public ", "publik")),
  rights: field(hostileShortText),
  license: field(urlish),
  accrualPeriodicity: field(fc.constantFrom("R/P1D", "R/PT1H", "irregular", "daily", "R/P1Y", "P")),
  landingPage: field(urlish),
  describedBy: field(urlish),
  temporal: field(hostileShortText),
  spatial: anyJson,
  isPartOf: field(hostileShortText),
  bureauCode: field(textListish),
  programCode: field(textListish),
  distribution: field(fc.oneof(fc.array(field(dcatDistribution), { maxLength: 4 }), dcatDistribution)),
});

const ckanResource = looseRecord({
  name: field(hostileShortText),
  format: field(formatText),
  mimetype: field(formatText),
  url: field(urlish),
  url_type: field(fc.constantFrom("upload", "api", "")),
  description: field(hostileText),
});

export const ckanRecord: fc.Arbitrary<unknown> = looseRecord({
  id: field(idish),
  name: field(idish),
  title: field(hostileText),
  notes: field(hostileText),
  url: field(urlish),
  author: field(hostileShortText),
  author_email: field(emailish),
  maintainer: field(hostileShortText),
  maintainer_email: field(emailish),
  license_id: field(fc.constantFrom("cc-by", "odc-pddl", "notspecified", "other-open", "CC-BY-4.0")),
  license_title: field(hostileShortText),
  license_url: field(urlish),
  organization: field(looseRecord({ title: field(hostileShortText), name: field(idish) })),
  tags: field(
    fc.array(
      fc.oneof(
        hostileShortText,
        looseRecord({ name: field(hostileShortText), display_name: field(hostileShortText) }),
        wrongType,
      ),
      { maxLength: 5 },
    ),
  ),
  groups: field(
    fc.array(looseRecord({ title: field(hostileShortText), display_name: field(hostileShortText) }), {
      maxLength: 3,
    }),
  ),
  private: field(fc.boolean()),
  metadata_created: isoDateish,
  metadata_modified: isoDateish,
  frequency: field(fc.constantFrom("daily", "R/P1W", "Annually", "irregular")),
  accrual_periodicity: field(fc.constantFrom("R/P1M", "monthly", "")),
  access_level: field(fc.constantFrom("public", "restricted public", "non-public", "secret")),
  extras: field(
    fc.array(looseRecord({ key: field(hostileShortText), value: fc.oneof(hostileText, wrongType) }), {
      maxLength: 5,
    }),
  ),
  resources: field(fc.array(field(ckanResource), { maxLength: 5 })),
  num_resources: field(fc.nat()),
});

const socrataStrings = field(fc.array(fc.oneof(hostileShortText, fc.constant(null)), { maxLength: 6 }));

export const socrataRecord: fc.Arbitrary<unknown> = looseRecord({
  resource: field(
    looseRecord({
      id: field(fc.stringMatching(/^[a-z0-9]{4}-[a-z0-9]{4}$/)),
      name: field(hostileText),
      description: field(hostileText),
      type: field(fc.constantFrom("dataset", "map", "chart", "file", "href", "story")),
      attribution: field(hostileShortText),
      attribution_link: field(urlish),
      contact_email: field(emailish),
      createdAt: isoDateish,
      updatedAt: isoDateish,
      columns_name: socrataStrings,
      columns_field_name: socrataStrings,
      columns_datatype: socrataStrings,
      columns_description: socrataStrings,
      provenance: field(fc.constantFrom("official", "community")),
    }),
  ),
  classification: field(
    looseRecord({
      categories: socrataStrings,
      tags: socrataStrings,
      domain_category: field(hostileShortText),
      domain_tags: socrataStrings,
      domain_metadata: field(
        fc.array(looseRecord({ key: field(hostileShortText), value: fc.oneof(hostileText, wrongType) }), {
          maxLength: 5,
        }),
      ),
    }),
  ),
  metadata: field(
    looseRecord({
      domain: field(fc.domain()),
      license: field(hostileShortText),
      is_public: field(fc.boolean()),
    }),
  ),
  permalink: field(urlish),
  link: field(urlish),
});

const families: Record<CatalogKind, { format: CatalogFormat; record: fc.Arbitrary<unknown> }> = {
  dcat: { format: dcatUsFormat, record: mutated(dcatRecord) },
  ckan: { format: ckanFormat, record: mutated(ckanRecord) },
  socrata: { format: socrataFormat, record: mutated(socrataRecord) },
};

const familyLabel: Record<CatalogKind, string> = { dcat: "DCAT-US", ckan: "CKAN", socrata: "Socrata" };

function checkRecordResult(result: unknown, where: string): void {
  if (typeof result !== "object" || result === null) throw new FuzzViolation(`${where}: no result object`);
  const r = result as { ok?: unknown; problem?: unknown; key?: unknown; dataset?: unknown };
  if (r.ok === true) {
    if (typeof r.dataset !== "object" || r.dataset === null)
      throw new FuzzViolation(`${where}: ok without dataset`);
    return;
  }
  if (r.ok !== false || typeof r.problem !== "string" || r.problem === "")
    throw new FuzzViolation(`${where}: neither a dataset nor a skip with a reason`);
  if (r.key !== null && r.key !== undefined && typeof r.key !== "string")
    throw new FuzzViolation(`${where}: skip key is not a string`);
  // The mapping's own try/catch: the record was valid per the schema and the mapper still threw.
  if (r.problem.startsWith("could not be mapped"))
    throw new FuzzViolation(`${where}: the mapping threw (${r.problem.slice(0, 200)})`);
}

function recordTarget(kind: CatalogKind): FuzzTarget {
  const { format, record } = families[kind];
  return fuzzTarget({
    name: `catalog: ${familyLabel[kind]} record → dataset`,
    arbitrary: fc.record({
      raw: fc.oneof(
        { arbitrary: record, weight: 8 },
        { arbitrary: wrongType, weight: 1 },
        { arbitrary: anyJson, weight: 1 },
      ),
      portalUrl: fc.constantFrom(null, "https://data.example.org", "https://data.example.org/data"),
    }),
    async check({ raw, portalUrl }) {
      const result = await mustNotThrow(`${kind} normalise`, () => format.normalise(raw, { portalUrl }));
      checkRecordResult(result, `${kind} normalise`);
    },
  });
}

// ---- whole documents, through the reader ----

function envelope(kind: CatalogKind, records: unknown[], style: number): string {
  switch (kind) {
    case "dcat":
      return JSON.stringify({
        conformsTo: "https://project-open-data.cio.gov/v1.1/schema",
        "@type": "dcat:Catalog",
        dataset: records,
      });
    case "ckan":
      if (style % 3 === 0)
        return JSON.stringify({
          help: "https://demo.ckan.org/api/3/action/help_show?name=package_search",
          success: true,
          result: { count: records.length, results: records },
        });
      if (style % 3 === 1) return JSON.stringify({ success: true, result: records });
      // A JSON Lines dump: one package per line.
      return records.map((r) => JSON.stringify(r) ?? "null").join(style % 2 === 0 ? "\n" : "\r\n");
    case "socrata":
      return JSON.stringify({
        results: records,
        resultSetSize: style % 2 === 0 ? records.length : 1e9,
        timings: {},
      });
  }
}

/** Bytes a catalog URL could answer with: real-looking, broken, hostile or simply not JSON. */
function documentBytes(kind: CatalogKind): fc.Arbitrary<string | Uint8Array> {
  const records = fc.array(families[kind].record, { maxLength: 5 });
  const wellFormed = fc.tuple(records, fc.nat()).map(([rs, style]) => envelope(kind, rs, style));
  const deep = fc
    .tuple(
      fc.constantFrom(100, 5_000, 50_000),
      fc.constantFrom("[", '{"a":', '{"dataset":[', '{"result":{"results":['),
    )
    .map(([depth, open]) => `${open}${"[".repeat(depth)}${"]".repeat(depth)}`);
  return fc.oneof(
    { arbitrary: wellFormed, weight: 6 },
    // Cut off mid-stream (a dropped connection, a full disk).
    {
      arbitrary: fc.tuple(wellFormed, fc.nat()).map(([doc, at]) => doc.slice(0, at % (doc.length + 1))),
      weight: 2,
    },
    // Garbage spliced in somewhere.
    {
      arbitrary: fc
        .tuple(wellFormed, fc.nat(), hostileShortText)
        .map(
          ([doc, at, junk]) => doc.slice(0, at % (doc.length + 1)) + junk + doc.slice(at % (doc.length + 1)),
        ),
      weight: 2,
    },
    { arbitrary: wellFormed.map((doc) => `\uFEFF${doc}`), weight: 1 },
    { arbitrary: anyJson.map((value) => JSON.stringify(value) ?? ""), weight: 1 },
    { arbitrary: fc.uint8Array({ maxLength: 2_000 }), weight: 1 },
    { arbitrary: hostileText, weight: 1 },
    { arbitrary: deep, weight: 1 },
    {
      arbitrary: fc.constantFrom(
        "",
        "null",
        "[]",
        "{}",
        "<!doctype html><html><body>Not found</body></html>",
        '{"success": false, "error": {"message": "Not found"}}',
        `{"dataset": [{"identifier": "x", "title": "${"y".repeat(1_000_000)}"}]}`,
        `[${Array.from({ length: 3_000 }, (_, i) => `{"id":"p${i}","resources":[]}`).join(",")}]`,
      ),
      weight: 1,
    },
  );
}

interface ServedCatalog {
  kind: CatalogKind;
  body: string | Uint8Array;
  status: number;
  contentType: string;
}

function servedCatalog(kind: CatalogKind): fc.Arbitrary<ServedCatalog> {
  return fc.record({
    kind: fc.constant(kind),
    body: documentBytes(kind),
    status: fc.oneof(
      { arbitrary: fc.constant(200), weight: 12 },
      fc.constantFrom(404, 410, 429, 500, 503, 301, 204),
    ),
    contentType: fc.constantFrom(
      "application/json",
      "application/json; charset=utf-8",
      "application/x-ndjson",
      "text/plain",
      "text/html; charset=utf-8",
      "",
    ),
  });
}

function fetchServing(served: ServedCatalog): typeof fetch {
  return async () => {
    const body =
      served.status === 204 ? null : typeof served.body === "string" ? served.body : Buffer.from(served.body);
    const headers = served.contentType ? { "content-type": served.contentType } : undefined;
    return new Response(body, { status: served.status, ...(headers ? { headers } : {}) });
  };
}

const LOCATION = "https://catalog.fuzz.invalid/catalog.json";

function readerFor(served: ServedCatalog) {
  return createCatalogSourceReader({
    fetch: fetchServing(served),
    attempts: 1,
    retryDelayMs: 0,
    timeoutMs: 5_000,
  });
}

function streamTarget(kind: CatalogKind): FuzzTarget {
  return fuzzTarget({
    name: `catalog: ${familyLabel[kind]} document → records`,
    arbitrary: servedCatalog(kind),
    async check(served: ServedCatalog) {
      const reader = readerFor(served);
      await mustNotThrow(
        `reading a ${kind} catalog`,
        async () => {
          let position = 0;
          for await (const record of reader.read(LOCATION, kind)) {
            position += 1;
            if (record.ok) continue;
            if (typeof record.position !== "number" || typeof record.problem !== "string")
              throw new FuzzViolation(`record ${position}: a skip without position or reason`);
            if (record.problem.startsWith("could not be mapped"))
              throw new FuzzViolation(
                `record ${position}: the mapping threw (${record.problem.slice(0, 200)})`,
              );
          }
        },
        (error) => isCatalogSourceError(error),
      );
    },
  });
}

export const detectKindTarget: FuzzTarget = fuzzTarget({
  name: "catalog: kind detection",
  arbitrary: fc.constantFrom<CatalogKind>("dcat", "ckan", "socrata").chain(servedCatalog),
  async check(served: ServedCatalog) {
    const kind = await mustNotThrow(
      "detecting the catalog kind",
      () => readerFor(served).detectKind(LOCATION),
      (error) => isCatalogSourceError(error),
    );
    if (kind !== undefined && !["dcat", "ckan", "socrata"].includes(kind))
      throw new FuzzViolation(`detected an unknown kind ${String(kind)}`);
  },
});

export const catalogTargets: readonly FuzzTarget[] = [
  recordTarget("dcat"),
  recordTarget("ckan"),
  recordTarget("socrata"),
  streamTarget("dcat"),
  streamTarget("ckan"),
  streamTarget("socrata"),
  detectKindTarget,
];
