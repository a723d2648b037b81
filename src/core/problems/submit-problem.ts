import type { RequestContext } from "../bot/request-context.js";
import { askQuestion } from "../catalog/answer-dataset-question.js";
import type { CommunityConfig } from "../ports/community-directory.js";
import type { RankedDataset } from "../ports/dataset-search.js";
import type { Card, CardAction, CardBlock, FormReply, Reply } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { FormValues } from "../shared/form.js";
import { fileProblem } from "./file-problem.js";
import { checkIntakeLimits } from "./intake-limits.js";
import type { Problem } from "./problem.js";
import { problemLine } from "./problem-cards.js";
import {
  decodePreset,
  PROBLEM_FORM_ID,
  type ProblemInput,
  parseProblemForm,
  problemForm,
  problemFormErrors,
} from "./problem-form.js";

/** Similar problems below this trigram similarity are not worth interrupting someone for. */
export const SIMILAR_PROBLEM_THRESHOLD = 0.3;
const MAX_SUGGESTIONS = 3;

interface Deflection {
  datasets: RankedDataset[];
  similar: Problem[];
}

/**
 * Before a problem is filed: datasets that may already answer it (the catalog answer engine, on
 * its confident answers only) and open problems that read alike, so people vote instead of
 * filing the same thing twice.
 */
async function findDeflection(ctx: RequestContext, input: ProblemInput): Promise<Deflection> {
  const question = `${input.title}. ${input.description}`.slice(0, 500);
  const [answer, similar] = await Promise.all([
    askQuestion(
      { datasetSearch: ctx.deps.datasetSearch, metadataGaps: { recordGap: async () => {} } },
      { question },
      ctx.community.id,
    ).catch(() => null),
    ctx.deps.problems.similarOpen(ctx.community.id, `${input.title} ${input.description}`, MAX_SUGGESTIONS),
  ]);
  return {
    datasets: answer?.confident ? answer.results.slice(0, MAX_SUGGESTIONS) : [],
    similar: similar.filter((s) => s.score >= SIMILAR_PROBLEM_THRESHOLD).map((s) => s.problem),
  };
}

function inputToValues(input: ProblemInput): FormValues {
  return {
    title: input.title,
    description: input.description,
    affected: input.affected,
    place: input.place ?? "",
    topic: input.topic ?? "",
    anonymous: input.anonymous ? "true" : "false",
  };
}

function deflectionCard(ctx: RequestContext, deflection: Deflection, draftId: string): Card {
  const { t } = ctx;
  const blocks: CardBlock[] = [{ type: "header", text: t("problems:deflect.title") }];
  if (deflection.datasets.length > 0) {
    blocks.push({ type: "section", text: [t("problems:deflect.datasets")] });
    blocks.push({
      type: "list",
      items: deflection.datasets.map(({ dataset }) => [
        dataset.landingPage ? { text: dataset.title, href: dataset.landingPage } : dataset.title,
        ` (${dataset.catalog})`,
      ]),
    });
  }
  const voteButtons: CardAction[] = [];
  if (deflection.similar.length > 0) {
    blocks.push({ type: "section", text: [t("problems:deflect.similar")] });
    blocks.push({ type: "list", items: deflection.similar.map((p) => problemLine(p, t)) });
    for (const p of deflection.similar) {
      voteButtons.push({
        kind: "button",
        actionId: "problem.vote_instead",
        label: t("problems:buttons.voteFor", { ref: `#${p.number}` }),
        value: p.id,
      });
    }
  }
  blocks.push({
    type: "actions",
    actions: [
      {
        kind: "button",
        actionId: "problem.file",
        label: t("problems:buttons.fileAnyway"),
        value: draftId,
        style: "primary",
      },
      ...voteButtons,
      { kind: "button", actionId: "problem.edit", label: t("problems:buttons.edit"), value: draftId },
      { kind: "button", actionId: "problem.cancel", label: t("problems:buttons.cancel"), value: draftId },
    ],
  });
  return { fallbackText: t("problems:deflect.title"), accent: "info", blocks };
}

/** The problem form was submitted: check it, look for what may already help, then file. */
export async function submitProblemForm(
  ctx: RequestContext,
  context: string,
  values: FormValues,
): Promise<FormReply> {
  const config = await ctx.deps.directory.config(ctx.community.id);
  const preset = decodePreset(context);
  const parsed = parseProblemForm(ctx.t, values, preset, config.topics);
  if (!parsed.ok) {
    return problemFormErrors(ctx.t, parsed.errors, values, {
      platform: ctx.identity.platform,
      topics: config.topics,
      preset,
    });
  }
  await checkIntakeLimits(ctx, ctx.deps.problems, config);
  const deflection = await findDeflection(ctx, parsed.input);
  if (deflection.datasets.length === 0 && deflection.similar.length === 0) {
    return fileProblem(ctx, parsed.input, config, "card");
  }
  const draft = await ctx.deps.drafts.save(
    { personId: ctx.actor.personId, formId: PROBLEM_FORM_ID, context, values: inputToValues(parsed.input) },
    ctx.deps.clock.now(),
  );
  return { kind: "card", visibility: "ephemeral", card: deflectionCard(ctx, deflection, draft.id) };
}

async function draftInput(
  ctx: RequestContext,
  config: CommunityConfig,
  values: FormValues,
  context: string,
): Promise<ProblemInput> {
  const parsed = parseProblemForm(ctx.t, values, decodePreset(context), config.topics);
  // A draft was valid when saved; a topic removed since then is the only way it can fail.
  if (!parsed.ok) throw new DomainError("invalid_input", "problems:errors.draftStale");
  return parsed.input;
}

/** "File it anyway": the draft is taken once, so a double click files one problem. */
export async function fileDraft(ctx: RequestContext, draftId: string): Promise<Reply> {
  const config = await ctx.deps.directory.config(ctx.community.id);
  const draft = await ctx.deps.drafts.get(draftId, ctx.actor.personId);
  if (!draft) return { kind: "update", card: simpleCard(ctx.t("problems:deflect.alreadyDone")) };
  const input = await draftInput(ctx, config, draft.values, draft.context);
  await checkIntakeLimits(ctx, ctx.deps.problems, config);
  return fileProblem(ctx, input, config, "update", draftId);
}

/** "Edit": back into the form with what they typed. */
export async function editDraft(ctx: RequestContext, draftId: string): Promise<Reply> {
  const config = await ctx.deps.directory.config(ctx.community.id);
  const draft = await ctx.deps.drafts.get(draftId, ctx.actor.personId);
  if (!draft) return { kind: "update", card: simpleCard(ctx.t("problems:deflect.alreadyDone")) };
  const preset = decodePreset(draft.context);
  return {
    kind: "form",
    form: problemForm(ctx.t, {
      platform: ctx.identity.platform,
      topics: config.topics,
      preset,
      initial: draft.values,
    }),
  };
}

export async function cancelDraft(ctx: RequestContext, draftId: string): Promise<Reply> {
  await ctx.deps.unitOfWork.run((tx) => tx.drafts.take(draftId, ctx.actor.personId));
  return { kind: "update", card: simpleCard(ctx.t("problems:deflect.cancelled")) };
}

function simpleCard(text: string): Card {
  return { fallbackText: text, blocks: [{ type: "section", text: [text] }] };
}
