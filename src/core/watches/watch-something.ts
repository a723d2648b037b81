import type { RequestContext } from "../bot/request-context.js";
import { lookupDataset, suggestDatasets } from "../catalog/lookup-dataset.js";
import { invocationOf } from "../commands/invocation.js";
import type { Watch, WatchKind } from "../ports/watch-store.js";

import { type Card, ephemeral, noticeCard, type Reply } from "../shared/card.js";
import type { Choice } from "../shared/handlers.js";

/** What `watch …` was asked to watch, read from the typed text. */
export type WatchRequest =
  | { kind: "dataset"; reference: string }
  | { kind: "topic" | "words"; target: string }
  | { kind: "empty" };

const QUOTED = /^["“”«](.+)["“”»]$/s;

/** `topic <topic>` → a topic; `"words"` in quotes → saved words; anything else → a dataset. */
export function parseWatchText(text: string): WatchRequest {
  const typed = text.trim().replace(/\s+/g, " ").slice(0, 200);
  if (typed === "") return { kind: "empty" };
  const topic = /^(?:topic|tema) (.+)$/i.exec(typed)?.[1]?.trim();
  if (topic) return { kind: "topic", target: topic.toLowerCase() };
  const words = QUOTED.exec(typed)?.[1]?.trim();
  if (words) return { kind: "words", target: words.toLowerCase() };
  return { kind: "dataset", reference: typed };
}

export async function watchCommand(ctx: RequestContext, text: string): Promise<Reply> {
  const request = parseWatchText(text);
  const invocation = invocationOf(ctx.identity.platform, "watch");
  if (request.kind === "empty") return ephemeral(noticeCard(ctx.t("watches:usage", { invocation })));
  if (request.kind === "dataset") {
    const dataset = await lookupDataset(ctx.deps, { name: request.reference }, ctx.community.id);
    if (!dataset)
      return ephemeral(
        noticeCard(
          ctx.t("watches:datasetNotFound", {
            reference: request.reference,
            dataset: invocationOf(ctx.identity.platform, "dataset"),
          }),
          "warning",
        ),
      );
    return watchDatasetById(ctx, dataset.id, dataset.title);
  }
  return addWatch(ctx, request.kind, request.target, null, request.target);
}

/** The Watch button on a dataset card carries the dataset's id. */
export async function watchDatasetButton(ctx: RequestContext, datasetId: string): Promise<Reply> {
  const dataset = /^[0-9a-f-]{36}$/i.test(datasetId)
    ? await ctx.deps.datasetLookup.byId(ctx.community.id, datasetId)
    : null;
  if (!dataset)
    return ephemeral(
      noticeCard(
        ctx.t("watches:datasetNotFound", {
          reference: datasetId.slice(0, 40),
          dataset: invocationOf(ctx.identity.platform, "dataset"),
        }),
        "warning",
      ),
    );
  return watchDatasetById(ctx, dataset.id, dataset.title);
}

function watchDatasetById(ctx: RequestContext, datasetId: string, title: string): Promise<Reply> {
  return addWatch(ctx, "dataset", datasetId, datasetId, title);
}

async function addWatch(
  ctx: RequestContext,
  kind: WatchKind,
  target: string,
  datasetId: string | null,
  shown: string,
): Promise<Reply> {
  const { created } = await ctx.deps.watches.add(
    { communityId: ctx.community.id, personId: ctx.actor.personId, kind, target, datasetId },
    ctx.deps.clock.now(),
  );
  if (!created) return ephemeral(noticeCard(ctx.t("watches:alreadyWatching")));
  return ephemeral(noticeCard(ctx.t(`watches:watching.${kind}`, { title: shown, target: shown }), "success"));
}

function watchLine(ctx: RequestContext, watch: Watch): string {
  if (watch.kind === "dataset")
    return ctx.t("watches:list.dataset", {
      title: watch.datasetTitle ?? ctx.t("watches:list.removedDataset"),
    });
  return ctx.t(`watches:list.${watch.kind}`, { target: watch.target });
}

/** At most what one actions block holds on Slack. */
const MAX_LISTED = 25;

export async function watchesCard(ctx: RequestContext): Promise<Card> {
  const watches = (await ctx.deps.watches.list(ctx.community.id, ctx.actor.personId)).slice(0, MAX_LISTED);
  const invocation = invocationOf(ctx.identity.platform, "watch");
  if (watches.length === 0) return noticeCard(ctx.t("watches:list.empty", { invocation }));
  const title = ctx.t("watches:list.title");
  return {
    fallbackText: title,
    blocks: [
      { type: "header", text: title },
      { type: "list", items: watches.map((watch) => [watchLine(ctx, watch)]) },
      {
        type: "actions",
        actions: watches.map((watch) => ({
          kind: "button" as const,
          actionId: "watch.remove",
          label: `${ctx.t("watches:buttons.stop")}: ${watchLine(ctx, watch)}`.slice(0, 75),
          value: watch.id,
        })),
      },
    ],
  };
}

export async function watchesCommand(ctx: RequestContext): Promise<Reply> {
  return ephemeral(await watchesCard(ctx));
}

/** "Stop watching": the list is shown again without it. */
export async function removeWatch(ctx: RequestContext, watchId: string): Promise<Reply> {
  const removed = /^[0-9a-f-]{36}$/i.test(watchId)
    ? await ctx.deps.watches.remove(ctx.community.id, ctx.actor.personId, watchId)
    : false;
  return {
    kind: "update",
    card: await watchesCard(ctx),
    notice: noticeCard(ctx.t(removed ? "watches:removed" : "watches:alreadyRemoved")),
  };
}

/** Discord autocomplete for `watch`: datasets by title (topics and quoted words are typed). */
export async function watchChoices(ctx: RequestContext, text: string): Promise<Choice[]> {
  const request = parseWatchText(text);
  if (request.kind !== "dataset") return [];
  const suggestions = await suggestDatasets(ctx.deps, request.reference, ctx.community.id);
  return suggestions
    .filter((s) => s.key.length <= 100)
    .map((s) => ({ label: `${s.title} · ${s.catalog}`.slice(0, 100), value: s.key }));
}
