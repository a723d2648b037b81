import type * as Routes from "../../../src/core/bot/routes.js";
import type * as Registry from "../../../src/core/commands/registry.js";
import type * as Resources from "../../../src/core/i18n/resources.js";

/**
 * Until access requests are wired into the route tables, the command registry and the i18n
 * resources, tests put them there with `vi.mock(…, importOriginal => withAccess…(…))`, so requests
 * go through the real `createDatadesk` (actor resolution, routing, error replies). Each helper
 * keeps what the real module already has, so the mocks stay harmless once the wiring lands (and
 * can then be deleted).
 */

export async function routesWithAccess(actual: typeof Routes): Promise<typeof Routes> {
  const access = await import("../../../src/core/access/access-routes.js");
  return {
    ...actual,
    commandHandlers: { ...access.accessCommandHandlers, ...actual.commandHandlers },
    actionHandlers: { ...access.accessActionHandlers, ...actual.actionHandlers },
    formHandlers: { ...access.accessFormHandlers, ...actual.formHandlers },
    autocompleteHandlers: { ...access.accessAutocompleteHandlers, ...actual.autocompleteHandlers },
  };
}

export async function registryWithAccess(actual: typeof Registry): Promise<typeof Registry> {
  const { accessCommandSpecs } = await import("../../../src/core/access/access-commands.js");
  const known = new Set(actual.commandRegistry.map((c) => c.name));
  const commandRegistry = [
    ...actual.commandRegistry,
    ...accessCommandSpecs.filter((c) => !known.has(c.name)),
  ];
  return { ...actual, commandRegistry, findCommand: (name) => commandRegistry.find((c) => c.name === name) };
}

export async function resourcesWithAccess(actual: typeof Resources): Promise<typeof Resources> {
  const { access: en } = await import("../../../src/core/i18n/locales/en/access.js");
  const { access: es } = await import("../../../src/core/i18n/locales/es/access.js");
  return {
    ...actual,
    resources: {
      en: { access: en, ...actual.resources.en },
      es: { access: es, ...actual.resources.es },
    } as typeof actual.resources,
  };
}
