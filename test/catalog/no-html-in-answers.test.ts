import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderConsoleCard } from "../../src/adapters/console/console-renderer.js";
import { renderDiscordMessage } from "../../src/adapters/discord/discord-renderer.js";
import { renderMessage } from "../../src/adapters/slack/block-kit-renderer.js";
import { createCatalogSourceReader } from "../../src/catalog-sources/index.js";
import { analyzeQuestion } from "../../src/core/catalog/analyze-question.js";
import { answerCard, datasetCard } from "../../src/core/catalog/answer-card.js";
import type { AnswerCardOptions } from "../../src/core/catalog/answer-card-text.js";
import { type Answer, askQuestion } from "../../src/core/catalog/answer-dataset-question.js";
import { answerField } from "../../src/core/catalog/field-answer.js";
import { freshnessVerdict } from "../../src/core/catalog/freshness.js";
import type { FieldIntent } from "../../src/core/catalog/question-intent.js";
import { digestCard } from "../../src/core/digest/digest.js";
import type { Digest } from "../../src/core/digest/digest-types.js";
import { translator } from "../../src/core/i18n/translator.js";
import type { CatalogDataset } from "../../src/core/ports/dataset-search.js";
import type { Card } from "../../src/core/shared/card.js";
import { createCatalogStores } from "../../src/store/catalog/catalog-stores.js";
import { writeCatalogSync } from "../../src/store/catalog/catalog-sync-writer.js";
import { SqlDigestSource } from "../../src/store/digest/sql-digest-source.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { realCatalogsDir, sharedCatalogs } from "../support/real-catalogs.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

/**
 * No catalog markup reaches a person: every shared catalog is imported, every dataset's card and
 * field answers, every dev question's answer (and generated "who owns <title>"-style ones) and
 * the digest's catalog sections are rendered for Slack (Block Kit), Discord and the console, and
 * each rendering is scanned for an HTML tag or entity as the person would read it (after the
 * platform's own escaping is undone: Slack's &amp; &lt; &gt;, Discord's backslashes).
 */
const catalogs = sharedCatalogs;
const questionFiles = ["../shared/questions/dev.jsonl", "bench/questions/arcgis-hub-dev.jsonl"];
const IMPORTED_AT = new Date("2023-06-01T00:00:00Z");
/** Sync runs finish at the database's now(), and the gaps the asks record are dated by this clock. */
const started = new Date();

/**
 * An HTML element's tag (`<p>`, `</span>`, `<br />`, `<font size=5>`, `<o:p>`) or an entity
 * (`&quot;`, `&#8217;`, `&#x27;`). Element names, because the cards write "name <email>" and
 * "<https://…>" themselves.
 */
const ELEMENTS =
  "a|abbr|address|article|aside|b|big|blockquote|body|br|caption|center|cite|code|col|colgroup|dd|del|details|div|dl|dt|em|embed|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|label|li|link|main|meta|nav|noscript|o:p|object|ol|p|pre|q|s|script|section|small|span|strike|strong|style|sub|summary|sup|table|tbody|td|tfoot|th|thead|title|tr|tt|u|ul|var|wbr";
const TAG = new RegExp(`</?(?:${ELEMENTS})(?:\\s[^<>]*)?/?>`, "i");
const ENTITY = /&(?:[a-z][a-z0-9]{1,31}|#[0-9]{1,7}|#x[0-9a-f]{1,6});/i;

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/** What each platform shows, as the person reads it. */
function renderings(card: Card): Record<string, string[]> {
  const slack = strings(renderMessage(card)).map((text) =>
    text
      .replace(/\u200D/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&"),
  );
  const discord = strings(renderDiscordMessage(card)).map((text) => text.replace(/\\([^\w\s])/g, "$1"));
  const consoleText = [renderConsoleCard(card, { actionsHint: "" }).text];
  return { slack, discord, console: consoleText };
}

function leftovers(card: Card): string[] {
  return Object.entries(renderings(card)).flatMap(([platform, texts]) =>
    texts.flatMap((text) => {
      const found = TAG.exec(text) ?? ENTITY.exec(text);
      return found ? [`${platform}: …${text.slice(Math.max(0, found.index - 40), found.index + 40)}…`] : [];
    }),
  );
}

/** Questions that name a dataset, one per field, so every dataset's field answers are rendered. */
const fieldQuestions: readonly [FieldIntent, (title: string) => string][] = [
  ["owner", (title) => `who owns ${title}`],
  ["license", (title) => `license of ${title}? can i use it commercially`],
  ["freshness", (title) => `when was ${title} last updated`],
  ["formats", (title) => `is ${title} available as a shapefile or csv`],
  ["columns", (title) => `what columns does ${title} have`],
];
const generated: readonly ((title: string) => string)[] = [
  (title) => `tell me about ${title}`,
  ...fieldQuestions.map(([, question]) => question),
];

describe(`no HTML from a catalog in any answer, card or digest (${testDriver})`, () => {
  let db: TestDatabase;
  let stores: ReturnType<typeof createCatalogStores>;
  let communityId: string;
  const datasets: CatalogDataset[] = [];
  let rowCount = 0;
  const options: AnswerCardOptions = {
    t: translator("en"),
    locale: "en",
    now: IMPORTED_AT,
    offers: { problem: true, access: true },
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    communityId = (await db.prisma.community.findFirstOrThrow()).id;
    stores = createCatalogStores(db.sql, new FakeClock(started.toISOString()));
    const reader = createCatalogSourceReader();
    for (const [file, kind] of catalogs) {
      const location = path.join(realCatalogsDir, file);
      await writeCatalogSync(
        db.sql,
        { communityId, name: file, kind, location },
        reader.read(location, kind),
        IMPORTED_AT,
      );
    }
    const rows = await db.sql.query<{ key: string; catalog: string }>(
      `SELECT d."key", s."name" AS "catalog" FROM "Dataset" d JOIN "CatalogSource" s ON s."id" = d."sourceId"
        ORDER BY s."name", d."key"`,
    );
    rowCount = rows.length;
    for (const row of rows) {
      const dataset = await stores.datasetSearch.findByKey(communityId, row.key, row.catalog);
      if (dataset) datasets.push(dataset);
    }
  }, 120_000);
  afterAll(async () => {
    await db.drop();
  });

  it("imported every dataset of every shared catalog, markup included", () => {
    expect(datasets).toHaveLength(rowCount);
    expect(new Set(datasets.map((dataset) => dataset.catalog)).size).toBe(catalogs.length);
    expect(datasets.length).toBeGreaterThan(2200);
    // The scan is not vacuous: the files do hold markup, and the scanner sees it when it is left in.
    const raw = readFileSync(
      path.join(realCatalogsDir, "philadelphia-pa-arcgis-hub-2022-04-17.json"),
      "utf8",
    );
    expect(raw).toMatch(/<span/);
    const withMarkup = { ...datasets[0], description: "<p>Rows &quot;as is&quot;</p>" } as CatalogDataset;
    expect(leftovers(datasetCard(withMarkup, options))).toHaveLength(3);
  });

  it("renders every dataset's card and field answers without markup", () => {
    const found: string[] = [];
    for (const dataset of datasets) {
      found.push(...leftovers(datasetCard(dataset, options)));
      for (const [intent, question] of fieldQuestions) {
        const analysis = analyzeQuestion(question(dataset.title));
        const answer: Answer = {
          question: question(dataset.title),
          catalog: dataset.catalog,
          intent,
          confident: true,
          results: [{ dataset, score: 1 }],
          field: answerField(intent, dataset, analysis),
          missingTopics: [],
          nearMissTopics: [],
          analysis,
        };
        found.push(...leftovers(answerCard(answer, options)));
      }
    }
    expect(found.slice(0, 10)).toEqual([]);
  }, 120_000);

  it("answers the dev questions and questions naming each dataset without markup, found or not", async () => {
    const questions = questionFiles.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as { question: string; catalog: string }),
    );
    // One generated question per dataset of the smaller catalogs, each template in turn; every
    // tenth of Chicago's (the card test above already covers each of its datasets).
    datasets.forEach((dataset, index) => {
      if (dataset.catalog.startsWith("chicago") && index % 10 !== 0) return;
      const template = generated[index % generated.length];
      if (template)
        questions.push({ question: template(dataset.title).slice(0, 500), catalog: dataset.catalog });
    });
    const found: string[] = [];
    let notFound = 0;
    for (const { question, catalog } of questions) {
      const answer = await askQuestion(stores, { question, catalog }, communityId);
      if (!answer.confident) notFound += 1;
      found.push(...leftovers(answerCard(answer, options)).map((leftover) => `${question}: ${leftover}`));
    }
    expect(notFound).toBeGreaterThan(0);
    expect(found.slice(0, 10)).toEqual([]);
  }, 240_000);

  it("lists every changed, overdue and asked-about dataset in a digest without markup", async () => {
    const source = new SqlDigestSource(db.sql);
    const window = {
      communityId,
      start: new Date(started.getTime() - 86_400_000),
      end: new Date(Date.now() + 86_400_000),
    };
    const all = 10_000;
    const changes = await source.datasetChanges(window, all);
    const asOf = new Date("2024-06-01T00:00:00Z");
    const overdue = await source.overdueDatasets(communityId, asOf, all);
    const gaps = await source.metadataGaps(window, all);
    expect(changes.rows.length).toBeGreaterThanOrEqual(datasets.length - 782);
    expect(overdue.rows.length).toBeGreaterThan(0);
    // The asks above recorded gaps (no licence stated, no contact…).
    expect(gaps.rows.length).toBeGreaterThan(0);
    const digest: Digest = {
      communityId,
      communityName: "Test Community",
      timezone: "UTC",
      week: { isoWeek: "2023-W22", start: window.start, end: window.end },
      audience: { kind: "champions" },
      sections: [
        {
          key: "datasetChanges",
          total: changes.total,
          added: changes.added,
          updated: 0,
          items: changes.rows,
        },
        {
          key: "overdueDatasets",
          total: overdue.total,
          items: overdue.rows.flatMap((row) => {
            const verdict = freshnessVerdict(row.modified, row.accrualPeriodicity, asOf);
            return verdict.kind === "overdue" ? [{ ...row, overdueDays: verdict.overdueDays }] : [];
          }),
        },
        { key: "metadataGaps", total: gaps.total, items: gaps.rows },
      ],
    };
    expect(leftovers(digestCard(digest, translator("en")))).toEqual([]);
  }, 60_000);
});
