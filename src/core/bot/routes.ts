import { accessModule } from "../access/index.js";
import {
  gapsCommand,
  noteCommand,
  noteDatasetChoices,
  noteKindChoices,
} from "../catalog/catalog-admin-commands.js";
import {
  askCommand,
  askFreeText,
  catalogChoices,
  datasetChoices,
  datasetCommand,
} from "../catalog/dataset-answer-commands.js";
import { communityModule } from "../community/index.js";
import { digestModule } from "../digest/index.js";
import { showHelp } from "../help/show-help.js";
import { linkCommand } from "../people/link-accounts.js";
import { openAnswerForm, submitAnswerForm } from "../problems/answer-triage-question.js";
import { openDeclineForm, submitDeclineForm } from "../problems/decline-problem-form.js";
import {
  pageProblems,
  problemsCommand,
  problemTopicChoices,
  problemViewChoices,
} from "../problems/list-problems.js";
import { channelCommand } from "../problems/set-problem-channel.js";
import { problemCommand, problemFromMessage, startProblem } from "../problems/start-problem.js";
import { cancelDraft, editDraft, fileDraft, submitProblemForm } from "../problems/submit-problem.js";
import {
  openAskForm,
  openAssignForm,
  openDuplicateForm,
  openLinkForm,
  submitAskForm,
  submitAssignForm,
  submitDuplicateForm,
  submitLinkForm,
} from "../problems/triage-forms.js";
import { moveProblem, setProblemHidden, showTriage } from "../problems/triage-problem.js";
import { followProblem, unfollowProblem, voteProblem } from "../problems/vote-problem.js";
import type {
  ActionHandler,
  AutocompleteHandler,
  CommandHandler,
  FormHandler,
  FreeTextHandler,
  ShortcutHandler,
} from "../shared/handlers.js";
import { showcasesModule } from "../showcases/index.js";
import { watchesModule } from "../watches/index.js";

/**
 * Which use case answers which command and button. Every name here must exist in the command
 * registry (a test checks both directions), so a command can't be advertised without a handler.
 */
export const commandHandlers: Record<string, CommandHandler> = {
  help: (ctx) => showHelp(ctx),
  note: noteCommand,
  gaps: gapsCommand,
  // Answer cards offer follow-up buttons only for actions registered below.
  ask: (ctx, args) => askCommand(ctx, args, actionHandlers),
  dataset: (ctx, args) => datasetCommand(ctx, args, actionHandlers),
  problem: problemCommand,
  problems: problemsCommand,
  link: (ctx, args) => linkCommand(ctx, args),
  channel: channelCommand,
  ...accessModule.commands,
  ...communityModule.commands,
  ...showcasesModule.commands,
  ...digestModule.commands,
  ...watchesModule.commands,
};

/** Suggestions by "command.option" ("dataset.name" → handler), for options marked `autocomplete`. */
export const autocompleteHandlers: Record<string, AutocompleteHandler> = {
  "note.dataset": noteDatasetChoices,
  "note.kind": noteKindChoices,
  "ask.catalog": catalogChoices,
  "dataset.name": datasetChoices,
  "problem.topic": problemTopicChoices,
  "problems.view": problemViewChoices,
  ...accessModule.autocomplete,
  ...communityModule.autocomplete,
  ...showcasesModule.autocomplete,
  ...digestModule.autocomplete,
  ...watchesModule.autocomplete,
};

/** Button handlers by action id ("problem.vote" → handler). */
export const actionHandlers: Record<string, ActionHandler> = {
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
  // Access requests ("Request access" on a restricted dataset's answer card, the review buttons).
  ...accessModule.actions,
  // Community setup (admins; each handler checks).
  ...communityModule.actions,
  // Showcases (the form steps, the champions' review, solving the problems a showcase addresses).
  ...showcasesModule.actions,
  // Watches (the Watch button, Stop watching) and champions' answers to data matches.
  ...watchesModule.actions,
};

/** Form submissions by form id ("problem.submit" → handler). */
export const formHandlers: Record<string, FormHandler> = {
  "problem.submit": submitProblemForm,
  "problem.answer": submitAnswerForm,
  "problem.ask": submitAskForm,
  "problem.duplicate": submitDuplicateForm,
  "problem.decline": submitDeclineForm,
  "problem.link": submitLinkForm,
  "problem.assign": submitAssignForm,
  ...accessModule.forms,
  ...communityModule.forms,
  ...showcasesModule.forms,
  ...digestModule.forms,
};

/** Message shortcuts by id ("problem.from_message" → handler). */
export const shortcutHandlers: Record<string, ShortcutHandler> = {
  "problem.from_message": problemFromMessage,
};

/**
 * What free text (a DM, a mention, a console line that is not a command) means: a question
 * about the data. (Null would make the bot answer with a hint pointing at help.)
 */
export const freeTextHandler: FreeTextHandler | null = (ctx, text) => askFreeText(ctx, text, actionHandlers);
