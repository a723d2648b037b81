import { problems as enProblems } from "../i18n/locales/en/problems.js";
import { problems as esProblems } from "../i18n/locales/es/problems.js";
import type { CapabilityModule } from "../shared/handlers.js";
import { openAnswerForm, submitAnswerForm } from "./answer-triage-question.js";
import { openDeclineForm, submitDeclineForm } from "./decline-problem-form.js";
import { pageProblems, problemsCommand, problemTopicChoices, problemViewChoices } from "./list-problems.js";
import { channelCommand } from "./set-problem-channel.js";
import { problemCommand, problemFromMessage, startProblem } from "./start-problem.js";
import { cancelDraft, editDraft, fileDraft, submitProblemForm } from "./submit-problem.js";
import {
  openAskForm,
  openAssignForm,
  openDuplicateForm,
  openLinkForm,
  submitAskForm,
  submitAssignForm,
  submitDuplicateForm,
  submitLinkForm,
} from "./triage-forms.js";
import { moveProblem, setProblemHidden, showTriage } from "./triage-problem.js";
import { followProblem, unfollowProblem, voteProblem } from "./vote-problem.js";

/**
 * The problem inventory as one module: intake (with deflection), the public card's votes and
 * follows, listing, triage and its forms, and the message shortcut, for the route tables
 * (src/core/bot/routes.ts). Its command specs sit in the registry with the other core commands;
 * its strings are the "problems" namespace (and "problemThreads" for comment threads).
 */
export const problemsModule = {
  commands: {
    problem: problemCommand,
    problems: problemsCommand,
    channel: channelCommand,
  },
  autocomplete: {
    "problem.topic": problemTopicChoices,
    "problems.view": problemViewChoices,
  },
  actions: {
    // Intake: "Not what I need" under an answer opens the form; then the deflection card's buttons.
    "problem.start": (ctx) => startProblem(ctx),
    "problem.file": fileDraft,
    "problem.edit": editDraft,
    "problem.cancel": cancelDraft,
    "problem.vote_instead": (ctx, id) => voteProblem(ctx, id, "deflection"),
    // The public card.
    "problem.vote": (ctx, id) => voteProblem(ctx, id),
    "problem.follow": followProblem,
    "problem.unfollow": unfollowProblem,
    "problem.page": pageProblems,
    "problem.answer": openAnswerForm,
    // Triage (champions and admins; each handler checks).
    "problem.triage": showTriage,
    "problem.accept": (ctx, id) => moveProblem(ctx, id, "accepted"),
    "problem.progress": (ctx, id) => moveProblem(ctx, id, "in_progress"),
    "problem.solve": (ctx, id) => moveProblem(ctx, id, "solved"),
    "problem.ask": openAskForm,
    "problem.duplicate": openDuplicateForm,
    "problem.decline": openDeclineForm,
    "problem.link": openLinkForm,
    "problem.assign": openAssignForm,
    "problem.hide": (ctx, id) => setProblemHidden(ctx, id, true),
    "problem.unhide": (ctx, id) => setProblemHidden(ctx, id, false),
  },
  forms: {
    "problem.submit": submitProblemForm,
    "problem.answer": submitAnswerForm,
    "problem.ask": submitAskForm,
    "problem.duplicate": submitDuplicateForm,
    "problem.decline": submitDeclineForm,
    "problem.link": submitLinkForm,
    "problem.assign": submitAssignForm,
  },
  shortcuts: {
    "problem.from_message": problemFromMessage,
  },
  i18n: { en: enProblems, es: esProblems },
} satisfies CapabilityModule;
