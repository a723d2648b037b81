import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { z } from "zod";
import { renderConsoleCard } from "../adapters/console/console-renderer.js";
import { actionHandlers } from "../core/bot/routes.js";
import { answerCard } from "../core/catalog/answer-card.js";
import { type Answer, askQuestion } from "../core/catalog/answer-dataset-question.js";
import type { LicenseVerdict } from "../core/catalog/license-verdict.js";
import { translator } from "../core/i18n/translator.js";
import { isDomainError } from "../core/shared/domain-error.js";
import {
  type CatalogCliContext,
  CatalogCliError,
  explainDomainError,
  explainingDomainErrors,
} from "./catalog/catalog-cli-context.js";

/**
 * `datadesk ask [--catalog NAME] [--json] "<question>"` and `datadesk ask --json --batch FILE.jsonl`.
 * The JSON shape is a contract (the answer eval and other tools read it):
 *   {"id"?, "intent", "confident", "results": [{"key", "title", "score"}], "answer": {"field", "value", …} | null}
 * where `key` is the catalog's own key and `answer` is set for field questions answered confidently.
 */
export interface AskCliOptions {
  catalog?: string;
  json?: boolean;
  batch?: string;
}

export interface AskJson {
  id?: string;
  question: string;
  intent: string;
  confident: boolean;
  results: { key: string; title: string; catalog: string; score: number }[];
  answer: {
    field: string;
    value: string | null;
    items: string[];
    asked: { asked: string; present: boolean; matches: string[]; url?: string | null }[];
    /** For licence questions: commercial use, credit, share-alike… (see license-verdict.ts). */
    license?: LicenseVerdict;
  } | null;
  /** Civic topics of the question no dataset mentions, when that is why it abstained. */
  missingTopics: string[];
  /** The asked topics the closest match lacks, when it is a near miss (probably not it). */
  nearMissTopics?: string[];
}

export function answerJson(answer: Answer, id?: string): AskJson {
  return {
    ...(id !== undefined ? { id } : {}),
    question: answer.question,
    intent: answer.intent,
    confident: answer.confident,
    results: answer.results.map((result) => ({
      key: result.dataset.key,
      title: result.dataset.title,
      catalog: result.dataset.catalog,
      score: Math.round(result.score * 10_000) / 10_000,
    })),
    answer: answer.field
      ? {
          field: answer.field.field,
          value: answer.field.value,
          items: answer.field.items,
          asked: answer.field.asked,
          ...(answer.field.license ? { license: answer.field.license } : {}),
        }
      : null,
    missingTopics: answer.missingTopics,
    ...(answer.nearMissTopics.length > 0 ? { nearMissTopics: answer.nearMissTopics } : {}),
  };
}

const batchLineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  question: z.string(),
  catalog: z.string().nullish(),
});

function ask(ctx: CatalogCliContext, question: string, catalog: string | null | undefined): Promise<Answer> {
  return askQuestion(ctx.deps, { question, catalog: catalog ?? null }, ctx.communityId);
}

export async function askCliCommand(
  ctx: CatalogCliContext,
  words: string[],
  options: AskCliOptions,
): Promise<void> {
  if (options.batch !== undefined) return askBatch(ctx, options.batch, options.catalog);
  const question = words.join(" ").trim();
  if (question === "")
    throw new CatalogCliError('Give a question, e.g. datadesk ask "is there data on bike lanes?"');
  const answer = await explainingDomainErrors(() => ask(ctx, question, options.catalog));
  if (options.json) {
    ctx.streams.stdout.write(`${JSON.stringify(answerJson(answer))}\n`);
    return;
  }
  const community = await ctx.deps.people.communityForWorkspace("console", "local");
  const t = translator(community.locale);
  const card = answerCard(answer, {
    t,
    locale: community.locale,
    now: ctx.deps.clock.now(),
    offers: { problem: "problem.start" in actionHandlers, access: "access.start" in actionHandlers },
  });
  ctx.streams.stdout.write(`${renderConsoleCard(card, { actionsHint: "" }).text}\n`);
}

/** One JSON line out per line in; a bad line or an unknown catalog is an `error` line, not the end. */
async function askBatch(
  ctx: CatalogCliContext,
  file: string,
  defaultCatalog: string | undefined,
): Promise<void> {
  const lines = createInterface({
    input: createReadStream(file, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === "") continue;
    let id = `line-${number}`;
    try {
      const parsed = batchLineSchema.parse(JSON.parse(line));
      id = parsed.id;
      const answer = await ask(ctx, parsed.question, parsed.catalog ?? defaultCatalog);
      ctx.streams.stdout.write(`${JSON.stringify(answerJson(answer, id))}\n`);
    } catch (error) {
      const message = isDomainError(error)
        ? explainDomainError(error)
        : error instanceof z.ZodError || error instanceof SyntaxError
          ? `line ${number} is not {"id", "question", "catalog"?}: ${error.message}`
          : null;
      if (message === null) throw error;
      ctx.streams.stdout.write(`${JSON.stringify({ id, error: message })}\n`);
    }
  }
}
