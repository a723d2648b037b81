import MiniSearch from "minisearch";
import type { AskJson } from "../src/cli/ask-command.js";
import { analyzeQuestion } from "../src/core/catalog/analyze-question.js";
import { answerField } from "../src/core/catalog/field-answer.js";
import { isFieldIntent } from "../src/core/catalog/question-intent.js";
import type { DatasetSearch } from "../src/core/ports/dataset-search.js";
import type { SqlExecutor } from "../src/store/sql-executor.js";

/**
 * The two baselines the answer engine must beat, answering in the same JSON shape:
 *  - Postgres full text over title + description: the question's words (plainto_tsquery's
 *    lexemes) ORed, ts_rank, no field weights, synonyms or threshold ("confident" = anything
 *    matched). ORed like MiniSearch's default: plainto_tsquery alone ANDs every word, so a
 *    conversational question matches (almost) nothing and the baseline would measure that, not
 *    full-text ranking;
 *  - MiniSearch with default options over title + description ("confident" = any result).
 * Both reuse datadesk's intent detection and field extraction on their top result, so the
 * comparison isolates retrieval and confidence.
 */
export type Ranker = (
  question: string,
  catalog: string,
) => Promise<{ key: string; title: string; score: number }[]>;

export function postgresFullTextRanker(sql: Pick<SqlExecutor, "query">): Ranker {
  return (question, catalog) =>
    sql.query<{ key: string; title: string; score: number }>(
      `SELECT d."key", d."title", ts_rank(to_tsvector('english', d."title" || ' ' || coalesce(d."descriptionText", '')), q) AS "score"
         FROM "Dataset" d JOIN "CatalogSource" s ON s."id" = d."sourceId",
              CAST(replace(CAST(plainto_tsquery('english', $2) AS text), ' & ', ' | ') AS tsquery) AS q
        WHERE s."name" = $1 AND d."removedAt" IS NULL
          AND to_tsvector('english', d."title" || ' ' || coalesce(d."descriptionText", '')) @@ q
        ORDER BY "score" DESC, d."title" LIMIT 10`,
      [catalog, question],
    );
}

export async function miniSearchRanker(sql: Pick<SqlExecutor, "query">): Promise<Ranker> {
  const rows = await sql.query<{ key: string; title: string; description: string; catalog: string }>(
    `SELECT d."key", d."title", d."descriptionText" AS "description", s."name" AS "catalog"
       FROM "Dataset" d JOIN "CatalogSource" s ON s."id" = d."sourceId" WHERE d."removedAt" IS NULL`,
  );
  const indexes = new Map<string, MiniSearch<{ key: string; title: string; description: string }>>();
  for (const row of rows) {
    let index = indexes.get(row.catalog);
    if (!index) {
      index = new MiniSearch({ idField: "key", fields: ["title", "description"], storeFields: ["title"] });
      indexes.set(row.catalog, index);
    }
    index.add(row);
  }
  return async (question, catalog) =>
    (indexes.get(catalog)?.search(question) ?? [])
      .slice(0, 10)
      .map((hit) => ({ key: String(hit.id), title: String(hit.title), score: hit.score }));
}

export async function baselineAnswer(
  ranker: Ranker,
  search: DatasetSearch,
  communityId: string,
  question: { id: string; question: string; catalog: string },
): Promise<AskJson> {
  const results = await ranker(question.question, question.catalog);
  const analysis = analyzeQuestion(question.question);
  const confident = results.length > 0;
  const top = results[0] ? await search.findByKey(communityId, results[0].key, question.catalog) : null;
  const field =
    confident && top && isFieldIntent(analysis.intent) ? answerField(analysis.intent, top, analysis) : null;
  return {
    id: question.id,
    question: question.question,
    intent: confident ? analysis.intent : "none",
    confident,
    results: results.map((result) => ({ ...result, catalog: question.catalog })),
    answer: field ? { field: field.field, value: field.value, items: field.items, asked: field.asked } : null,
    missingTopics: [],
  };
}
