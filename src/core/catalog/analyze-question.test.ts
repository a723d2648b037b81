import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "./analyze-question.js";
import { findSynonyms } from "./civic-synonyms.js";

const conceptWords = (question: string) =>
  analyzeQuestion(question).concepts.map((concept) => concept.words.join(" "));

describe("analyzeQuestion", () => {
  it("turns everyday words into concepts with the catalog's phrasings", () => {
    const { concepts } = analyzeQuestion("is there any data on rats??");
    expect(concepts).toHaveLength(1);
    expect(concepts[0]?.words).toEqual(["rats"]);
    expect(concepts[0]?.topic).toBe(true);
    expect(concepts[0]?.alternatives).toContainEqual(["rodent", "baiting"]);
  });

  it("keeps multi-word civic phrases together", () => {
    expect(conceptWords("bike lanes map pls")).toEqual(["bike lanes", "map"]);
    expect(analyzeQuestion("bike lanes").concepts[0]?.alternatives).toContainEqual(["bike", "route"]);
  });

  it("weighs the ask above the story around it", () => {
    const { concepts } = analyzeQuestion("any data on potholes? my street has been broken for months");
    const weight = (word: string) => concepts.find((concept) => concept.words.includes(word))?.weight;
    expect(weight("potholes")).toBeGreaterThan(weight("street") ?? 0);
    expect(weight("months")).toBeLessThan(1);
  });

  it('weighs a stated purpose ("for a community garden project") like a story, not like the ask', () => {
    const { concepts } = analyzeQuestion("looking for vacant lots data for a community garden project");
    const weight = (word: string) => concepts.find((concept) => concept.words.includes(word))?.weight ?? 0;
    expect(weight("garden")).toBeLessThan(1);
    expect(weight("project")).toBeLessThan(1);
    expect(weight("lots")).toBeGreaterThanOrEqual(1);
    // Without a purpose noun the words after "for" are the ask: "permits for a garden".
    expect(
      analyzeQuestion("permits for a garden").concepts.find((c) => c.words.includes("garden"))?.weight,
    ).toBe(1);
  });

  it("counts two phrasings of one idea once", () => {
    expect(conceptWords("trash and garbage pickup")).toEqual(["trash", "pickup"]);
  });

  it("leaves the field words out of the search", () => {
    expect(conceptWords("who maintains the street tree inventory?")).toEqual(["street tree", "inventory"]);
    expect(conceptWords("what license is the liquor store data under")).toEqual(["liquor store"]);
  });

  it("reads ZIP codes and school or fiscal years the way catalogs write them", () => {
    const zip = analyzeQuestion("covid cases in 60623").concepts.find(
      (concept) => concept.words[0] === "60623",
    );
    expect(zip?.alternatives).toContainEqual(["zip", "code"]);
    const year = analyzeQuestion("school boundaries for 2019-20").concepts.find((concept) =>
      concept.words.includes("2019"),
    );
    expect(year?.alternatives).toContainEqual(["sy1920"]);
  });

  it("collects asked formats and column wishes for field answers", () => {
    expect(analyzeQuestion("bus stops as a plain csv?").formats).toEqual(["CSV"]);
    expect(
      analyzeQuestion("what fields are in the tree data? is there species or height").columnAsks,
    ).toEqual([["species"], ["height"]]);
  });

  it("understands Spanish civic words", () => {
    const { intent, concepts } = analyzeQuestion("¿hay datos sobre baches?");
    expect(intent).toBe("find");
    expect(concepts[0]?.alternatives).toContainEqual(["pothole"]);
  });
});

describe("findSynonyms", () => {
  it("lets a long phrase skip one inserted word", () => {
    const [match] = findSynonyms(["lead", "water", "service", "lines"]);
    expect(match).toMatchObject({ start: 0, length: 4, skipped: [1] });
  });
});
