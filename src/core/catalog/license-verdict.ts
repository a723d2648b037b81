import {
  type Attribution,
  knownLicenseFamily,
  type LicenseFamily,
  type Permission,
} from "./license-families.js";

export type { Attribution, Permission };

/**
 * "Can I use it commercially? Do I have to credit anyone?" answered from what the catalog's
 * licence field says: a known licence (SPDX id, Creative Commons, ODC, OGL, public domain, by URL
 * or name) has a fixed verdict; a custom terms text is read for what it says (a grant, a
 * restriction, an attribution clause, share-alike, a disclaimer). Anything the text does not
 * settle is `unclear`, and the answer then says whom to ask: claiming more certainty than the
 * text gives would be worse than no answer.
 */

export interface LicenseVerdict {
  /** `none`: the catalog states no licence (empty, "To be added.", "N/A"…). */
  kind: "known" | "custom" | "none";
  /** The licence's usual short name ("CC BY 4.0"), for a known licence. */
  name: string | null;
  url: string | null;
  /** The terms as the catalog states them (plain text), for a custom text. */
  text: string | null;
  commercial: Permission;
  attribution: Attribution;
  /** Whom to credit, as the text names them ("the City of Fort Collins"), when it does. */
  creditTo: string | null;
  shareAlike: boolean;
  /** The text disclaims warranties or liability. */
  noWarranty: boolean;
  /** The text reserves the publisher's rights ("reserves all rights"): no grant to rely on. */
  rightsReserved: boolean;
  /** A custom text that only disclaims: it neither grants nor restricts use. */
  disclaimerOnly: boolean;
}

export interface LicenseFields {
  licenseId: string | null;
  licenseTitle: string | null;
  licenseUrl: string | null;
}

/** What catalogs write when they have no licence to state. */
const placeholder =
  /^(?:to be (?:added|determined|provided|announced|confirmed)|tbd|tba|tbc|none|none specified|no licen[cs]e(?: (?:specified|provided|stated))?|licen[cs]e not (?:specified|provided|stated)|not specified|unspecified|not applicable|n\/?a|null|nil|unknown|other|see (?:above|below)|licen[cs]e|-+|\.+|\?+|notspecified)$/i;

export function isLicensePlaceholder(text: string | null | undefined): boolean {
  const trimmed = (text ?? "")
    .trim()
    .replace(/[.!:;\s]+$/, "")
    .trim();
  return trimmed === "" || placeholder.test(trimmed);
}

const noCommercial =
  /\bnon-?commercial\b|\bnot (?:be )?(?:used )?for (?:any )?commercial\b|\bcommercial (?:use|purposes?|exploitation)(?: of [^.]{0,60})? (?:is|are) (?:strictly )?(?:not permitted|not allowed|prohibited|forbidden)\b|\b(?:may|shall|must) not (?:be )?(?:used )?(?:for|in) (?:any )?commercial\b|\b(?:may|shall|must) not (?:be )?(?:sold|resold|sell|resell)\b|\bfor (?:internal|personal|private|non-?profit|educational|research) (?:and (?:\w+ )?)?(?:use|purposes) only\b|\bno commercial (?:use|purposes)\b/i;

const grantsUse =
  /\bno restrictions? on (?:the )?(?:use|reuse|re-use|redistribution)\b|\bwithout (?:any )?restrictions?\b|\bfree(?:ly)? (?:to|for) (?:use|copy|share|any)\b|\bfree of charge (?:and|for) (?:any|all) (?:use|purpose)|\b(?:may|can) be (?:freely )?(?:used|copied|shared|redistributed|reused|re-used)(?: and [a-z]+)? (?:by anyone |for any (?:lawful )?purpose|freely|without)|\bfor any (?:lawful )?purpose\b|\bcommercial (?:and|or) non-?commercial\b|\b(?:you|users?) (?:may|can|are free to) (?:freely )?(?:use|copy|share|redistribute|reuse|re-use|modify)\b|\bunrestricted (?:use|access|reuse)\b|\bopen (?:data )?licen[cs]e\b|\bwaived? all (?:copyright|rights)\b|\bin the public domain\b|\bdedicated? to the public domain\b/i;

const attributionClause =
  /\b(?:must|shall|should|will|are required to|is required to|agrees? to|please) (?:also )?(?:acknowledge|credit|attribute|cite|reference|give (?:appropriate )?credit|include (?:an? |the )?(?:attribution|acknowledge?ment|credit|citation))\b|\battribution (?:is |shall be |must be )?(?:required|requested)\b|\b(?:acknowledge?ment|credit|citation) (?:is |shall be |must be )?(?:required|requested|given)\b|\bsource (?:must|shall|should) be (?:acknowledged|credited|cited)\b/i;

/** A sentence that tells you to credit someone by name: "Credit the Metro Council." "Please cite Riverside GIS." */
const imperativeCredit =
  /(?:^|[.;:!]\s+)(?:[Pp]lease\s+)?(?:[Cc]redit|[Cc]ite|[Aa]cknowledge|[Aa]ttribute)\s+(?:the\s+)?[A-Z]/;

const creditTarget =
  /\b(?:[Aa]cknowledge|[Cc]redit|[Aa]ttribute(?: (?:it|the data|the source))? to|[Cc]ite|[Rr]eference)\s+((?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of|and|for|the|de|[A-Z][\w.&'’-]*))*)/;

const shareAlikeClause =
  /\bshare[- ]?alike\b|\bunder (?:the )?same (?:or (?:a )?(?:similar|compatible) )?(?:licen[cs]e|terms)\b|\bsame licen[cs]e\b/i;

const disclaimer =
  /\bas[- ]is\b|\bwithout (?:any )?warrant|\bno warrant|\bmakes? no (?:representations?|warrant|guarantee)|\bdisclaims?\b|\bnot (?:be )?(?:held )?(?:liable|responsible)\b|\bno (?:liability|responsibility)\b|\bhold\b[^.]{0,80}\bharmless\b|\bdoes not (?:warrant|guarantee)\b/i;

const rightsReserved = /\ball rights reserved\b|\breserves? all rights\b|\bcopyright\b(?![^.]{0,40}waive)/i;

function creditToOf(text: string): string | null {
  const match = creditTarget.exec(text);
  const target = match?.[1]
    ?.replace(/[.,;:]+$/, "")
    .replace(/\s+(?:as|in|when|for|on|if|and)$/i, "")
    .replace(/\s+(?:as the source|as source)$/i, "")
    .trim();
  if (!target || /^(?:the )?(?:data|dataset|source|use|it|them)$/i.test(target)) return null;
  return target;
}

function fromFamily(family: LicenseFamily, fields: LicenseFields): LicenseVerdict {
  return {
    kind: "known",
    name: family.name || fields.licenseTitle?.trim() || fields.licenseId,
    url: fields.licenseUrl ?? family.url,
    text: null,
    commercial: family.commercial,
    attribution: family.attribution,
    creditTo: null,
    shareAlike: family.shareAlike,
    noWarranty: family.noWarranty,
    rightsReserved: false,
    disclaimerOnly: false,
  };
}

function fromText(text: string, url: string | null): LicenseVerdict {
  const restricts = noCommercial.test(text);
  const grants = grantsUse.test(text);
  const requiresCredit = attributionClause.test(text) || imperativeCredit.test(text);
  const noWarranty = disclaimer.test(text);
  const reserved = rightsReserved.test(text);
  const commercial: Permission = restricts ? "no" : grants && !reserved ? "yes" : "unclear";
  const waived = /\bwaived? all (?:copyright|rights)\b|\bpublic domain\b/i.test(text);
  return {
    kind: "custom",
    name: null,
    url,
    text,
    commercial,
    attribution: requiresCredit ? "required" : waived ? "notRequired" : "notStated",
    creditTo: requiresCredit ? creditToOf(text) : null,
    shareAlike: shareAlikeClause.test(text),
    noWarranty,
    rightsReserved: reserved,
    disclaimerOnly: noWarranty && !restricts && !grants && !requiresCredit && !reserved,
  };
}

/** The verdict for a dataset's licence fields, as stored (plain text). */
export function licenseVerdict(fields: LicenseFields): LicenseVerdict {
  const title = fields.licenseTitle?.trim() || null;
  const candidates = [fields.licenseId, fields.licenseUrl, title].filter(
    (value): value is string => typeof value === "string" && value.trim() !== "",
  );
  // A licence named outright (an id, a URL, or a short title) has a fixed verdict. A long terms
  // text is read for what it says, even when it mentions a licence in passing.
  const shortTitle = title !== null && title.length <= 120 ? title : null;
  // The URL first: it usually carries the version ("…/licenses/by-sa/4.0").
  const family = [fields.licenseUrl, fields.licenseId, shortTitle]
    .map((candidate) => (candidate ? knownLicenseFamily(candidate) : null))
    .find((found) => found !== null);
  if (family) return fromFamily(family, fields);
  if (title && !isLicensePlaceholder(title)) {
    const named = knownLicenseFamily(title);
    const verdict = fromText(title, fields.licenseUrl);
    // "To the extent possible under law, X has waived all copyright…" is CC0's own wording.
    return named && verdict.commercial !== "no" ? { ...fromFamily(named, fields), text: title } : verdict;
  }
  // Only a link to terms we do not know ("https://city.example/terms"): custom, to be read there.
  const url = fields.licenseUrl?.trim() ?? "";
  if (/^https?:\/\//i.test(url)) return { ...fromText("", url), text: null, disclaimerOnly: false };
  return none(candidates.find((candidate) => /^https?:\/\//i.test(candidate)) ?? null);
}

function none(url: string | null): LicenseVerdict {
  return {
    kind: "none",
    name: null,
    url: url && /^https?:\/\//i.test(url) ? url : null,
    text: null,
    commercial: "unclear",
    attribution: "notStated",
    creditTo: null,
    shareAlike: false,
    noWarranty: false,
    rightsReserved: false,
    disclaimerOnly: false,
  };
}
