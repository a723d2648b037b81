import type { ActionHandler, AutocompleteHandler, CommandHandler } from "../shared/handlers.js";
import { decideDataMatch } from "./decide-data-match.js";
import {
  removeWatch,
  watchChoices,
  watchCommand,
  watchDatasetButton,
  watchesCommand,
} from "./watch-something.js";

export { watchCommandSpecs } from "./watch-commands.js";

export const watchCommandHandlers: Record<string, CommandHandler> = {
  watch: (ctx, args) => watchCommand(ctx, typeof args.what === "string" ? args.what : ""),
  watches: (ctx) => watchesCommand(ctx),
};

export const watchAutocompleteHandlers: Record<string, AutocompleteHandler> = {
  "watch.what": watchChoices,
};

export const watchActionHandlers: Record<string, ActionHandler> = {
  // The Watch button on a dataset card (its value is the dataset id) and the list's Stop buttons.
  "watch.dataset": watchDatasetButton,
  "watch.remove": removeWatch,
  // Champions' answer to "New data may answer #12".
  "match.link": (ctx, id) => decideDataMatch(ctx, id, "linked"),
  "match.reject": (ctx, id) => decideDataMatch(ctx, id, "rejected"),
};
