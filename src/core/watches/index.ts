import { watches as enWatches } from "../i18n/locales/en/watches.js";
import { watches as esWatches } from "../i18n/locales/es/watches.js";
import type { CapabilityModule } from "../shared/handlers.js";
import { decideDataMatch } from "./decide-data-match.js";
import { tellAfterSync } from "./tell-after-sync.js";
import { watchCommandSpecs } from "./watch-commands.js";
import { watchOverdueJob } from "./watch-overdue-job.js";
import {
  removeWatch,
  watchChoices,
  watchCommand,
  watchDatasetButton,
  watchesCommand,
} from "./watch-something.js";

/**
 * Watches and data matches as one module: what they add to the bot, for the route tables
 * (src/core/bot/routes.ts), the command registry (which imports watch-commands.ts itself), the
 * i18n resources and the scheduler and sync command (main.ts, `datadesk catalog sync`).
 */
export const watchesModule = {
  commandSpecs: watchCommandSpecs,
  commands: {
    watch: (ctx, args) => watchCommand(ctx, typeof args.what === "string" ? args.what : ""),
    watches: (ctx) => watchesCommand(ctx),
  },
  autocomplete: {
    "watch.what": watchChoices,
  },
  actions: {
    // The Watch button on a dataset card (its value is the dataset id) and the list's Stop buttons.
    "watch.dataset": watchDatasetButton,
    "watch.remove": removeWatch,
    // Champions' answer to "New data may answer #12".
    "match.link": (ctx, id) => decideDataMatch(ctx, id, "linked"),
    "match.reject": (ctx, id) => decideDataMatch(ctx, id, "rejected"),
  },
  forms: {},
  /** After each sync: one DM per watcher, matches for champions; hourly: overdue watched data. */
  jobs: { afterSync: tellAfterSync, overdue: watchOverdueJob },
  /** The "watches" i18n namespace (src/core/i18n/resources.ts bundles the same files). */
  i18n: { en: enWatches, es: esWatches },
} satisfies CapabilityModule;
