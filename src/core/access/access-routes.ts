import { access as enAccess } from "../i18n/locales/en/access.js";
import { access as esAccess } from "../i18n/locales/es/access.js";
import type { ActionHandler, AutocompleteHandler, CommandHandler, FormHandler } from "../shared/handlers.js";
import { openAccessAnswerForm, submitAccessAnswerForm } from "./answer-decider-question.js";
import {
  openApproveForm,
  openAskForm,
  openDenyForm,
  showReview,
  submitApproveForm,
  submitAskForm,
  submitDenyForm,
} from "./decide-access-request.js";
import { requestsCommand, withdrawRequest } from "./list-access-requests.js";
import {
  openDetailsForm,
  requestCommand,
  requestDatasetChoices,
  startAccessRequest,
} from "./start-access-request.js";
import {
  cancelRequestDraft,
  editDetails,
  openChecklistForm,
  submitChecklistForm,
  submitDetailsForm,
} from "./submit-access-request.js";

export { accessCommandSpecs } from "./access-commands.js";

/**
 * Everything access requests add to the bot, in one place for wiring into the route tables
 * (src/core/bot/routes.ts), the command registry and the i18n resources. The answer card offers
 * "Request access" as soon as `access.start` is among the action handlers.
 */

export const accessCommandHandlers: Record<string, CommandHandler> = {
  request: requestCommand,
  requests: (ctx) => requestsCommand(ctx),
};

/** Suggestions by "command.option". */
export const accessAutocompleteHandlers: Record<string, AutocompleteHandler> = {
  "request.dataset": requestDatasetChoices,
};

/** Button handlers by action id; each checks who may press it. */
export const accessActionHandlers: Record<string, ActionHandler> = {
  // The requester: constraints, the two form steps, withdraw, answer a question.
  "access.start": startAccessRequest,
  "access.form": openDetailsForm,
  "access.checklist": openChecklistForm,
  "access.edit": editDetails,
  "access.cancel": cancelRequestDraft,
  "access.withdraw": withdrawRequest,
  "access.answer": openAccessAnswerForm,
  // The people deciding.
  "access.review": showReview,
  "access.approve": openApproveForm,
  "access.deny": openDenyForm,
  "access.ask": openAskForm,
};

/** Form submissions by form id. */
export const accessFormHandlers: Record<string, FormHandler> = {
  "access.details": submitDetailsForm,
  "access.checklist": submitChecklistForm,
  "access.approve": submitApproveForm,
  "access.deny": submitDenyForm,
  "access.ask": submitAskForm,
  "access.answer": submitAccessAnswerForm,
};

/** The "access" i18n namespace, for src/core/i18n/resources.ts. */
export const accessI18n = { en: enAccess, es: esAccess };
