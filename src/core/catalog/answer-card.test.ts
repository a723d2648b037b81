import { describe, expect, it } from "vitest";
import { translator } from "../i18n/translator.js";
import type { CatalogDataset } from "../ports/dataset-search.js";
import { type Card, cardSchema, plainText } from "../shared/card.js";
import { analyzeQuestion } from "./analyze-question.js";
import { answerCard, datasetCard } from "./answer-card.js";
import { type AnswerCardOptions, summaryOf } from "./answer-card-text.js";
import type { Answer } from "./answer-dataset-question.js";
import { answerField } from "./field-answer.js";

const restricted: CatalogDataset = {
  id: "6f1c1d2e-8a4b-4c1e-9d3f-0a1b2c3d4e5f",
  key: "https://data.example.org/api/views/abcd-1234",
  catalog: "city",
  title: "Lead Service Lines <!channel> @everyone",
  description: "<p>Every known lead service line, by address.</p> Updated weekly. More detail here.",
  keywords: [],
  themes: [],
  publisher: "Water Department",
  contactName: null,
  contactEmail: "water@example.org",
  licenseId: null,
  licenseTitle: null,
  licenseUrl: null,
  issued: null,
  modified: new Date("2020-06-01T00:00:00Z"),
  accrualPeriodicity: "R/P1W",
  accessLevel: "restricted public",
  landingPage: "https://data.example.org/d/abcd-1234",
  distributions: [{ title: null, format: "CSV", mediaType: "text/csv", url: null, isApi: false }],
  columns: [],
  usageNotes: ["Addresses are approximate.", ""],
};

function options(overrides: Partial<AnswerCardOptions> = {}): AnswerCardOptions {
  return {
    t: translator("en"),
    locale: "en",
    now: new Date("2020-07-01T00:00:00Z"),
    offers: { problem: false, access: false },
    ...overrides,
  };
}

function answerFor(question: string, dataset: CatalogDataset | null, confident = true): Answer {
  const analysis = analyzeQuestion(question);
  const intent = analysis.intent;
  return {
    question,
    catalog: null,
    intent: confident ? intent : "none",
    confident,
    results: dataset ? [{ dataset, score: 0.8 }] : [],
    field: confident && dataset && intent !== "find" ? answerField(intent, dataset, analysis) : null,
    missingTopics: confident ? [] : ["lead pipes"],
    nearMissTopics: [],
    analysis,
  };
}

const text = (card: Card) =>
  card.blocks
    .map((block) => {
      if (block.type === "header") return block.text;
      if (block.type === "section" || block.type === "context") return plainText(block.text);
      if (block.type === "fields")
        return block.fields.map((f) => `${f.label}: ${plainText(f.value)}`).join("\n");
      if (block.type === "list") return block.items.map(plainText).join("\n");
      return "";
    })
    .join("\n");

describe("answer cards", () => {
  it("keeps catalog text as plain data segments, so mentions stay inert", () => {
    const card = datasetCard(restricted, options());
    expect(cardSchema.parse(card)).toEqual(card);
    expect(card.blocks[0]).toEqual({ type: "header", text: restricted.title });
    expect(summaryOf(restricted.description)).toBe("Every known lead service line, by address.");
  });

  it("puts the asked field first and says how overdue the data is", () => {
    const card = answerCard(answerFor("is the lead service lines data up to date?", restricted), options());
    const lines = text(card).split("\n");
    expect(lines[1]).toBe("Updated: 2020-06-01: overdue by 23 days (it should be updated every 1 week)");
    expect(text(card)).toContain("License: not stated");
    // The asked field is said once, not again among the dataset's fields.
    expect(text(card).match(/Updated/g)).toHaveLength(1);
    expect(text(card)).toContain("Addresses are approximate.");
  });

  it("offers follow-up buttons only for registered actions, with short references", () => {
    const none = answerCard(answerFor("lead service lines", restricted), options());
    expect(none.blocks.at(-1)).toEqual({
      type: "actions",
      actions: [{ kind: "link", label: "Open in the catalog", url: "https://data.example.org/d/abcd-1234" }],
    });
    const all = answerCard(
      answerFor("lead service lines", restricted),
      options({ offers: { problem: true, access: true } }),
    );
    const actions = all.blocks.at(-1);
    expect(
      actions?.type === "actions" && actions.actions.map((a) => (a.kind === "button" ? a.actionId : a.kind)),
    ).toEqual(["link", "access.start", "problem.start"]);
    expect(cardSchema.parse(all)).toEqual(all);
  });

  it("says plainly when nothing answers, names what is missing and suggests filing a problem", () => {
    const card = answerCard(
      answerFor("lead pipes under my house", restricted, false),
      options({ offers: { problem: true, access: true } }),
    );
    expect(text(card)).toContain("I couldn't find that in the catalog");
    expect(text(card)).toContain("Nothing in it mentions “lead pipes”.");
    expect(text(card)).toContain("The closest matches, which probably don't answer it:");
    expect(card.blocks.at(-1)).toEqual({
      type: "actions",
      actions: [{ kind: "button", actionId: "problem.start", label: "File a problem", value: "" }],
    });
  });

  it("offers a near miss as the closest match, probably not it, in English and Spanish", () => {
    const nearMiss: Answer = {
      ...answerFor("number of bus riders by route", restricted, false),
      missingTopics: [],
      nearMissTopics: ["ridership"],
    };
    const english = text(answerCard(nearMiss, options()));
    expect(english).toContain("I couldn't find that in the catalog");
    expect(english).toContain(
      "The closest match, “Lead Service Lines <!channel> @everyone”, shares words with your question but is not about “ridership”: probably not it.",
    );
    expect(english).not.toContain("The closest matches, which probably don't answer it:");
    expect(english).toContain("Lead Service Lines");
    const spanish = text(answerCard(nearMiss, options({ t: translator("es"), locale: "es" })));
    expect(spanish).toContain("no trata de «ridership»: probablemente no es eso.");
  });

  it("speaks Spanish, dates included", () => {
    const card = answerCard(
      answerFor("¿están actualizados los datos de lead service lines?", restricted),
      options({ t: translator("es"), locale: "es" }),
    );
    expect(text(card)).toContain("con 23 días de retraso (debería actualizarse cada 1 semana)");
  });
});
