import { describe, expect, it } from "vitest";
import { askedColumnsText, askedFormats, detectIntent, withoutCueWords } from "./question-intent.js";
import { splitClauses } from "./question-text.js";

const intentOf = (question: string) => detectIntent(splitClauses(question).map((clause) => clause.text));

describe("detectIntent", () => {
  it.each([
    ["is there any data on rats??", "find"],
    ["bike lanes", "find"],
    ["who do i ask about tree trimming", "owner"],
    ["who maintains the building permits data?", "owner"],
    ["which department is responsible for the noise complaints?", "owner"],
    ["¿quién mantiene los datos de baches?", "owner"],
    ["is the 311 data current?", "freshness"],
    ["when was the crime data last updated", "freshness"],
    ["how old is the street tree inventory", "freshness"],
    ["¿están actualizados los datos de delitos?", "freshness"],
    ["can i use the permits data commercially", "license"],
    ["what license is the parks data under", "license"],
    ["am I allowed to republish the salary data?", "license"],
    ["what columns does the fort collins tree inventory have", "columns"],
    ["does the parcel file include owner names?", "columns"],
    ["¿qué columnas tiene el inventario de árboles?", "columns"],
    ["is there a csv of bus stops", "formats"],
    ["can i get the ward boundaries as a shapefile", "formats"],
    ["is there an api for the crime data", "formats"],
    ["how do i request access to the restricted health data", "access"],
  ])("%s → %s", (question, intent) => {
    expect(intentOf(question)).toBe(intent);
  });

  it("does not mistake topic words for field questions", () => {
    expect(intentOf("is there a list of liquor licenses?")).toBe("find");
    expect(intentOf("list of current city employees and their salaries")).toBe("find");
    expect(intentOf("internet access sites near me")).toBe("find");
    expect(intentOf("income restricted apartments")).toBe("find");
  });

  it("prefers a named field over a vague one", () => {
    // "does it have june numbers" hints at columns; "last refreshed" names freshness.
    expect(intentOf("does the ridership data have june numbers yet? when was it last refreshed")).toBe(
      "freshness",
    );
  });
});

describe("withoutCueWords", () => {
  it("drops the words that name the field, keeping the topic", () => {
    expect(withoutCueWords("license", ["what", "license", "is", "the", "liquor", "data"])).toEqual([
      "what",
      "is",
      "the",
      "liquor",
      "data",
    ]);
    expect(withoutCueWords("find", ["current", "employees"])).toEqual(["current", "employees"]);
  });
});

describe("asked columns and formats", () => {
  it("reads what the person hopes is in the data", () => {
    expect(
      askedColumnsText(["what columns does the tree inventory have", "does it include species and height"]),
    ).toBe("species and height");
    expect(askedColumnsText(["can it be broken down by ward or precinct"])).toBe("ward or precinct");
    expect(askedColumnsText(["what columns does it have"])).toBe("");
  });

  it("maps format words to catalog labels", () => {
    expect(askedFormats(["bus stops as a csv or a shape file"])).toEqual(["CSV", "SHP"]);
    expect(askedFormats(["police beats in kml", "is there an api"])).toEqual(["KML", "API"]);
  });
});
