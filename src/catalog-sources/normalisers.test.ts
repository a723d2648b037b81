import { describe, expect, it } from "vitest";
import { parseCatalogDate } from "./dates.js";
import { formatFromMediaType, isApiDistribution, normaliseFormat } from "./formats.js";
import { normaliseLicense } from "./license.js";
import { toIsoPeriodicity } from "./periodicity.js";
import { toPlainText } from "./text.js";

describe("toPlainText", () => {
  it("strips HTML tags and decodes entities", () => {
    expect(
      toPlainText(
        '<p>Crimes &amp; arrests<br/>since 2001 &mdash; see <a href="https://x.org">the portal</a>.</p>',
      ),
    ).toBe("Crimes & arrests\nsince 2001 — see the portal.");
    expect(toPlainText("Chicago&#8217;s &#x201C;311&#x201D; &unknown; &lt;b&gt;")).toBe(
      "Chicago’s “311” &unknown; <b>",
    );
    expect(toPlainText("<script>alert(1)</script><style>p{}</style>Text")).toBe("Text");
  });

  it("strips Markdown: links, images, emphasis, headings, lists, code, quotes", () => {
    const markdown = [
      "## Data *dictionary*",
      "",
      "See the [county report](http://example.org/report.pdf) and ![map](map.png).",
      "**Be careful.** _Manual_ conversion; field `meta_row_id` and snake_case_names stay.",
      "- first item",
      "1. numbered",
      "> quoted",
      "```sql",
      "select 1",
      "```",
      "<https://auto.link/x>",
    ].join("\n");
    expect(toPlainText(markdown)).toBe(
      [
        "Data dictionary",
        "",
        "See the county report and map.",
        "Be careful. Manual conversion; field meta_row_id and snake_case_names stay.",
        "first item",
        "numbered",
        "quoted",
        "",
        "select 1",
        "",
        "https://auto.link/x",
      ].join("\n"),
    );
  });

  it("drops unbalanced emphasis markers and collapses whitespace", () => {
    expect(toPlainText("**Be cautious. **If in doubt,\r\n\r\n\r\n\r\n   ask   us.")).toBe(
      "Be cautious. If in doubt,\n\nask us.",
    );
    expect(toPlainText(null)).toBe("");
    expect(toPlainText("")).toBe("");
  });
});

describe("parseCatalogDate", () => {
  it("reads the ISO forms catalogs use, zone-less as UTC", () => {
    expect(parseCatalogDate("2020-07-22")).toEqual(new Date("2020-07-22T00:00:00Z"));
    expect(parseCatalogDate("2014-02-09T23:16:09.110181")).toEqual(new Date("2014-02-09T23:16:09.110Z"));
    expect(parseCatalogDate("2023-05-11T16:18:54.000Z")).toEqual(new Date("2023-05-11T16:18:54Z"));
    expect(parseCatalogDate("2020-01-01T10:00:00+02:00")).toEqual(new Date("2020-01-01T08:00:00Z"));
    expect(parseCatalogDate("2019")).toEqual(new Date("2019-01-01T00:00:00Z"));
    expect(parseCatalogDate(1_600_000_000)).toEqual(new Date(1_600_000_000_000));
  });

  it("returns null for anything else", () => {
    for (const bad of ["2021-02-31", "2020-13-01", "R/P1D", "yesterday", "", null, undefined, {}, -1]) {
      expect(parseCatalogDate(bad)).toBeNull();
    }
  });
});

describe("toIsoPeriodicity", () => {
  it("maps words, vocabulary URIs and ISO durations", () => {
    expect(toIsoPeriodicity("daily")).toBe("R/P1D");
    expect(toIsoPeriodicity("Weekly")).toBe("R/P1W");
    expect(toIsoPeriodicity(" monthly ")).toBe("R/P1M");
    expect(toIsoPeriodicity("Quarterly")).toBe("R/P3M");
    expect(toIsoPeriodicity("annually")).toBe("R/P1Y");
    expect(toIsoPeriodicity("http://purl.org/cld/freq/biennial")).toBe("R/P2Y");
    expect(toIsoPeriodicity("http://publications.europa.eu/resource/authority/frequency/MONTHLY")).toBe(
      "R/P1M",
    );
    expect(toIsoPeriodicity("R/P1D")).toBe("R/P1D");
    expect(toIsoPeriodicity("R/PT1H")).toBe("R/PT1H");
  });

  it("gives null for non-cadences", () => {
    for (const value of ["irregular", "no updates", "as needed", "less than hourly", "R/P", "", null]) {
      expect(toIsoPeriodicity(value)).toBeNull();
    }
  });
});

describe("normaliseLicense", () => {
  it("keeps what the catalog says and fills in the rest for known licences", () => {
    expect(normaliseLicense({ title: "https://creativecommons.org/licenses/by/4.0/" })).toEqual({
      licenseId: "cc-by-4.0",
      licenseTitle: "Creative Commons Attribution 4.0 International",
      licenseUrl: "https://creativecommons.org/licenses/by/4.0/",
    });
    expect(normaliseLicense({ title: "Open Data Commons Public Domain Dedication and License" })).toEqual({
      licenseId: "odc-pddl",
      licenseTitle: "Open Data Commons Public Domain Dedication and License",
      licenseUrl: "https://opendatacommons.org/licenses/pddl/",
    });
    expect(normaliseLicense({ id: "other-open", title: "Other (Open)", url: null })).toEqual({
      licenseId: "other-open",
      licenseTitle: "Other (Open)",
      licenseUrl: null,
    });
  });

  it("keeps unknown licences verbatim and empty ones as null", () => {
    expect(normaliseLicense({ title: "https://data.example.org/terms" })).toEqual({
      licenseId: null,
      licenseTitle: null,
      licenseUrl: "https://data.example.org/terms",
    });
    expect(normaliseLicense({ title: "  " })).toEqual({
      licenseId: null,
      licenseTitle: null,
      licenseUrl: null,
    });
  });
});

describe("distribution formats", () => {
  it("normalises labels and derives them from media types", () => {
    expect(normaliseFormat(" .csv ")).toBe("CSV");
    expect(normaliseFormat("")).toBeNull();
    expect(formatFromMediaType("application/vnd.google-earth.kml+xml")).toBe("KML");
    expect(formatFromMediaType("text/csv; charset=utf-8")).toBe("CSV");
    expect(formatFromMediaType("application/x-unknown")).toBeNull();
  });

  it("recognises query endpoints", () => {
    const api = (format: string | null, url: string | null = null, mediaType: string | null = null) =>
      isApiDistribution({ format, mediaType, url });
    expect(api("API")).toBe(true);
    expect(api("ArcGIS GeoServices REST API")).toBe(true);
    expect(api("WMS")).toBe(true);
    expect(api(null, "https://maps.example.org/arcgis/rest/services/Parcels/FeatureServer/0")).toBe(true);
    expect(api("JSON", "https://data.example.org/resource/abcd-1234.json")).toBe(true);
    expect(api("CSV", "https://data.example.org/api/views/abcd-1234/rows.csv?accessType=DOWNLOAD")).toBe(
      false,
    );
    expect(api("JSON", "https://data.example.org/file.json")).toBe(false);
  });
});
