/**
 * What a person wants to know about a dataset. `find` is "is there data on X"; the field
 * intents ask for one piece of metadata; `none` is what the engine concludes when nothing in the
 * catalog answers (it is never detected from the wording).
 */
export const intents = [
  "find",
  "owner",
  "freshness",
  "license",
  "columns",
  "formats",
  "access",
  "none",
] as const;
export type Intent = (typeof intents)[number];
export type FieldIntent = Exclude<Intent, "find" | "none">;

export function isFieldIntent(intent: Intent): intent is FieldIntent {
  return intent !== "find" && intent !== "none";
}

/**
 * Each rule is a set of cue patterns over one normalised clause (lower case, no punctuation,
 * accents folded; `$` is the end of the clause), English then Spanish, plus the words that only
 * say what to answer ("maintains", "license", "csv"): those are left out of the dataset search
 * when the rule fires, while topic words next to them ("liquor" in "liquor license") stay.
 * Rules are tried in order, so "what license … for a commercial map" is about the license.
 */
interface IntentRule {
  intent: FieldIntent;
  /** Wording that names the field ("what columns", "last updated"). */
  cues: readonly RegExp[];
  /** Wording that suggests it ("does it have…", "is it current"): used only when no rule has a named cue. */
  weakCues?: readonly RegExp[];
  cueWords: string;
}

const formatWords =
  "csv|excel|xlsx?|json|geojson|kmz|kml|shapefiles?|shape files?|shp|xml|pdf|spreadsheet|api|download";

const rules: readonly IntentRule[] = [
  {
    intent: "owner",
    cues: [
      /\bwho(?:s| is| are)? (?:at the city |at the county )?(?:maintains?|owns?|runs?|manages?|publish(?:es)?|put together|puts together|made|makes|created?|collects?|compiles?|updates?|is responsible for|are responsible for|(?:is|are) in charge of)\b/,
      /\bwho (?:do|can|should|would) (?:i|we) (?:ask|contact|talk to|speak to|speak with|email|call|reach|write to)\b/,
      /\bwho to (?:ask|contact|talk to|email|call)\b/,
      /\bwho (?:is|s) the (?:contact|owner|maintainer|steward|publisher)\b/,
      /\b(?:contact|maintainer|steward|data owner|point of contact)(?: person| info| information| email| details)? (?:for|of|on|about)\b/,
      /\b(?:which|what) (?:department|agency|office|team|division|organi[sz]ation) (?:is responsible for|maintains|runs|owns|publishes|manages|collects|produces)\b/,
      /\bquien (?:mantiene|publica|administra|gestiona|es responsable de|se encarga de)\b/,
      /\ba quien (?:le )?(?:pregunto|contacto|escribo|llamo|puedo preguntar|puedo contactar)\b/,
      /\b(?:contacto|responsable) (?:de|del|para)\b/,
    ],
    weakCues: [/\bresponsible for\b/],
    cueWords: `who whos maintain maintains maintained maintainer own owns owner run runs manage manages managed
      publish publishes published put together made make makes create created creates collect collects compile
      compiles responsible charge ask contact contacts talk speak email call reach write steward publisher
      person quien mantiene publica administra gestiona responsable encarga pregunto contacto escribo llamo`,
  },
  {
    intent: "license",
    cues: [
      /\b(?:what|which|whats)(?: kind of| type of| sort of)? licen[cs]e\b/,
      /\blicen[cs]e(?:d)? (?:is|on|for|of)\b/,
      /\bunder (?:what|which|an?|the|any)(?: open)? licen[cs]e\b/,
      /\blicen[cs]e$/,
      /^licen[cs]e\b/,
      /\bcommercial(?:ly\b| (?:use|purposes?|apps?|application|product|project|map|website|site|service)\b)/,
      /\b(?:re ?use|republish|redistribute|redistribution)\b/,
      /\b(?:allowed|permitted|ok|okay) to (?:use|publish|share|republish)\b/,
      /\bpublic domain\b/,
      /\b(?:copyright(?:ed)?|terms of use|usage rights|open licen[cs]e)\b/,
      /\blicencia\b|\buso comercial\b|\b(?:puedo|se puede) (?:reutilizar|republicar)\b|\bdominio publico\b/,
    ],
    cueWords: `license licence licensed licenses commercial commercially use reuse re republish redistribute
      redistribution allowed permitted ok okay publish share public domain copyright copyrighted terms usage rights
      open app apps application licencia uso comercial reutilizar republicar dominio publico`,
  },
  {
    intent: "formats",
    cues: [
      new RegExp(`\\b(?:${formatWords})s?\\b`),
      /\b(?:what|which) (?:file )?formats?\b|\bformats?\b/,
      /\bformato\b|\bdescargar\b/,
    ],
    cueWords: `csv excel xls xlsx json geojson kmz kml shapefile shapefiles shape file files shp xml pdf
      spreadsheet api apis download downloads downloadable format formats plain formato descargar archivo
      gis arcgis qgis software program`,
  },
  {
    intent: "columns",
    cues: [
      /\b(?:what|which|whats|list(?: of)?|any|the) (?:columns|fields|variables|attributes|field names)\b/,
      /\b(?:columns?|field names|schema|data dictionary)\b/,
      /\b(?:is|are) there (?:a |an |any )?(?:column|field)s? (?:for|with|on)\b/,
      /\b(?:que )?(?:columnas|campos)\b/,
    ],
    weakCues: [
      /\b(?:does|do) (?:it|they|the [a-z0-9 ]{1,40}?) (?:say|include|have|contain|list|show|record|track|tell|give)\b/,
      /\b(?:broken|break) (?:down|out) by\b|\bbreakdown by\b/,
      /\b(?:what|which) (?:[a-z]+ )?(?:kinds?|types?|categories|sorts?) (?:of [a-z]+ )?(?:are|is) (?:counted|included|recorded|listed|tracked|covered|in)\b/,
      /\b(?:incluye|contiene)\b/,
    ],
    cueWords: `column columns field fields variables variable attributes attribute schema dictionary say include
      includes contain contains list show record track tell give broken break breakdown down kinds kind types
      type categories sorts counted included recorded listed tracked covered columnas campos incluye contiene`,
  },
  {
    intent: "freshness",
    cues: [
      /\b(?:when|how recently) (?:was|is|were|did) (?:[a-z0-9 ]{1,40}? )?(?:last )?(?:updated|refreshed|modified|changed|published|update|refresh)\b/,
      /\b(?:last|latest|most recent) (?:updated?|refresh(?:ed)?|modified|change|update date)\b/,
      /\b(?:up to date|uptodate|outdated|out of date|stale)\b/,
      /\b(?:still|ever) (?:being |getting )?(?:updated|maintained|refreshed|published)\b/,
      /\bhow (?:old|recent|fresh|current)\b/,
      /\bactualizad[oa]s?\b|\bultima actualizacion\b|\bque tan (?:viejos?|recientes?|actuales?)\b/,
    ],
    weakCues: [
      /\bcurrent$/,
      /\bhow often\b/,
      /\b(?:is it|or is it) (?:dead|abandoned|discontinued)\b/,
      /\bvigentes?$/,
    ],
    cueWords: `current currently updated update updates refreshed refresh modified changed last latest recent
      recently old stale outdated date fresh often dead abandoned discontinued maintained still yet when
      actualizado actualizada actualizados actualizadas ultima actualizacion tan viejo viejos reciente recientes
      actual actuales vigente vigentes`,
  },
  {
    intent: "access",
    cues: [
      /\b(?:request|get|gain|apply for|need|obtain) access\b/,
      /\baccess request\b|\b(?:restricted|non public|nonpublic|confidential) (?:data|dataset|access|file)\b/,
      /\b(?:is|are) (?:it|this|that|they|the (?:data|dataset|file)) (?:restricted|non public|nonpublic|confidential|private)\b/,
      /\b(?:need|get|ask for|request) (?:a )?permission\b|\bpermission to\b/,
      /\bsolicitar acceso\b|\bacceso restringido\b|\bpermiso para\b/,
    ],
    cueWords: `access request requests get gain apply need obtain restricted non public nonpublic confidential
      permission permissions solicitar acceso restringido permiso`,
  },
];

const cueWordsByIntent = new Map<FieldIntent, ReadonlySet<string>>(
  rules.map((rule) => [rule.intent, new Set(rule.cueWords.split(/\s+/).filter((word) => word !== ""))]),
);

/** Reads the intent from the wording alone (each clause on its own); `find` when no field is asked about. */
export function detectIntent(clauses: readonly string[]): Exclude<Intent, "none"> {
  const fires = (cues: readonly RegExp[] | undefined) =>
    (cues ?? []).some((cue) => clauses.some((clause) => cue.test(clause)));
  return (
    rules.find((rule) => fires(rule.cues))?.intent ??
    rules.find((rule) => fires(rule.weakCues))?.intent ??
    "find"
  );
}

/** The words of a clause that name the dataset rather than the field asked about. */
export function withoutCueWords(intent: Intent, clauseWords: readonly string[]): string[] {
  const cueWords = isFieldIntent(intent) ? cueWordsByIntent.get(intent) : undefined;
  return cueWords ? clauseWords.filter((word) => !cueWords.has(word)) : [...clauseWords];
}

/**
 * For a columns question, what the person hopes is in the data: the text after the last "does
 * it include / is there / broken down by" ("does it include flow in cfs and lat long" → "flow in
 * cfs and lat long"), or "" when they only asked for the list.
 */
export function askedColumnsText(clauses: readonly string[]): string {
  const asking =
    /\b(?:(?:does|do) (?:it|they|the [a-z0-9 ]{1,40}?) (?:say|include|have|contain|list|show|record|track|tell|give)(?: us)?(?: a column for| whether| if| the)?|(?:is|are) there(?: a| an| any)?(?: columns?| fields?)?(?: for| with| on)?|(?:broken|break) (?:down|out) by|breakdown by|(?:incluye|contiene|tiene|hay)(?: una columna de| un campo de)?)\b/g;
  let asked = "";
  for (const clause of clauses) {
    for (const match of clause.matchAll(asking))
      asked = clause.slice((match.index ?? 0) + match[0].length).trim();
  }
  return asked;
}

/** File formats the person named, as catalog format labels ("shapefile" → SHP). */
export function askedFormats(clauses: readonly string[]): string[] {
  const labels: Record<string, string> = {
    csv: "CSV",
    excel: "XLSX",
    xls: "XLS",
    xlsx: "XLSX",
    spreadsheet: "XLSX",
    json: "JSON",
    geojson: "GEOJSON",
    kml: "KML",
    kmz: "KMZ",
    shapefile: "SHP",
    shapefiles: "SHP",
    shp: "SHP",
    xml: "XML",
    pdf: "PDF",
    api: "API",
  };
  const found = new Set<string>();
  for (const clause of clauses) {
    for (const word of clause.split(" ")) {
      const label = labels[word];
      if (label) found.add(label);
    }
    if (/\bshape files?\b/.test(clause)) found.add("SHP");
  }
  return [...found];
}
