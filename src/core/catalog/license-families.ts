export type Permission = "yes" | "no" | "unclear";
export type Attribution = "required" | "notRequired" | "notStated";

/**
 * The licences open-data portals use, each with what it allows. They are recognised by SPDX id,
 * URL or name however a catalog spells them ("CC-BY-4.0", "cc-by", "Creative Commons Attribution
 * 4.0 International", "http://creativecommons.org/licenses/by/4.0"), by comparing a spelling
 * reduced to lower-case words and numbers.
 */
export interface LicenseFamily {
  /** Empty for a family known by what it grants, not by one name: the catalog's own title is shown. */
  name: string;
  url: string | null;
  commercial: Permission;
  attribution: Attribution;
  shareAlike: boolean;
  noWarranty: boolean;
  /** Patterns over the reduced spelling (`cc by sa 4 0`, `creativecommons org licenses by 4 0`). */
  patterns: readonly RegExp[];
}

const family = (
  name: string,
  url: string | null,
  allows: { commercial: Permission; attribution: Attribution; shareAlike?: boolean },
  patterns: readonly RegExp[],
): LicenseFamily => ({
  name,
  url,
  commercial: allows.commercial,
  attribution: allows.attribution,
  shareAlike: allows.shareAlike ?? false,
  // Every one of these licences comes without warranty.
  noWarranty: true,
  patterns,
});

const version = "(?: (\\d)(?: 0)?)?";
const cc = (parts: string) =>
  new RegExp(`^(?:cc|creative commons|creativecommons org licenses) ${parts}${version}(?: [a-z]{2,})?$`);

// Order matters: the more specific (BY-NC-SA) before the general (BY).
const families: readonly LicenseFamily[] = [
  family(
    "CC0 1.0",
    "https://creativecommons.org/publicdomain/zero/1.0/",
    { commercial: "yes", attribution: "notRequired" },
    [
      /^cc ?0(?: 1 0)?(?: universal)?$/,
      /^cc zero$|^cczero$|^creative commons (?:cc ?zero|zero|cc0)(?: 1 0)?(?: universal)?(?: public domain dedication)?$/,
      /creativecommons org (?:publicdomain|choose) zero/,
      /\bwaived? all copyright\b/,
    ],
  ),
  family(
    "Public domain",
    "https://creativecommons.org/publicdomain/mark/1.0/",
    { commercial: "yes", attribution: "notRequired" },
    [
      /creativecommons org publicdomain mark/,
      /^(?:u ?s |us )?public domain(?: mark)?(?: 1 0)?$/,
      /usa gov publicdomain/,
      /^other pd$|^other public domain$/,
    ],
  ),
  family(
    "ODC PDDL",
    "https://opendatacommons.org/licenses/pddl/",
    { commercial: "yes", attribution: "notRequired" },
    [/\bpddl\b/, /public domain dedication and licen[cs]e/, /opendatacommons org licenses pddl/],
  ),
  family(
    "ODbL",
    "https://opendatacommons.org/licenses/odbl/",
    { commercial: "yes", attribution: "required", shareAlike: true },
    [/\bodbl\b/, /open database licen[cs]e/, /opendatacommons org licenses odbl/],
  ),
  family(
    "ODC-By",
    "https://opendatacommons.org/licenses/by/",
    { commercial: "yes", attribution: "required" },
    [/^odc by(?: 1 0)?$/, /open data commons attribution/, /opendatacommons org licenses by/],
  ),
  family(
    "CC BY-NC-SA",
    "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    { commercial: "no", attribution: "required", shareAlike: true },
    [cc("by nc sa"), /attribution noncommercial sharealike/],
  ),
  family(
    "CC BY-NC-ND",
    "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    { commercial: "no", attribution: "required" },
    [cc("by nc nd"), /attribution noncommercial noderivatives/],
  ),
  family(
    "CC BY-NC",
    "https://creativecommons.org/licenses/by-nc/4.0/",
    { commercial: "no", attribution: "required" },
    [cc("by nc"), /^cc nc$|creative commons non ?commercial/, /attribution noncommercial/],
  ),
  family(
    "CC BY-SA",
    "https://creativecommons.org/licenses/by-sa/4.0/",
    { commercial: "yes", attribution: "required", shareAlike: true },
    [cc("by sa"), /attribution share ?alike/],
  ),
  family(
    "CC BY-ND",
    "https://creativecommons.org/licenses/by-nd/4.0/",
    { commercial: "yes", attribution: "required" },
    [cc("by nd"), /attribution no ?derivatives/],
  ),
  family(
    "CC BY",
    "https://creativecommons.org/licenses/by/4.0/",
    { commercial: "yes", attribution: "required" },
    [
      cc("by"),
      /^creative commons attribution(?: \d(?: 0)?)?(?: international)?$/,
      /opendefinition org licenses cc by$/,
    ],
  ),
  // Canada's federal licence, which many Canadian cities and provinces adopt under their own name.
  family(
    "Open Government Licence – Canada",
    "https://open.canada.ca/en/open-government-licence-canada",
    { commercial: "yes", attribution: "required" },
    [
      /\bopen government licen[cs]e (?:[a-z]+ ){0,3}canada\b/,
      /^ogl canada(?: \d(?: 0)?)?$/,
      /open canada ca/,
    ],
  ),
  family(
    "Open Government Licence",
    "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    { commercial: "yes", attribution: "required" },
    [
      // The UK's own, by name: with its version or "UK", never another government's name after it.
      /^(?:uk )?open government licen[cs]e(?: (?:uk|ogl|for public sector information|v(?:ersion)? ?\d(?: 0)?|\d(?: 0)?))*$/,
      /^(?:uk )?ogl(?: uk)?(?: \d(?: 0)?)?$/,
      /(?:nationalarchives|data) gov uk .*open government licen[cs]e/,
    ],
  ),
  // Another government's adaptation ("Open Government Licence – Ontario", "… – City of Toronto"):
  // the same grant (any use, with credit), under the catalog's own name and link.
  family("", null, { commercial: "yes", attribution: "required" }, [/\bopen government licen[cs]e\b/]),
];

/** `https://www.CreativeCommons.org/licenses/by/4.0/legalcode` → `creativecommons org licenses by 4 0`. */
export function reducedSpelling(text: string): string {
  return text
    .toLowerCase()
    .replace(/^https?:\/\/(?:www\.)?/, "")
    .replace(/\/(?:legalcode|deed\.[a-z-]+)\/?$/, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function knownLicenseFamily(text: string): LicenseFamily | null {
  const reduced = reducedSpelling(text);
  if (reduced === "") return null;
  const found = families.find((candidate) => candidate.patterns.some((pattern) => pattern.test(reduced)));
  if (!found) return null;
  // Creative Commons versions differ in detail, not in these answers; the name keeps the one given.
  const version = found.name.startsWith("CC BY") ? /\b([1-4]) 0\b/.exec(reduced)?.[1] : undefined;
  return version ? { ...found, name: `${found.name} ${version}.0` } : found;
}
