import { showcases as enShowcases } from "../i18n/locales/en/showcases.js";
import { showcases as esShowcases } from "../i18n/locales/es/showcases.js";
import type { ActionHandler, AutocompleteHandler, CommandHandler, FormHandler } from "../shared/handlers.js";
import {
  approveShowcase,
  openChangesForm,
  openRejectForm,
  submitChangesForm,
  submitRejectForm,
} from "./review-showcase.js";
import { solveShowcaseProblems } from "./solve-showcase-problems.js";
import { reviseShowcase, showcaseCommand, showcaseDatasetChoices } from "./start-showcase.js";
import {
  cancelShowcaseDraft,
  editShowcaseDetails,
  openLineageForm,
  submitDetailsForm,
  submitLineageForm,
} from "./submit-showcase.js";
import { withdrawShowcase } from "./withdraw-showcase.js";

export { showcaseCommandSpecs } from "./showcase-commands.js";

/**
 * Everything showcases add to the bot, in one place for wiring into the route tables
 * (src/core/bot/routes.ts), the command registry and the i18n resources.
 */

export const showcaseCommandHandlers: Record<string, CommandHandler> = {
  showcase: showcaseCommand,
};

export const showcaseAutocompleteHandlers: Record<string, AutocompleteHandler> = {
  "showcase.dataset": showcaseDatasetChoices,
};

/** Button handlers by action id; each checks who may press it. */
export const showcaseActionHandlers: Record<string, ActionHandler> = {
  // The submitter: the two form steps, and the edit after "ask for changes".
  "showcase.continue": openLineageForm,
  "showcase.edit": editShowcaseDetails,
  "showcase.cancel": cancelShowcaseDraft,
  "showcase.revise": reviseShowcase,
  "showcase.withdraw": withdrawShowcase,
  // Champions and admins (never on their own showcase).
  "showcase.approve": approveShowcase,
  "showcase.changes": openChangesForm,
  "showcase.reject": openRejectForm,
  "showcase.solve": solveShowcaseProblems,
};

/** Form submissions by form id. */
export const showcaseFormHandlers: Record<string, FormHandler> = {
  "showcase.details": submitDetailsForm,
  "showcase.lineage": submitLineageForm,
  "showcase.changes": submitChangesForm,
  "showcase.reject": submitRejectForm,
};

/** The "showcases" i18n namespace, for src/core/i18n/resources.ts. */
export const showcasesI18n = { en: enShowcases, es: esShowcases };
