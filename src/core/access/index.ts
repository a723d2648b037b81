import { access as enAccess } from "../i18n/locales/en/access.js";
import { access as esAccess } from "../i18n/locales/es/access.js";
import type { CapabilityModule } from "../shared/handlers.js";
import { accessCommandSpecs } from "./access-commands.js";
import { accessReminderJob, resolveAccessAfterSync } from "./access-reminder-job.js";
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

/**
 * Access requests as one module: everything they add to the bot, for wiring into the route tables
 * (src/core/bot/routes.ts), the command registry (which imports access-commands.ts itself, since
 * handlers reach the registry through invocation.ts), the i18n resources and the scheduler
 * (main.ts). The answer card offers "Request access" as soon as `access.start` is among the
 * action handlers.
 */
export const accessModule = {
  commandSpecs: accessCommandSpecs,
  commands: {
    request: requestCommand,
    requests: (ctx) => requestsCommand(ctx),
  },
  /** Suggestions by "command.option". */
  autocomplete: {
    "request.dataset": requestDatasetChoices,
  },
  /** Button handlers by action id; each checks who may press it. */
  actions: {
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
  },
  /** Form submissions by form id. */
  forms: {
    "access.details": submitDetailsForm,
    "access.checklist": submitChecklistForm,
    "access.approve": submitApproveForm,
    "access.deny": submitDenyForm,
    "access.ask": submitAskForm,
    "access.answer": submitAccessAnswerForm,
  },
  /** The clock's work (reminders, escalation, expiry) and what runs after each catalog sync. */
  jobs: { reminders: accessReminderJob, afterSync: resolveAccessAfterSync },
  /** The "access" i18n namespace (src/core/i18n/resources.ts bundles the same files). */
  i18n: { en: enAccess, es: esAccess },
} satisfies CapabilityModule;
