import { describe, expect, it } from "vitest";
import { contentWords, normalizeText, singular, splitClauses } from "./question-text.js";

describe("normalizeText", () => {
  it("lower-cases, folds accents, joins apostrophes and drops punctuation and emoji", () => {
    expect(normalizeText("Is there ANY data on rats?? 🐀🐀")).toBe("is there any data on rats");
    expect(normalizeText("¿Hay datos de ciclovías en Bogotá?")).toBe("hay datos de ciclovias en bogota");
    expect(normalizeText("who's the contact — don't know")).toBe("whos the contact dont know");
    expect(normalizeText("lat/long, uber/lyft & 3-4-50")).toBe("lat long uber lyft 3 4 50");
  });
});

describe("splitClauses", () => {
  it("splits where the thought changes and remembers which parts were questions", () => {
    expect(splitClauses("is there data on rats?? my alley is infested. thanks")).toEqual([
      { text: "is there data on rats", question: true },
      { text: "my alley is infested", question: false },
      { text: "thanks", question: false },
    ]);
    expect(splitClauses("ward map - what ward am i in?")).toEqual([
      { text: "ward map", question: false },
      { text: "what ward am i in", question: true },
    ]);
  });

  it("keeps abbreviations and numbers with dots inside a clause", () => {
    expect(splitClauses("e.coli levels at 3.5 miles")).toHaveLength(1);
  });
});

describe("contentWords", () => {
  it("drops question words and chat filler in English and Spanish", () => {
    expect(contentWords(normalizeText("hey is there any data on potholes pls"))).toEqual(["potholes"]);
    expect(contentWords(normalizeText("hola, ¿dónde puedo encontrar datos sobre baches?"))).toEqual([
      "baches",
    ]);
  });

  it("keeps numbers, even one digit, and drops lone letters", () => {
    expect(contentWords("covid 19 in 60623 a b")).toEqual(["covid", "19", "60623"]);
  });
});

describe("singular", () => {
  it("folds common English plurals and leaves short words and numbers alone", () => {
    expect(["rats", "libraries", "inspections", "boxes", "bus", "311s", "gas"].map(singular)).toEqual([
      "rat",
      "library",
      "inspection",
      "box",
      "bus",
      "311s",
      "gas",
    ]);
  });
});
