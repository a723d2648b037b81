import { showcases as enShowcases } from "../i18n/locales/en/showcases.js";
import { showcases as esShowcases } from "../i18n/locales/es/showcases.js";
import type { CapabilityModule } from "../shared/handlers.js";
import {
  approveShowcase,
  openChangesForm,
  openRejectForm,
  submitChangesForm,
  submitRejectForm,
} from "./review-showcase.js";
import { showcaseCommandSpecs } from "./showcase-commands.js";
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

/**
 * Showcases as one module: everything they add to the bot, for wiring into the route tables
 * (src/core/bot/routes.ts), the command registry (which imports showcase-commands.ts itself) and
 * the i18n resources.
 */
export const showcasesModule = {
  commandSpecs: showcaseCommandSpecs,
  commands: {
    showcase: showcaseCommand,
  },
  autocomplete: {
    "showcase.dataset": showcaseDatasetChoices,
  },
  /** Button handlers by action id; each checks who may press it. */
  actions: {
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
  },
  /** Form submissions by form id. */
  forms: {
    "showcase.details": submitDetailsForm,
    "showcase.lineage": submitLineageForm,
    "showcase.changes": submitChangesForm,
    "showcase.reject": submitRejectForm,
  },
  /** The "showcases" i18n namespace (src/core/i18n/resources.ts bundles the same files). */
  i18n: { en: enShowcases, es: esShowcases },
} satisfies CapabilityModule;
