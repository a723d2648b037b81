import { access as enAccess } from "./locales/en/access.js";
import { catalog as enCatalog } from "./locales/en/catalog.js";
import { catalogAdmin as enCatalogAdmin } from "./locales/en/catalog-admin.js";
import { common as enCommon } from "./locales/en/common.js";
import { community as enCommunity } from "./locales/en/community.js";
import { console as enConsole } from "./locales/en/console.js";
import { digest as enDigest } from "./locales/en/digest.js";
import { digestSettings as enDigestSettings } from "./locales/en/digest-settings.js";
import { discord as enDiscord } from "./locales/en/discord.js";
import { errors as enErrors } from "./locales/en/errors.js";
import { help as enHelp } from "./locales/en/help.js";
import { people as enPeople } from "./locales/en/people.js";
import { problemThreads as enProblemThreads } from "./locales/en/problem-threads.js";
import { problems as enProblems } from "./locales/en/problems.js";
import { publicPage as enPublicPage } from "./locales/en/public-page.js";
import { showcases as enShowcases } from "./locales/en/showcases.js";
import { slack as enSlack } from "./locales/en/slack.js";
import { watches as enWatches } from "./locales/en/watches.js";
import { access as esAccess } from "./locales/es/access.js";
import { catalog as esCatalog } from "./locales/es/catalog.js";
import { catalogAdmin as esCatalogAdmin } from "./locales/es/catalog-admin.js";
import { common as esCommon } from "./locales/es/common.js";
import { community as esCommunity } from "./locales/es/community.js";
import { console as esConsole } from "./locales/es/console.js";
import { digest as esDigest } from "./locales/es/digest.js";
import { digestSettings as esDigestSettings } from "./locales/es/digest-settings.js";
import { discord as esDiscord } from "./locales/es/discord.js";
import { errors as esErrors } from "./locales/es/errors.js";
import { help as esHelp } from "./locales/es/help.js";
import { people as esPeople } from "./locales/es/people.js";
import { problemThreads as esProblemThreads } from "./locales/es/problem-threads.js";
import { problems as esProblems } from "./locales/es/problems.js";
import { publicPage as esPublicPage } from "./locales/es/public-page.js";
import { showcases as esShowcases } from "./locales/es/showcases.js";
import { slack as esSlack } from "./locales/es/slack.js";
import { watches as esWatches } from "./locales/es/watches.js";

/**
 * All bundled translations, one namespace per capability so teams can add strings without
 * touching each other's files. Spanish files are typed against English, so a missing key is a
 * compile error rather than an English word in a Spanish reply.
 */
export const resources = {
  en: {
    access: enAccess,
    catalog: enCatalog,
    catalogAdmin: enCatalogAdmin,
    common: enCommon,
    community: enCommunity,
    console: enConsole,
    digest: enDigest,
    digestSettings: enDigestSettings,
    watches: enWatches,
    discord: enDiscord,
    errors: enErrors,
    help: enHelp,
    people: enPeople,
    problems: enProblems,
    problemThreads: enProblemThreads,
    publicPage: enPublicPage,
    showcases: enShowcases,
    slack: enSlack,
  },
  es: {
    access: esAccess,
    catalog: esCatalog,
    catalogAdmin: esCatalogAdmin,
    common: esCommon,
    community: esCommunity,
    console: esConsole,
    digest: esDigest,
    digestSettings: esDigestSettings,
    watches: esWatches,
    discord: esDiscord,
    errors: esErrors,
    help: esHelp,
    people: esPeople,
    problems: esProblems,
    problemThreads: esProblemThreads,
    publicPage: esPublicPage,
    showcases: esShowcases,
    slack: esSlack,
  },
};
