import { community as enCommunity } from "../i18n/locales/en/community.js";
import { community as esCommunity } from "../i18n/locales/es/community.js";
import type { ActionHandler, CapabilityModule, FormHandler } from "../shared/handlers.js";
import { claimAdminCommand } from "./admin-claim.js";
import { championsCommand, championTopicChoices } from "./champions-directory.js";
import { communityCommandSpecs } from "./community-commands.js";
import { profileCommand, submitProfileForm } from "./edit-profile.js";
import { roleCommand } from "./roles-in-chat.js";
import { SETUP_SECTIONS } from "./setup-card.js";
import { openSetupForm, setupCommand, submitSetupForm } from "./setup-forms.js";
import { setupValidators } from "./setup-sections.js";

/** The setup card's buttons, one per section (admins; each handler checks). */
const setupActions: Record<string, ActionHandler> = Object.fromEntries(
  SETUP_SECTIONS.map((section) => [`setup.${section}`, (ctx) => openSetupForm(ctx, section)] as const),
);

const setupForms: Record<string, FormHandler> = Object.fromEntries(
  SETUP_SECTIONS.map(
    (section) =>
      [
        `setup.${section}`,
        ((ctx, _context, values) =>
          submitSetupForm(ctx, section, values, setupValidators[section])) satisfies FormHandler,
      ] as const,
  ),
);

/**
 * The community's people and setup as one module: everything they add to the bot, for wiring
 * into the route tables (src/core/bot/routes.ts), the command registry (which imports
 * community-commands.ts itself) and the i18n resources.
 */
export const communityModule = {
  commandSpecs: communityCommandSpecs,
  commands: {
    champions: championsCommand,
    claim: claimAdminCommand,
    profile: (ctx) => profileCommand(ctx),
    role: roleCommand,
    setup: (ctx) => setupCommand(ctx),
  },
  autocomplete: {
    "champions.topic": championTopicChoices,
  },
  actions: setupActions,
  forms: {
    "community.profile": submitProfileForm,
    ...setupForms,
  },
  /** The "community" i18n namespace (src/core/i18n/resources.ts bundles the same files). */
  i18n: { en: enCommunity, es: esCommunity },
} satisfies CapabilityModule;
