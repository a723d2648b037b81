import type { RequestContext } from "../bot/request-context.js";
import { invocationOf } from "../commands/invocation.js";
import { type Card, ephemeral, type Reply } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { Choice, CommandArgs } from "../shared/handlers.js";
import { answerCard, datasetCard } from "./answer-card.js";
import type { AnswerCardOptions } from "./answer-card-text.js";
import { askQuestion, MAX_QUESTION_LENGTH } from "./answer-dataset-question.js";
import { lookupDataset, suggestDatasets } from "./lookup-dataset.js";

/**
 * Chat commands for dataset answers: `ask` (and free text, so a DM or a mention is a question),
 * `dataset` (one dataset's card) and their autocomplete. `actions` is the registry of button
 * handlers: follow-up buttons (file a problem, request access) appear only when registered.
 */
export type ActionRegistry = Readonly<Record<string, unknown>>;

export function cardOptions(ctx: RequestContext, actions: ActionRegistry): AnswerCardOptions {
  return {
    t: ctx.t,
    locale: ctx.actor.locale,
    now: ctx.deps.clock.now(),
    offers: {
      problem: "problem.start" in actions,
      access: "access.start" in actions,
      watch: "watch.dataset" in actions,
    },
  };
}

/** How many published showcases used the dataset, with links to the newest few (one indexed query). */
async function usedIn(ctx: RequestContext, datasetId: string): Promise<Pick<AnswerCardOptions, "showcases">> {
  return { showcases: await ctx.deps.showcases.publishedForDataset(ctx.community.id, datasetId, 3) };
}

function text(args: CommandArgs, name: string): string {
  const value = args[name];
  return typeof value === "string" ? value.trim() : "";
}

async function answer(
  ctx: RequestContext,
  question: string,
  catalog: string | null,
  actions: ActionRegistry,
): Promise<Card> {
  // A community that has not imported its catalog yet should hear that, not "not found".
  if ((await ctx.deps.datasetSearch.catalogNames(ctx.community.id)).length === 0) return noCatalogCard(ctx);
  const result = await askQuestion(
    { datasetSearch: ctx.deps.datasetSearch, metadataGaps: ctx.deps.metadataGaps },
    { question, catalog },
    ctx.community.id,
  );
  ctx.deps.logger.debug({ intent: result.intent, confident: result.confident }, "answered a question");
  const best = result.confident ? result.results[0]?.dataset : undefined;
  return answerCard(result, { ...cardOptions(ctx, actions), ...(best ? await usedIn(ctx, best.id) : {}) });
}

function noCatalogCard(ctx: RequestContext): Card {
  const title = ctx.t("catalog:noCatalog.title");
  return {
    fallbackText: title,
    accent: "warning",
    blocks: [
      { type: "header", text: title },
      { type: "section", text: [ctx.t("catalog:noCatalog.body")] },
      { type: "section", text: [{ text: "datadesk catalog import <file-or-url>", style: "code" }] },
    ],
  };
}

export async function askCommand(
  ctx: RequestContext,
  args: CommandArgs,
  actions: ActionRegistry,
): Promise<Reply> {
  const question = text(args, "question");
  if (question === "") {
    const example = `${invocationOf(ctx.identity.platform, "ask")} ${ctx.t("catalog:examples.ask")}`;
    const hint = ctx.t("catalog:emptyQuestion", { example });
    return ephemeral({ fallbackText: hint, blocks: [{ type: "section", text: [hint] }] });
  }
  return ephemeral(await answer(ctx, question, text(args, "catalog") || null, actions));
}

/**
 * A message that is not a command is a question. Answered in the open: in a channel, whoever
 * sees the question benefits from the answer. Overlong messages are cut, not refused.
 */
export async function askFreeText(
  ctx: RequestContext,
  message: string,
  actions: ActionRegistry,
): Promise<Reply> {
  const card = await answer(ctx, message.trim().slice(0, MAX_QUESTION_LENGTH), null, actions);
  return { kind: "card", card, visibility: "public" };
}

export async function datasetCommand(
  ctx: RequestContext,
  args: CommandArgs,
  actions: ActionRegistry,
): Promise<Reply> {
  const name = text(args, "name");
  const dataset = await lookupDataset(ctx.deps, { name }, ctx.community.id);
  if (!dataset) throw new DomainError("not_found", "catalog:datasetNotFound", { name });
  return ephemeral(
    datasetCard(dataset, { ...cardOptions(ctx, actions), ...(await usedIn(ctx, dataset.id)) }),
  );
}

/** "Food Insp" → Food Inspections and friends; the value is the key, so the pick is exact. */
export async function datasetChoices(ctx: RequestContext, typed: string): Promise<Choice[]> {
  const suggestions = await suggestDatasets(ctx.deps, typed, ctx.community.id);
  return suggestions
    .filter((suggestion) => suggestion.key.length <= 100)
    .map((suggestion) => ({
      label: `${suggestion.title} · ${suggestion.catalog}`.slice(0, 100),
      value: suggestion.key,
    }));
}

export async function catalogChoices(ctx: RequestContext, typed: string): Promise<Choice[]> {
  const wanted = typed.trim().toLowerCase();
  const names = await ctx.deps.datasetSearch.catalogNames(ctx.community.id);
  return names
    .filter((name) => name.toLowerCase().includes(wanted) && name.length <= 100)
    .slice(0, 25)
    .map((name) => ({ label: name, value: name }));
}
