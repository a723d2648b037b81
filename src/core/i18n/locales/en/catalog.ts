/** Words of dataset answers: the ask and dataset commands, answer cards and "not found". */
export const catalog = {
  commands: {
    ask: "Ask about the open data, e.g. is there data on…, who maintains…, is it current…",
    dataset: "Show one dataset with its summary, freshness, contact, license and formats",
  },
  options: {
    question: "Your question, in your own words",
    catalog: "Only search this catalog",
    name: "The dataset's title or key",
  },
  examples: {
    ask: "is there any data on bike lanes?",
    dataset: "Food Inspections",
  },
  unknownCatalog: "There is no catalog called “{{name}}”. The catalogs are: {{names}}.",
  emptyQuestion: "Ask me about data in your own words, for example: {{example}}",
  labels: {
    updated: "Updated",
    contact: "Contact",
    license: "License",
    formats: "Formats",
    catalog: "Catalog",
    usageNotes: "Notes on using it",
    alsoRelevant: "Also relevant",
    columns: "Columns",
  },
  answer: {
    owner: "Who to ask",
    ownerPublisherOnly: "The catalog lists no contact person. Publisher",
    ownerNone: "The catalog lists no contact or publisher for this dataset.",
    license: "License",
    licenseNone:
      "The catalog states no license for this dataset, so reuse terms are unclear: ask the publisher before reusing it.",
    freshnessNone: "The catalog does not say when this dataset was last updated.",
    columnsNone: "The catalog does not list this dataset's columns.",
    columnsHave: "Yes, it has “{{asked}}”",
    columnsHaveNot: "No column for “{{asked}}”.",
    formatsNone: "The catalog lists no downloads or API for this dataset.",
    formatHas: "Yes, it is available as {{format}}.",
    formatHasAt: "Yes — {{format}}:",
    formatDownload: "get it here",
    formatHasNot: "It is not available as {{format}}.",
    formatHasNotButOthers: "No {{format}}; it is available as {{available}}.",
    formatsAvailable: "Available as",
    access: "Access",
    accessLevels: {
      public: "public, anyone can use it",
      restricted: "restricted: you need to request access",
      nonPublic: "not public: you need to request access",
    },
  },
  license: {
    commercialLabel: "Commercial use",
    commercial: { yes: "yes", no: "no, not for commercial use" },
    commercialUnclear:
      "unclear: the terms neither allow nor forbid it. Ask {{contact}} before relying on it.",
    creditLabel: "Credit",
    credit: {
      notRequired: "not required",
      notStated: "the terms do not ask for credit",
    },
    creditRequired: "required: credit {{whom}} as the source",
    creditTo: "required: credit {{whom}}",
    shareAlikeLabel: "Share-alike",
    shareAlike: "yes: share what you make from it under the same license",
    rightsReserved:
      "The publisher reserves all rights in the data; nothing in the terms grants you a license.",
    disclaimerOnly:
      "These terms only disclaim warranties and liability: they neither grant nor restrict use.",
    noWarranty: "Provided as is, without warranty.",
    termsAsStated: "Terms, as the catalog states them:",
    termsLink: "the terms",
    custom: "custom terms (ask for details)",
    noneShort: "not stated",
    none: "The catalog states no license for this dataset, so whether you may reuse it (commercially or not) is unclear. Ask {{contact}}.",
    thePublisher: "the publisher",
  },
  formatNames: {
    SHP: "shapefile",
    API: "an API",
  },
  freshness: {
    unknown: "not stated",
    current: "{{date}}: current (updated every {{period}}, next due {{due}})",
    overdue: "{{date}}: overdue by {{late}} (it should be updated every {{period}})",
    age: "{{date}} ({{age}} ago)",
  },
  more: "… and {{count}} more",
  noCatalog: {
    title: "No data catalog yet",
    body: "This community hasn't imported its open-data catalog yet, so there is nothing to search. An admin can import one (a DCAT-US data.json, a CKAN portal or a Socrata catalog) with:",
  },
  notFound: {
    title: "I couldn't find that in the catalog",
    body: "No dataset in {{catalog}} clearly answers this.",
    allCatalogs: "the catalog",
    missingTopic: "Nothing in it mentions “{{topics}}”.",
    nearMiss:
      "The closest match, “{{title}}”, shares words with your question but is not about “{{topics}}”: probably not it.",
    closest: "The closest matches, which probably don't answer it:",
    fileProblem:
      "If this data should exist, tell the data champions: file it as a problem so others can support it and the champions can look for it.",
  },
  buttons: {
    notWhatINeed: "Not what I need",
    fileProblem: "File a problem",
    requestAccess: "Request access",
    open: "Open in the catalog",
  },
  datasetNotFound: "No current dataset matches “{{name}}”. Try its title or key.",
};
