import { common as enCommon } from "./locales/en/common.js";
import { console as enConsole } from "./locales/en/console.js";
import { errors as enErrors } from "./locales/en/errors.js";
import { help as enHelp } from "./locales/en/help.js";
import { common as esCommon } from "./locales/es/common.js";
import { console as esConsole } from "./locales/es/console.js";
import { errors as esErrors } from "./locales/es/errors.js";
import { help as esHelp } from "./locales/es/help.js";

/**
 * All bundled translations, one namespace per capability so teams can add strings without
 * touching each other's files. Spanish files are typed against English, so a missing key is a
 * compile error rather than an English word in a Spanish reply.
 */
export const resources = {
  en: { common: enCommon, console: enConsole, errors: enErrors, help: enHelp },
  es: { common: esCommon, console: esConsole, errors: esErrors, help: esHelp },
};
