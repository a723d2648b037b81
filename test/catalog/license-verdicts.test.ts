import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createCatalogSourceReader } from "../../src/catalog-sources/index.js";
import {
  type LicenseFields,
  type LicenseVerdict,
  licenseVerdict,
} from "../../src/core/catalog/license-verdict.js";
import { realCatalogsDir, sharedCatalogs } from "../support/real-catalogs.js";

/**
 * Every distinct licence statement of every shared catalog, as imported (plain text), against
 * the verdict a careful reader gives it. A statement no row covers fails the test, so a new
 * catalog's licences are read and added here rather than answered by accident.
 */
const catalogs = sharedCatalogs;

type Expected = Pick<LicenseVerdict, "kind" | "commercial" | "attribution"> &
  Partial<Pick<LicenseVerdict, "name" | "shareAlike" | "rightsReserved" | "disclaimerOnly" | "creditTo">>;

const table: readonly { statement: RegExp; verdict: Expected }[] = [
  // Chicago's data.json and San Diego's "notspecified" state no licence.
  {
    statement: /^\[null,null,null\]$|"notspecified"/,
    verdict: { kind: "none", commercial: "unclear", attribution: "notStated" },
  },
  {
    statement: /"cc-by-4\.0"/,
    verdict: {
      kind: "known",
      name: "CC BY 4.0",
      commercial: "yes",
      attribution: "required",
      shareAlike: false,
    },
  },
  {
    statement: /"odc-pddl"/,
    verdict: { kind: "known", name: "ODC PDDL", commercial: "yes", attribution: "notRequired" },
  },
  {
    statement: /^\["cc-by",/,
    verdict: { kind: "known", name: "CC BY", commercial: "yes", attribution: "required" },
  },
  {
    statement: /"odc-odbl"/,
    verdict: { kind: "known", name: "ODbL", commercial: "yes", attribution: "required", shareAlike: true },
  },
  // "Other (Open)" says it is open, not on which terms: nothing to promise.
  { statement: /"other-open"/, verdict: { kind: "custom", commercial: "unclear", attribution: "notStated" } },
  {
    statement: /"other-pd"/,
    verdict: { kind: "known", name: "Public domain", commercial: "yes", attribution: "notRequired" },
  },
  {
    statement: /"uk-ogl"/,
    verdict: { kind: "known", name: "Open Government Licence", commercial: "yes", attribution: "required" },
  },
  {
    statement: /"cc-zero"|has waived all copyright/,
    verdict: { kind: "known", name: "CC0 1.0", commercial: "yes", attribution: "notRequired" },
  },
  {
    statement: /"cc-by-sa"/,
    verdict: {
      kind: "known",
      name: "CC BY-SA 4.0",
      commercial: "yes",
      attribution: "required",
      shareAlike: true,
    },
  },
  // Philadelphia: the City reserves all rights and grants nothing, so commercial use is for the City to say.
  {
    statement: /reserves all rights in the City's databases/,
    verdict: {
      kind: "custom",
      commercial: "unclear",
      attribution: "notStated",
      rightsReserved: true,
      disclaimerOnly: false,
    },
  },
  // Philadelphia's GIS disclaimer: no grant, no restriction, no credit clause.
  {
    statement: /makes no representation about the accuracy of any specific information in this GIS data/,
    verdict: { kind: "custom", commercial: "unclear", attribution: "notStated", disclaimerOnly: true },
  },
];

function statementOf(fields: LicenseFields): string {
  return JSON.stringify([fields.licenseId, fields.licenseTitle, fields.licenseUrl]);
}

describe("licence verdicts of every shared catalog", () => {
  const statements = new Map<string, LicenseFields>();
  beforeAll(async () => {
    const reader = createCatalogSourceReader();
    for (const [file, kind] of catalogs) {
      for await (const record of reader.read(path.join(realCatalogsDir, file), kind)) {
        if (record.ok !== true) continue;
        const { licenseId, licenseTitle, licenseUrl } = record.dataset;
        statements.set(statementOf(record.dataset), { licenseId, licenseTitle, licenseUrl });
      }
    }
  }, 60_000);

  it("finds the statements (more than the handful of standard licences)", () => {
    expect(statements.size).toBeGreaterThan(15);
  });

  it("gives each statement the verdict its table row says", () => {
    for (const [statement, fields] of statements) {
      const row = table.find((candidate) => candidate.statement.test(statement));
      expect(row, `no table row for ${statement.slice(0, 200)}`).toBeDefined();
      expect(licenseVerdict(fields), statement.slice(0, 200)).toMatchObject(row?.verdict ?? {});
    }
  });
});
