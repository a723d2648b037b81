import { describe, expect, it } from "vitest";
import { resources } from "./resources.js";
import { translator } from "./translator.js";

function leaves(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value))
      for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  const en = leaves(resources.en);
  const es = leaves(resources.es);

  it("has the same keys in English and Spanish", () => {
    expect([...es.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it("uses the same placeholders in both languages", () => {
    for (const [key, text] of en) expect(placeholders(es.get(key) ?? ""), key).toEqual(placeholders(text));
  });

  it("has no empty or untranslated-looking Spanish strings", () => {
    for (const [key, text] of es) expect(text.trim(), key).not.toBe("");
  });

  it("falls back to English for an unknown language and interpolates without HTML escaping", () => {
    expect(translator("fr")("help:title")).toBe(translator("en")("help:title"));
    expect(translator("en")("errors:unknownCommand", { name: "<b>&", helpCommand: "help" })).toContain(
      "<b>&",
    );
  });
});
