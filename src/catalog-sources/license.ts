/**
 * Licences arrive as a CKAN id+title+url triple, a DCAT-US URL, or a Socrata display title.
 * We keep what the catalog says and fill the other two fields from a short table of licences
 * common on open-data portals, so "which datasets are CC BY?" works across portal kinds.
 * Unknown licences are kept verbatim, never guessed.
 */
export interface LicenseFields {
  licenseId: string | null;
  licenseTitle: string | null;
  licenseUrl: string | null;
}

interface KnownLicense {
  id: string;
  title: string;
  url: string | null;
  /** Lower-cased alternative titles and URL fragments (scheme and `www.` removed). */
  aliases: readonly string[];
}

const knownLicenses: readonly KnownLicense[] = [
  {
    id: "cc-by-4.0",
    title: "Creative Commons Attribution 4.0 International",
    url: "https://creativecommons.org/licenses/by/4.0/",
    aliases: ["cc by 4.0", "cc-by 4.0", "creativecommons.org/licenses/by/4.0"],
  },
  {
    id: "cc-by",
    title: "Creative Commons Attribution",
    url: "http://www.opendefinition.org/licenses/cc-by",
    aliases: ["cc by", "cc-by", "opendefinition.org/licenses/cc-by", "creativecommons.org/licenses/by/"],
  },
  {
    id: "cc-by-sa",
    title: "Creative Commons Attribution Share-Alike",
    url: "http://www.opendefinition.org/licenses/cc-by-sa",
    aliases: [
      "cc by-sa",
      "cc-by-sa",
      "opendefinition.org/licenses/cc-by-sa",
      "creativecommons.org/licenses/by-sa/",
    ],
  },
  {
    id: "cc-zero",
    title: "Creative Commons CCZero",
    url: "https://creativecommons.org/publicdomain/zero/1.0/",
    aliases: [
      "cc0",
      "cc0 1.0",
      "cc0-1.0",
      "creative commons zero",
      "creativecommons.org/publicdomain/zero/1.0",
    ],
  },
  {
    id: "odc-pddl",
    title: "Open Data Commons Public Domain Dedication and License (PDDL)",
    url: "https://opendatacommons.org/licenses/pddl/",
    aliases: [
      "open data commons public domain dedication and license",
      "odc pddl",
      "pddl",
      "opendatacommons.org/licenses/pddl",
    ],
  },
  {
    id: "odc-odbl",
    title: "Open Data Commons Open Database License (ODbL)",
    url: "https://opendatacommons.org/licenses/odbl/",
    aliases: ["open data commons open database license", "odbl", "opendatacommons.org/licenses/odbl"],
  },
  {
    id: "odc-by",
    title: "Open Data Commons Attribution License",
    url: "https://opendatacommons.org/licenses/by/",
    aliases: ["odc attribution", "opendatacommons.org/licenses/by"],
  },
  {
    id: "uk-ogl",
    title: "UK Open Government Licence (OGL)",
    url: "http://reference.data.gov.uk/id/open-government-licence",
    aliases: [
      "open government licence",
      "uk open government licence",
      "ogl",
      "nationalarchives.gov.uk/doc/open-government-licence",
      "reference.data.gov.uk/id/open-government-licence",
    ],
  },
  {
    id: "us-pd",
    title: "U.S. Public Domain",
    url: "http://www.usa.gov/publicdomain/label/1.0/",
    aliases: ["usa.gov/publicdomain/label/1.0", "creativecommons.org/publicdomain/mark/1.0"],
  },
  { id: "notspecified", title: "License not specified", url: null, aliases: ["license not specified"] },
];

function looksLikeUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

/** `https://www.Example.org/x/` → `example.org/x` so URL spellings compare equal. */
function urlKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .replace(/\/(legalcode|deed\.[a-z-]+)?$/, "")
    .replace(/\/+$/, "");
}

function findKnownLicense(text: string): KnownLicense | null {
  const needle = looksLikeUrl(text) ? urlKey(text) : text.trim().toLowerCase();
  if (!needle) return null;
  for (const license of knownLicenses) {
    if (license.id === needle || license.title.toLowerCase() === needle) return license;
    if (license.url && urlKey(license.url) === needle) return license;
  }
  for (const license of knownLicenses) {
    if (
      license.aliases.some((alias) => needle === alias || (alias.includes("/") && needle.startsWith(alias)))
    ) {
      return license;
    }
  }
  return null;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Combines whatever licence fields a catalog gave into the three normalised ones. */
export function normaliseLicense(given: {
  id?: string | null;
  title?: string | null;
  url?: string | null;
}): LicenseFields {
  let id = clean(given.id);
  let title = clean(given.title);
  let url = clean(given.url);
  // DCAT-US `license` and some Socrata titles are really URLs: put them where they belong.
  if (title && !url && looksLikeUrl(title)) {
    url = title;
    title = null;
  }
  if (id && !url && looksLikeUrl(id)) {
    url = id;
    id = null;
  }
  const known = [id, url, title].reduce<KnownLicense | null>(
    (found, candidate) => found ?? (candidate ? findKnownLicense(candidate) : null),
    null,
  );
  return {
    licenseId: id ?? known?.id ?? null,
    licenseTitle: title ?? known?.title ?? null,
    licenseUrl: url ?? known?.url ?? null,
  };
}
