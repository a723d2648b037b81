import type { RequestContext } from "../bot/request-context.js";
import { lookupDataset } from "../catalog/lookup-dataset.js";
import type { ShowcaseDatasetRef, ShowcaseProblemRef } from "./showcase.js";
import type { LineageInput } from "./showcase-form.js";

/**
 * Step two names datasets and problems as people type them; this turns them into references.
 * Each dataset is looked up through the catalog (key, then closest title); each problem by its
 * number in this community, hidden ones counting as missing. What cannot be found becomes a
 * field error naming it, so the person fixes one word instead of starting over.
 */
export type ResolvedLineage =
  | { ok: true; datasets: ShowcaseDatasetRef[]; problems: ShowcaseProblemRef[] }
  | { ok: false; errors: Record<string, string> };

export async function resolveLineage(ctx: RequestContext, input: LineageInput): Promise<ResolvedLineage> {
  const errors: Record<string, string> = {};
  const datasets = new Map<string, ShowcaseDatasetRef>();
  const unknownDatasets: string[] = [];
  for (const name of input.datasetNames) {
    const dataset = await lookupDataset(ctx.deps, { name: name.slice(0, 200) }, ctx.community.id);
    if (dataset)
      datasets.set(dataset.id, { id: dataset.id, title: dataset.title, landingPage: dataset.landingPage });
    else unknownDatasets.push(name);
  }
  if (unknownDatasets.length > 0) {
    errors.datasets = ctx.t("showcases:errors.unknownDatasets", { names: unknownDatasets.join("; ") });
  }
  const problems: ShowcaseProblemRef[] = [];
  const missing: string[] = [];
  for (const number of input.problemNumbers) {
    const problem = await ctx.deps.problems.byNumber(ctx.community.id, number);
    if (problem && !problem.hidden)
      problems.push({ id: problem.id, number: problem.number, title: problem.title });
    else missing.push(`#${number}`);
  }
  if (missing.length > 0)
    errors.problems = ctx.t("showcases:errors.unknownProblems", { refs: missing.join(", ") });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, datasets: [...datasets.values()], problems };
}
