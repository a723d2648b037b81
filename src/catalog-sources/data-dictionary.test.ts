import { describe, expect, it } from "vitest";
import { dictionaryColumns } from "./data-dictionary.js";
import { htmlToPlainText } from "./html-text.js";

describe("dictionaryColumns", () => {
  it("reads a Fields table of an ArcGIS Hub description", () => {
    const html =
      "<p>Fields:</p><table><tr><td><p>Field</p><p>Name</p></td><td>Field Type</td><td>Field Description</td></tr>" +
      "<tr><td>OBJECTID</td><td>Object ID</td><td>Unique ID</td></tr>" +
      "<tr><td>PAVED</td><td>Text</td><td>Alley paved or unpaved</td></tr>" +
      "<tr><td>WARD</td><td>Text</td><td>Council ward</td></tr></table><p>Symbol names:</p>";
    expect(dictionaryColumns(htmlToPlainText(html))).toEqual([
      { name: "OBJECTID", fieldName: null, type: "Object ID", description: "Unique ID" },
      { name: "PAVED", fieldName: null, type: "Text", description: "Alley paved or unpaved" },
      { name: "WARD", fieldName: null, type: "Text", description: "Council ward" },
    ]);
  });

  it("reads a run of 'Name – what it is' lines and stops where the run ends", () => {
    const text = [
      "APN – The Assessor’s Parcel Number.",
      "",
      "Neighborhood Desc- The City neighborhood",
      "ApplicantName – The name of the contractor",
      "The permits are separated by type:",
      "Res – single and two family dwellings",
      "Commercial – apartment buildings, schools",
      "Site – footing and foundation work",
    ].join("\n");
    expect(dictionaryColumns(text).map((column) => column.name)).toEqual([
      "APN",
      "Neighborhood Desc",
      "ApplicantName",
    ]);
  });

  it("finds nothing in ordinary prose", () => {
    expect(
      dictionaryColumns("Updated daily – see the portal.\nDisclaimer: addresses are approximate."),
    ).toEqual([]);
  });
});
