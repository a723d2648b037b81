import type { RequestContext } from "../bot/request-context.js";
import { lookupDataset, suggestDatasets } from "../catalog/lookup-dataset.js";
import type { Reply } from "../shared/card.js";
import { noticeCard } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { FormValues } from "../shared/form.js";
import type { Choice, CommandArgs } from "../shared/handlers.js";
import type { Showcase } from "./showcase.js";
import { showcaseForRequest } from "./showcase-access.js";

import { detailsForm, NEW_SHOWCASE } from "./showcase-form.js";
import { withdrawNumber, withdrawShowcaseByNumber } from "./withdraw-showcase.js";

/**
 * The way in: `/datadesk showcase` (Slack), `/showcase` (Discord, where the optional `dataset`
 * option autocompletes from the catalog and prefills step two) or `showcase` (console). And the
 * way back: "Edit and resubmit" in the DM asking for changes reopens the form as it was.
 * `showcase withdraw S3` takes one back (the text option is the only one the command has).
 */

/** "d:<dataset id>": a new showcase whose step two starts with this dataset. */
export const DATASET_CONTEXT = /^d:([0-9a-f-]{36})$/i;

export async function showcaseCommand(ctx: RequestContext, args: CommandArgs): Promise<Reply> {
  const name = typeof args.dataset === "string" ? args.dataset.trim() : "";
  if (name === "") return { kind: "form", form: detailsForm(ctx.t, NEW_SHOWCASE) };
  const withdraw = withdrawNumber(name);
  if (withdraw !== null) return withdrawShowcaseByNumber(ctx, withdraw);
  const dataset = await lookupDataset(ctx.deps, { name: name.slice(0, 200) }, ctx.community.id);
  if (!dataset) throw new DomainError("not_found", "catalog:datasetNotFound", { name });
  return { kind: "form", form: detailsForm(ctx.t, `d:${dataset.id}`) };
}

/** Titles as the person types; the value is the catalog key, so the pick is exact. */
export async function showcaseDatasetChoices(ctx: RequestContext, typed: string): Promise<Choice[]> {
  const suggestions = await suggestDatasets(ctx.deps, typed, ctx.community.id);
  return suggestions
    .filter((s) => s.key.length <= 100)
    .map((s) => ({ label: `${s.title} · ${s.catalog}`.slice(0, 100), value: s.key }));
}

/** Step one's values of a stored showcase, for the edit after "ask for changes". */
export function detailsValuesOf(showcase: Showcase): FormValues {
  return {
    title: showcase.title,
    summary: showcase.summary,
    link: showcase.link,
    image_url: showcase.imageUrl ?? "",
    team: showcase.team,
  };
}

/** The submitter's own showcase, waiting for their changes; null when that moment has passed. */
export async function showcaseToRevise(ctx: RequestContext, showcaseId: string): Promise<Showcase | null> {
  const showcase = await showcaseForRequest(ctx, showcaseId);
  if (showcase.submitterId !== ctx.actor.personId)
    throw new DomainError("forbidden", "showcases:errors.notYours");
  return showcase.status === "changes_requested" ? showcase : null;
}

/** "Edit and resubmit": step one again, holding what was sent. */
export async function reviseShowcase(ctx: RequestContext, showcaseId: string): Promise<Reply> {
  const showcase = await showcaseToRevise(ctx, showcaseId);
  if (!showcase) return { kind: "update", card: noticeCard(ctx.t("showcases:steps.notWaiting")) };
  return { kind: "form", form: detailsForm(ctx.t, showcase.id, detailsValuesOf(showcase)) };
}
