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
import { problemsModule } from "../problems/index.js";
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
  link: (ctx, args) => linkCommand(ctx, args),
  ...problemsModule.commands,
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
  ...problemsModule.autocomplete,
  ...accessModule.autocomplete,
  ...communityModule.autocomplete,
  ...showcasesModule.autocomplete,
  ...digestModule.autocomplete,
  ...watchesModule.autocomplete,
};

/** Button handlers by action id ("problem.vote" → handler). */
export const actionHandlers: Record<string, ActionHandler> = {
  // Problems: intake, the public card, triage.
  ...problemsModule.actions,
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
  ...problemsModule.forms,
  ...accessModule.forms,
  ...communityModule.forms,
  ...showcasesModule.forms,
  ...digestModule.forms,
};

/** Message shortcuts by id ("problem.from_message" → handler). */
export const shortcutHandlers: Record<string, ShortcutHandler> = {
  ...problemsModule.shortcuts,
};

/**
 * What free text (a DM, a mention, a console line that is not a command) means: a question
 * about the data. (Null would make the bot answer with a hint pointing at help.)
 */
export const freeTextHandler: FreeTextHandler | null = (ctx, text) => askFreeText(ctx, text, actionHandlers);
