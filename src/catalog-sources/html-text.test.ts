import { describe, expect, it } from "vitest";
import { datasetFixture } from "../../test/fakes/core/dataset-fixture.js";
import { htmlToPlainText, htmlToPlainTextOrNull } from "./html-text.js";
import { readableDataset } from "./readable-text.js";

describe("htmlToPlainText", () => {
  it("reads an ArcGIS Hub licence fragment as text: tags gone, entities decoded", () => {
    const license =
      "<div style='text-align:Left;font-size:12pt'><p><span>The City reserves all rights &quot;as is&quot;.</span></p><p>Second&nbsp;paragraph<br />next line</p></div>";
    expect(htmlToPlainText(license)).toBe(
      'The City reserves all rights "as is".\n\nSecond paragraph\nnext line',
    );
  });

  it("drops scripts, styles and images, and keeps a link's address once", () => {
    expect(
      htmlToPlainText(
        "<script>alert(1)</script><style>p{}</style><img src='x.png'/>See <a href='https://x.org/terms'>the terms</a> or <a href='mailto:a@b.org'>a@b.org</a>.",
      ),
    ).toBe("See the terms (https://x.org/terms) or a@b.org.");
  });

  it("re-reads escaped markup instead of showing it", () => {
    expect(htmlToPlainText("&lt;p&gt;Parcels &amp;amp; lots&lt;/p&gt;")).toBe("Parcels & lots");
  });

  it("turns a data dictionary table into one line per row, cells marked", () => {
    const table =
      "<table><tr><td><p>Field</p><p>Name</p></td><td>Type</td></tr><tr><td>PAVED</td><td>Text</td></tr></table>";
    expect(htmlToPlainText(table).split(/\n+/)).toEqual(["| Field Name | Type", "| PAVED | Text"]);
  });

  it("leaves text without markup alone, so Markdown keeps its lines", () => {
    const markdown = "## Notes\n\n- one <https://x.org>\n- two & three";
    expect(htmlToPlainText(markdown)).toBe("## Notes\n\n- one https://x.org\n- two & three");
    expect(htmlToPlainTextOrNull("<p> </p>")).toBeNull();
  });

  it("reads thousands of unclosed tags (nested by the parser) without overflowing the stack", () => {
    // Found by the CKAN importer fuzz target: a title of ~9000 "<A>" lost its record.
    const text = `Parks ${"<A>".repeat(20_000)}deep`;
    expect(htmlToPlainText(text)).toMatch(/^Parks/);
    expect(htmlToPlainText(`<div>${"<span>".repeat(50)}Paved roads</div>`)).toBe("Paved roads");
  });
});

describe("readableDataset", () => {
  it("stores every text a person reads as plain text", () => {
    const dataset = readableDataset(
      datasetFixture({
        key: "k",
        title: "Parks &amp; Pools",
        description: "<p>All <b>parks</b></p>",
        descriptionText: "",
        keywords: ["<b>parks</b>"],
        publisher: "<span>City</span>",
        contactName: "Parks &amp; Rec",
        contactEmail: "a@b.org",
        licenseTitle: "<p>To be added.</p>",
        columns: [{ name: "NAME", fieldName: null, type: null, description: "<i>the</i> name" }],
        usageNotes: ["<p>Use &quot;freely&quot;</p>"],
        extras: { note: "<b>x</b>" },
      }),
    );
    expect(dataset).toMatchObject({
      title: "Parks & Pools",
      description: "All parks",
      descriptionText: "All parks",
      keywords: ["parks"],
      publisher: "City",
      contactName: "Parks & Rec",
      licenseTitle: "To be added.",
      columns: [{ description: "the name" }],
      usageNotes: ['Use "freely"'],
      extras: { note: "x" },
    });
  });
});
