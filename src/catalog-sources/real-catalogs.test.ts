import { beforeAll, describe, expect, it } from "vitest";
import { byKey, collect, realCatalog } from "../../test/support/catalog-records.js";
import type { NormalizedDataset } from "../core/catalog/dataset.js";
import type { CatalogReadProgress } from "../core/ports/catalog-source.js";
import { createCatalogSourceReader } from "./index.js";

/** The real published catalogs in ../shared/catalogs (see SOURCES.md there). */
const reader = createCatalogSourceReader();

describe("Chicago data.json (DCAT-US v1.1, 2020-07-22)", () => {
  const file = realCatalog("chicago-il-data-2020-07-22.json");
  let datasets: NormalizedDataset[];

  beforeAll(async () => {
    const result = await collect(reader.read(file, "dcat"));
    expect(result.skipped).toEqual([]);
    datasets = result.datasets;
  });

  it("is detected as DCAT and imports all 801 datasets", async () => {
    expect(await reader.detectKind(file)).toBe("dcat");
    expect(datasets).toHaveLength(801);
    expect(new Set(datasets.map((d) => d.key)).size).toBe(801);
  });

  it("maps Food Inspections: contact, dates, CSV distribution, column-schema link", () => {
    const food = byKey(datasets, "https://data.cityofchicago.org/api/views/4ijn-s7e5");
    expect(food.title).toBe("Food Inspections");
    expect(food.contactName).toBe("cocadmin");
    expect(food.contactEmail).toBe("dataportal@cityofchicago.org");
    expect(food.publisher).toBe("data.cityofchicago.org");
    expect(food.modified).toEqual(new Date("2020-07-22T00:00:00Z"));
    expect(food.issued).toEqual(new Date("2020-07-01T00:00:00Z"));
    expect(food.keywords).toEqual(["inspections", "food"]);
    expect(food.themes).toEqual(["Health & Human Services"]);
    expect(food.landingPage).toBe("https://data.cityofchicago.org/d/4ijn-s7e5");
    expect(food.accessLevel).toBe("public");
    expect(food.distributions.map((d) => d.format)).toEqual(["CSV", "RDF", "JSON", "XML"]);
    expect(food.distributions[0]).toEqual({
      title: null,
      format: "CSV",
      mediaType: "text/csv",
      url: "https://data.cityofchicago.org/api/views/4ijn-s7e5/rows.csv?accessType=DOWNLOAD",
      isApi: false,
    });
    expect(food.extras.describedBy).toBe("https://data.cityofchicago.org/api/views/4ijn-s7e5/columns.json");
    expect(food.descriptionText).toContain("Chicago Department of Public Health’s Food Protection Program");
  });

  it("treats the fields Chicago omits as absent, not as errors", () => {
    expect(datasets.every((d) => d.licenseId === null && d.licenseUrl === null)).toBe(true);
    expect(datasets.every((d) => d.accrualPeriodicity === null)).toBe(true);
    expect(datasets.filter((d) => d.contactEmail !== null)).toHaveLength(504);
    expect(datasets.filter((d) => d.distributions.length === 0)).toHaveLength(3);
    expect(datasets.filter((d) => d.description === "")).toHaveLength(7);
    expect(datasets.reduce((sum, d) => sum + d.distributions.length, 0)).toBe(3017);
  });
});

describe("Chicago data.json, three months earlier", () => {
  it("imports 782 datasets, all of which are still in the July file", async () => {
    const april = await collect(reader.read(realCatalog("chicago-il-data-2020-04-14.json"), "dcat"));
    const july = await collect(reader.read(realCatalog("chicago-il-data-2020-07-22.json"), "dcat"));
    expect(april.skipped).toEqual([]);
    expect(april.datasets).toHaveLength(782);
    const julyKeys = new Set(july.datasets.map((d) => d.key));
    expect(april.datasets.filter((d) => !julyKeys.has(d.key))).toEqual([]);
  });
});

describe("San Diego Regional Data Library (CKAN package_show JSONL dump)", () => {
  const file = realCatalog("sandiego-sdrdl-ckan-datasets.jsonl");
  let datasets: NormalizedDataset[];

  beforeAll(async () => {
    const result = await collect(reader.read(file, "ckan"));
    expect(result.skipped).toEqual([]);
    datasets = result.datasets;
  });

  it("is detected as CKAN and imports all 72 packages with their 384 resources", async () => {
    expect(await reader.detectKind(file)).toBe("ckan");
    expect(datasets).toHaveLength(72);
    expect(datasets.reduce((sum, d) => sum + d.distributions.length, 0)).toBe(384);
  });

  it("keeps licences as published and fills in known URLs", () => {
    const alcohol = byKey(datasets, "78f4740a-a4c1-470d-8197-68587481edd9");
    expect(alcohol.title).toBe("San Diego County Alcohol Permits");
    expect(alcohol.licenseId).toBe("odc-odbl");
    expect(alcohol.licenseTitle).toBe("Open Data Commons Open Database License (ODbL)");
    expect(alcohol.licenseUrl).toBe("http://www.opendefinition.org/licenses/odc-odbl");
    expect(alcohol.distributions.map((d) => d.format)).toEqual(["TIFF", "ZIP", "CSV"]);
    expect(alcohol.publisher).toBe("San Diego Regional Data Library");
    expect(alcohol.themes).toEqual(["Crime"]);
    // maintainer is empty: the e-mail still comes from maintainer_email.
    expect(alcohol.contactEmail).toBe("eric@sandiegodata.org");
    expect(alcohol.modified).toEqual(new Date("2013-07-22T02:56:53.379Z"));

    const licenceTitles = new Map<string | null, number>();
    for (const d of datasets) licenceTitles.set(d.licenseTitle, (licenceTitles.get(d.licenseTitle) ?? 0) + 1);
    expect(Object.fromEntries(licenceTitles)).toEqual({
      null: 42,
      "License not specified": 10,
      "Creative Commons Attribution": 10,
      "Other (Open)": 7,
      "Other (Public Domain)": 2,
      "Open Data Commons Open Database License (ODbL)": 1,
    });
  });

  it("maps resources, tags, groups, maintainer and Markdown descriptions", () => {
    const deaths = byKey(datasets, "0c13c895-3326-4e5e-b384-eeac979feb8e");
    expect(deaths.contactName).toBe("Eric Busboom");
    expect(deaths.contactEmail).toBe("eric@sandiegodata.org");
    expect(deaths.themes).toEqual(["Health"]);
    expect(deaths.issued).toEqual(new Date("2014-02-09T23:16:09.110Z"));
    expect(deaths.description).toContain("[3-4-50 Data report for 2011](http://");
    expect(deaths.descriptionText).toContain("scraped from the 3-4-50 Data report for 2011. The CSV file");
    expect(deaths.descriptionText).not.toMatch(/\]\(|\*\*/);

    const elderCare = byKey(datasets, "d45662d6-d9df-4711-8123-921b778282cd");
    expect(elderCare.keywords).toEqual(["age-friendly-communities"]);
    expect(elderCare.distributions.map((d) => d.format)).toEqual(["XLSX", "ZIP", "CSV", "CSV", "CSV", "CSV"]);
    expect(elderCare.extras["root.declare"]).toBe("metatab-0.2");

    const formats = new Set(datasets.flatMap((d) => d.distributions.map((r) => r.format)));
    expect(formats).toEqual(
      new Set(["CSV", "ZIP", "XLSX", null, "FGDB", "HTML", "TIFF", "XLS", "PDF", "GOOGLE DOCS", "SHP"]),
    );
    expect(datasets.filter((d) => d.publisher !== null)).toHaveLength(48);
    expect(datasets.every((d) => d.accessLevel === "public")).toBe(true);
  });
});

describe("Fort Collins (Socrata Discovery API)", () => {
  const file = realCatalog("fort-collins-co-socrata-catalog-api.json");
  let datasets: NormalizedDataset[];
  const progress: CatalogReadProgress[] = [];

  beforeAll(async () => {
    const result = await collect(reader.read(file, "socrata", (p) => progress.push(p)));
    expect(result.skipped).toEqual([]);
    datasets = result.datasets;
  });

  it("is detected as Socrata and imports all 51 datasets, reporting the announced total", async () => {
    expect(await reader.detectKind(file)).toBe("socrata");
    expect(datasets).toHaveLength(51);
    expect(progress.at(-1)).toEqual({ records: 51, total: 51 });
  });

  it("zips column metadata, skipping Socrata system columns", () => {
    const incidents = byKey(datasets, "ht5q-h5ms");
    expect(incidents.title).toBe("Fort Collins Public Incident Log");
    expect(incidents.columns).toHaveLength(13);
    expect(incidents.columns.some((c) => c.fieldName?.startsWith(":"))).toBe(false);
    expect(incidents.columns).toContainEqual({
      name: "Call Disposition",
      fieldName: "call_disposition",
      type: "Text",
      description: "How the call was handled by Police Services (the outcome of the call)",
    });
    expect(incidents.columns).toContainEqual({
      name: "Date/Time",
      fieldName: "date_time",
      type: "Calendar date",
      description: null,
    });
  });

  it("maps licence, department, dates, themes, keywords, frequency and endpoints", () => {
    const incidents = byKey(datasets, "ht5q-h5ms");
    expect(incidents.licenseTitle).toBe("Open Data Commons Public Domain Dedication and License");
    expect(incidents.licenseId).toBe("odc-pddl");
    expect(incidents.publisher).toBe("Police Services");
    expect(incidents.modified).toEqual(new Date("2020-09-16T14:18:58.000Z"));
    expect(incidents.issued).toEqual(new Date("2018-11-05T20:48:34.000Z"));
    expect(incidents.themes).toEqual(["public safety", "infrastructure", "Safe Community"]);
    expect(incidents.keywords).toEqual(["blotter", "calls", "daily", "police"]);
    expect(incidents.accrualPeriodicity).toBe("R/P1D");
    expect(incidents.landingPage).toBe("https://opendata.fcgov.com/d/ht5q-h5ms");
    expect(incidents.extras["Data-Lifespan_Update-Frequency"]).toBe("daily");
    expect(incidents.distributions).toEqual([
      {
        title: "Socrata API (SODA)",
        format: "API",
        mediaType: "application/json",
        url: "https://opendata.fcgov.com/resource/ht5q-h5ms.json",
        isApi: true,
      },
      {
        title: "CSV export",
        format: "CSV",
        mediaType: "text/csv",
        url: "https://opendata.fcgov.com/api/views/ht5q-h5ms/rows.csv?accessType=DOWNLOAD",
        isApi: false,
      },
    ]);
    const licences = datasets.map((d) => d.licenseTitle);
    expect(
      licences.filter((l) => l === "Open Data Commons Public Domain Dedication and License"),
    ).toHaveLength(41);
    expect(licences.filter((l) => l === "Creative Commons Attribution 4.0 International")).toHaveLength(8);
    expect(licences.filter((l) => l === null)).toHaveLength(2);
  });
});

describe("Birmingham (CKAN package_search envelope, a page of 10 out of 38)", () => {
  const file = realCatalog("birmingham-uk-ckan-package_search-sample.json");

  it("reads the 10 results of a local file without paging and reports count 38 as total", async () => {
    expect(await reader.detectKind(file)).toBe("ckan");
    const progress: CatalogReadProgress[] = [];
    const { datasets, skipped } = await collect(reader.read(file, "ckan", (p) => progress.push(p)));
    expect(skipped).toEqual([]);
    expect(datasets).toHaveLength(10);
    expect(progress.at(-1)).toEqual({ records: 10, total: 38 });

    const cards = byKey(datasets, "cf552d08-cee9-43bf-8c0f-3196a9311799");
    expect(cards.title).toBe("Purchase Card Transactions");
    expect(cards.licenseId).toBe("uk-ogl");
    expect(cards.licenseTitle).toBe("UK Open Government Licence (OGL)");
    expect(cards.publisher).toBe("Birmingham City Council");
    expect(cards.contactName).toBe("Ian Martin");
    expect(cards.contactEmail).toBe("ian.martin@birmingham.gov.uk");
    expect(cards.keywords).toEqual(["payments", "purchase card"]);
    expect(cards.themes).toEqual(["Council Business"]);
    expect(cards.distributions).toHaveLength(45);
    expect(cards.distributions[0]?.format).toBe("XLS");
  });
});
