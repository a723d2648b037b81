import type { RequestContext } from "../bot/request-context.js";
import { lookupDataset, suggestDatasets } from "../catalog/lookup-dataset.js";
import { invocationOf } from "../commands/invocation.js";
import type { CatalogDataset } from "../ports/dataset-search.js";
import { ephemeral, type Reply } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { Choice, CommandArgs } from "../shared/handlers.js";
import { constraintsCard, publicDatasetCard } from "./access-cards.js";
import { accessDeps } from "./access-deps.js";
import { detailsForm } from "./access-form.js";
import { accessRef } from "./access-request.js";

/**
 * The way in: "Request access" on an answer card (value: the dataset id), `request <dataset>`
 * (Slack, console) or `/request` with autocomplete (Discord). First the dataset's constraints
 * (licence, access level, usage notes), then "Continue to the form".
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The dataset a button or form refers to, if it is the asker's community's. */
export async function datasetForRequest(ctx: RequestContext, datasetId: string): Promise<CatalogDataset> {
  const dataset = UUID.test(datasetId)
    ? await accessDeps(ctx).datasetLookup.byId(ctx.community.id, datasetId)
    : null;
  if (!dataset) throw new DomainError("not_found", "access:errors.datasetNotFound");
  return dataset;
}

async function constraints(ctx: RequestContext, dataset: CatalogDataset): Promise<Reply> {
  if (dataset.accessLevel === "public") return ephemeral(publicDatasetCard(ctx.t, dataset));
  const open = await accessDeps(ctx).accessRequests.openFor(ctx.community.id, ctx.actor.personId, dataset.id);
  return ephemeral(constraintsCard(ctx.t, dataset, open));
}

/** "Request access" under an answer. */
export async function startAccessRequest(ctx: RequestContext, datasetId: string): Promise<Reply> {
  return constraints(ctx, await datasetForRequest(ctx, datasetId));
}

export async function requestCommand(ctx: RequestContext, args: CommandArgs): Promise<Reply> {
  const name = typeof args.dataset === "string" ? args.dataset.trim() : "";
  if (name === "")
    throw new DomainError("invalid_input", "access:errors.whichDataset", {
      example: `${invocationOf(ctx.identity.platform, "request")} ${ctx.t("access:examples.request")}`,
    });
  const dataset = await lookupDataset(ctx.deps, { name: name.slice(0, 200) }, ctx.community.id);
  if (!dataset) throw new DomainError("not_found", "catalog:datasetNotFound", { name });
  return constraints(ctx, dataset);
}

/** "Continue to the form": step one, unless the dataset is public or a request is already open. */
export async function openDetailsForm(ctx: RequestContext, datasetId: string): Promise<Reply> {
  const dataset = await datasetForRequest(ctx, datasetId);
  if (dataset.accessLevel === "public") return ephemeral(publicDatasetCard(ctx.t, dataset));
  const open = await accessDeps(ctx).accessRequests.openFor(ctx.community.id, ctx.actor.personId, dataset.id);
  if (open) throw new DomainError("conflict", "access:errors.alreadyOpen", { ref: accessRef(open) });
  return { kind: "form", form: detailsForm(ctx.t, dataset.id) };
}

/** Titles as the person types; the value is the catalog key, so the pick is exact. */
export async function requestDatasetChoices(ctx: RequestContext, typed: string): Promise<Choice[]> {
  const suggestions = await suggestDatasets(ctx.deps, typed, ctx.community.id);
  return suggestions
    .filter((s) => s.key.length <= 100)
    .map((s) => ({ label: `${s.title} · ${s.catalog}`.slice(0, 100), value: s.key }));
}
