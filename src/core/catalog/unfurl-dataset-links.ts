import type { RequestContext } from "../bot/request-context.js";
import type { Card } from "../shared/card.js";
import { datasetCard } from "./answer-card.js";
import { type ActionRegistry, cardOptions } from "./dataset-answer-commands.js";

/** Platforms unfurl a handful of links per message; more is someone pasting a list. */
export const MAX_UNFURLED_LINKS = 5;

/**
 * Previews for catalog links someone shared in a conversation (Slack `link_shared`): each link
 * that points at a current dataset of the community gets that dataset's card, so people see
 * freshness, contact and license without leaving the chat. Links we don't know are left alone.
 */
export async function unfurlDatasetLinks(
  ctx: RequestContext,
  urls: readonly string[],
  actions: ActionRegistry,
): Promise<Record<string, Card>> {
  const unique = [
    ...new Set(urls.map((url) => url.trim()).filter((url) => url.length > 0 && url.length <= 2000)),
  ];
  const cards: Record<string, Card> = {};
  for (const url of unique.slice(0, MAX_UNFURLED_LINKS)) {
    const dataset = await ctx.deps.datasetSearch.findByLink(ctx.community.id, url);
    if (dataset) cards[url] = datasetCard(dataset, cardOptions(ctx, actions));
  }
  return cards;
}
