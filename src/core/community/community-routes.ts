import { community as enCommunity } from "../i18n/locales/en/community.js";
import { community as esCommunity } from "../i18n/locales/es/community.js";
import type { ActionHandler, AutocompleteHandler, CommandHandler, FormHandler } from "../shared/handlers.js";
import { claimAdminCommand } from "./admin-claim.js";
import { championsCommand, championTopicChoices } from "./champions-directory.js";
import { profileCommand, submitProfileForm } from "./edit-profile.js";
import { roleCommand } from "./roles-in-chat.js";
import { SETUP_SECTIONS } from "./setup-card.js";
import { openSetupForm, setupCommand, submitSetupForm } from "./setup-forms.js";
import { setupValidators } from "./setup-sections.js";

export { communityCommandSpecs } from "./community-commands.js";

/**
 * Everything the community's people and setup add to the bot, in one place for wiring into the
 * route tables (src/core/bot/routes.ts), the command registry and the i18n resources.
 */

export const communityCommandHandlers: Record<string, CommandHandler> = {
  champions: championsCommand,
  claim: claimAdminCommand,
  profile: (ctx) => profileCommand(ctx),
  role: roleCommand,
  setup: (ctx) => setupCommand(ctx),
};

export const communityAutocompleteHandlers: Record<string, AutocompleteHandler> = {
  "champions.topic": championTopicChoices,
};

/** The setup card's buttons, one per section (admins; each handler checks). */
export const communityActionHandlers: Record<string, ActionHandler> = Object.fromEntries(
  SETUP_SECTIONS.map((section) => [`setup.${section}`, (ctx) => openSetupForm(ctx, section)] as const),
);

export const communityFormHandlers: Record<string, FormHandler> = {
  "community.profile": submitProfileForm,
  ...Object.fromEntries(
    SETUP_SECTIONS.map(
      (section) =>
        [
          `setup.${section}`,
          ((ctx, _context, values) =>
            submitSetupForm(ctx, section, values, setupValidators[section])) satisfies FormHandler,
        ] as const,
    ),
  ),
};

/** The "community" i18n namespace, for src/core/i18n/resources.ts. */
export const communityI18n = { en: enCommunity, es: esCommunity };
