import { describe, expect, it } from "vitest";
import type { CatalogDataset } from "../ports/dataset-search.js";
import { matchColumnAsk } from "./column-match.js";
import { answerField, formatsOf, licenseOf, offersFormat } from "./field-answer.js";

function dataset(overrides: Partial<CatalogDataset> = {}): CatalogDataset {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    key: "abcd-1234",
    catalog: "city",
    title: "Street Trees",
    description: "Every street tree. Updated monthly.",
    keywords: [],
    themes: [],
    publisher: "Forestry",
    contactName: null,
    contactEmail: null,
    licenseId: null,
    licenseTitle: null,
    licenseUrl: null,
    issued: null,
    modified: new Date("2023-05-10T14:00:00Z"),
    accrualPeriodicity: null,
    accessLevel: "public",
    landingPage: "https://data.example.org/d/abcd-1234",
    distributions: [],
    columns: [],
    usageNotes: [],
    ...overrides,
  };
}

const column = (name: string) => ({ name, fieldName: null, type: null, description: null });
const noQuestion = { formats: [], columnAsks: [] };

describe("answerField", () => {
  it("names the contact, and falls back to the publisher as a gap", () => {
    const named = dataset({ contactName: "Ana Ruiz", contactEmail: "ana@example.org" });
    expect(answerField("owner", named, noQuestion)).toMatchObject({
      value: "Ana Ruiz <ana@example.org>",
      gap: null,
    });
    expect(answerField("owner", dataset(), noQuestion)).toMatchObject({ value: "Forestry", gap: "contact" });
  });

  it("says a licence is missing rather than inventing one", () => {
    expect(
      licenseOf(dataset({ licenseId: "notspecified", licenseTitle: "License not specified" })),
    ).toBeNull();
    expect(answerField("license", dataset(), noQuestion)).toMatchObject({ value: null, gap: "license" });
    expect(
      answerField(
        "license",
        dataset({ licenseTitle: "Creative Commons Attribution 4.0 International" }),
        noQuestion,
      ),
    ).toMatchObject({ value: "Creative Commons Attribution 4.0 International", gap: null });
  });

  it("gives the last update as a catalog day", () => {
    expect(answerField("freshness", dataset(), noQuestion)).toMatchObject({
      field: "modified",
      value: "2023-05-10",
    });
    expect(answerField("freshness", dataset({ modified: null }), noQuestion)).toMatchObject({
      gap: "modified",
    });
  });

  it("lists columns without Socrata bookkeeping and answers what was asked", () => {
    const trees = dataset({
      columns: [
        column("Species"),
        column("DBH (in)"),
        column("meta_row_id"),
        column("Latitude"),
        column("Longitude"),
      ],
    });
    const answer = answerField("columns", trees, {
      formats: [],
      columnAsks: [["species"], ["owner", "names"]],
    });
    expect(answer.items).toEqual(["Species", "DBH (in)", "Latitude", "Longitude"]);
    expect(answer.asked).toEqual([
      { asked: "species", present: true, matches: ["Species"] },
      { asked: "owner names", present: false, matches: [] },
    ]);
    expect(answerField("columns", dataset(), noQuestion)).toMatchObject({ value: null, gap: "columns" });
  });

  it("checks the asked format, a zipped download counting as a shapefile", () => {
    const layer = dataset({
      distributions: [
        { title: null, format: "ZIP", mediaType: "application/zip", url: null, isApi: false },
        {
          title: null,
          format: "JSON",
          mediaType: "application/json",
          url: "https://data.example.org/api/views/abcd-1234/rows.json",
          isApi: false,
        },
      ],
    });
    expect(formatsOf(layer)).toEqual(["ZIP", "JSON", "API"]);
    expect(offersFormat(layer, "SHP")).toBe(true);
    expect(offersFormat(layer, "CSV")).toBe(false);
    const answer = answerField("formats", layer, { formats: ["CSV"], columnAsks: [] });
    expect(answer.asked).toEqual([{ asked: "CSV", present: false, matches: [], url: null }]);
    const shapefile = answerField("formats", layer, { formats: ["SHP"], columnAsks: [] });
    expect(shapefile.asked).toEqual([{ asked: "SHP", present: true, matches: ["ZIP"], url: null }]);
  });
});

describe("matchColumnAsk on a data dictionary's names", () => {
  const column = (name: string) => ({ name, fieldName: null, type: null, description: null });
  it("splits camel-cased names and ignores the words that name the dataset", () => {
    const permits = ["PermitNumber", "ApplicantName", "IssueDate"].map(column);
    expect(matchColumnAsk(["applicant", "name"], permits)).toMatchObject({
      present: true,
      matches: ["ApplicantName"],
    });
    const alleys = ["OBJECTID", "PAVED", "PLOW_ROUTE"].map(column);
    expect(matchColumnAsk(["alley", "paved"], alleys, "PW Alleys")).toMatchObject({
      present: true,
      matches: ["PAVED"],
    });
    expect(matchColumnAsk(["alley", "paved"], alleys)).toMatchObject({ present: false });
  });
});

describe("matchColumnAsk", () => {
  const gauges = [
    "Sensor Name",
    "Latitude",
    "Longitude",
    "Flow (cfs)",
    "Turb (NTU)",
    "System Capacity kW-DC",
  ].map(column);

  it("accepts abbreviations, near spellings and common column words", () => {
    expect(matchColumnAsk(["lat", "long", "for", "sensor"], gauges).present).toBe(true);
    expect(matchColumnAsk(["turbidty"], gauges)).toMatchObject({ present: true, matches: ["Turb (NTU)"] });
    expect(matchColumnAsk(["big", "system"], gauges)).toMatchObject({
      present: true,
      matches: ["System Capacity kW-DC"],
    });
  });

  it("says no when an asked word is nowhere", () => {
    expect(matchColumnAsk(["employee", "names"], gauges).present).toBe(false);
  });
});
