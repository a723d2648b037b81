import { describe, expect, it } from "vitest";
import { CatalogSourceError, catalogSourceErrorCodes } from "../../catalog-sources/catalog-source-error.js";
import { isDomainError } from "../shared/domain-error.js";
import {
  catalogSourceFailureCodes,
  catalogSourceFailureOf,
  withSourceFailuresExplained,
} from "./catalog-source-failure.js";

describe("catalog source failures as the core sees them", () => {
  it("knows exactly the reader's error codes", () => {
    expect([...catalogSourceFailureCodes]).toEqual([...catalogSourceErrorCodes]);
  });

  it("finds the reader's error anywhere in a cause chain, and nothing in other errors", () => {
    const source = new CatalogSourceError("not_found", "x.json", "There is no catalog file at x.json.");
    const wrapped = new Error("sync failed", { cause: new Error("middle", { cause: source }) });
    expect(catalogSourceFailureOf(wrapped)).toEqual({ code: "not_found", message: source.message });
    expect(catalogSourceFailureOf(new Error("connection refused"))).toBeNull();
    expect(catalogSourceFailureOf("a string")).toBeNull();
    const lookalike = Object.assign(new Error("x"), { code: "ECONNRESET" });
    lookalike.name = "CatalogSourceError";
    expect(catalogSourceFailureOf(lookalike)).toBeNull();
  });

  it("turns a source failure into one explaining DomainError and lets other errors through", async () => {
    const source = new CatalogSourceError("not_a_catalog", "a.json", "a.json is not a catalog.");
    const error = await withSourceFailuresExplained(() => Promise.reject(source)).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe("invalid_input");
    expect(isDomainError(error) && error.params).toEqual({ detail: "a.json is not a catalog." });
    const outage = new Error("database is down");
    await expect(withSourceFailuresExplained(() => Promise.reject(outage))).rejects.toBe(outage);
  });
});
