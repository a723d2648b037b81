import { describe, expect, it } from "vitest";
import { isLicensePlaceholder, licenseVerdict } from "./license-verdict.js";

const titled = (licenseTitle: string | null, more: { licenseId?: string; licenseUrl?: string } = {}) =>
  licenseVerdict({ licenseId: more.licenseId ?? null, licenseTitle, licenseUrl: more.licenseUrl ?? null });

describe("licenseVerdict", () => {
  it("reads a custom terms text for what it allows and whom to credit", () => {
    expect(
      titled(
        "There are no restrictions on the use of Data. The City makes no warranty as to its accuracy. Any data derived from the Data must acknowledge the City of Boulder as the source.",
      ),
    ).toMatchObject({
      kind: "custom",
      commercial: "yes",
      attribution: "required",
      creditTo: "the City of Boulder",
      noWarranty: true,
      disclaimerOnly: false,
    });
  });

  it("finds a restriction, and never turns reserved rights into a yes", () => {
    expect(titled("For internal use only. Not for redistribution.")).toMatchObject({ commercial: "no" });
    expect(titled("Data may not be used for commercial purposes. Please credit Metro GIS.")).toMatchObject({
      commercial: "no",
      attribution: "required",
      creditTo: "Metro GIS",
    });
    expect(
      titled("Copyright 2020 the County. All rights reserved. Free to use for any purpose."),
    ).toMatchObject({
      commercial: "unclear",
      rightsReserved: true,
    });
  });

  it("hears credit asked for in a sentence of its own", () => {
    expect(
      titled("This data is provided for non-commercial use only. Credit the Metro Council."),
    ).toMatchObject({
      commercial: "no",
      attribution: "required",
      creditTo: "the Metro Council",
    });
    expect(
      titled("Data may be used freely; please cite Riverside County GIS when publishing."),
    ).toMatchObject({
      commercial: "yes",
      attribution: "required",
      creditTo: "Riverside County GIS",
    });
    // Lower-case "credit the data" is no instruction to credit someone.
    expect(titled("Free to use for any purpose. Users may credit the data as they see fit.")).toMatchObject({
      attribution: "notStated",
    });
  });

  it("tells the UK's Open Government Licence from other governments' adaptations", () => {
    expect(titled("Open Government Licence v3.0")).toMatchObject({
      name: "Open Government Licence",
      url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    });
    expect(titled("Open Government Licence – Canada")).toMatchObject({
      name: "Open Government Licence – Canada",
      url: "https://open.canada.ca/en/open-government-licence-canada",
      commercial: "yes",
      attribution: "required",
    });
    // A city's or a province's own version: its name and link, never the UK's.
    expect(
      titled("Open Government Licence – Ontario", {
        licenseUrl: "https://www.ontario.ca/page/open-government-licence-ontario",
      }),
    ).toMatchObject({
      name: "Open Government Licence – Ontario",
      url: "https://www.ontario.ca/page/open-government-licence-ontario",
      commercial: "yes",
      attribution: "required",
    });
    expect(titled("Open Government Licence - Toronto")).toMatchObject({
      name: "Open Government Licence - Toronto",
      url: null,
    });
  });

  it("calls a text that only disclaims what it is", () => {
    expect(titled("This data is provided as is, without warranty of any kind.")).toMatchObject({
      kind: "custom",
      commercial: "unclear",
      attribution: "notStated",
      disclaimerOnly: true,
    });
  });

  it("knows licences by SPDX id, name and URL", () => {
    expect(titled("CC-BY-4.0")).toMatchObject({
      name: "CC BY 4.0",
      commercial: "yes",
      attribution: "required",
    });
    expect(titled("CC0-1.0")).toMatchObject({ name: "CC0 1.0", attribution: "notRequired" });
    expect(titled("ODC-By-1.0")).toMatchObject({ name: "ODC-By", attribution: "required" });
    expect(titled("ODbL-1.0")).toMatchObject({ name: "ODbL", shareAlike: true });
    expect(titled("Attribution-NonCommercial-ShareAlike 4.0 International")).toMatchObject({
      name: "CC BY-NC-SA 4.0",
      commercial: "no",
      shareAlike: true,
    });
    expect(
      titled(null, { licenseUrl: "https://creativecommons.org/licenses/by-sa/4.0/legalcode" }),
    ).toMatchObject({
      name: "CC BY-SA 4.0",
    });
    expect(titled("Open Government Licence v3.0")).toMatchObject({
      commercial: "yes",
      attribution: "required",
    });
    expect(titled("Public Domain")).toMatchObject({ commercial: "yes", attribution: "notRequired" });
  });

  it("treats placeholders as no licence, and an unknown terms link as terms to read", () => {
    for (const text of ["To be added.", "none", "N/A", "TBD", "License not specified", "  ", "-"]) {
      expect(isLicensePlaceholder(text), text).toBe(true);
      expect(titled(text).kind, text).toBe("none");
    }
    expect(isLicensePlaceholder("Nonexclusive use")).toBe(false);
    expect(titled(null, { licenseUrl: "https://city.example/terms-of-use" })).toMatchObject({
      kind: "custom",
      commercial: "unclear",
      url: "https://city.example/terms-of-use",
    });
  });
});
