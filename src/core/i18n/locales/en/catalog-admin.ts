/** Words of catalog administration: usage notes, metadata gaps, import and sync failures. */
export const catalogAdmin = {
  commands: {
    note: "Add a best use case or a caveat to a dataset (champions)",
    gaps: "Show the metadata questions people ask most that the catalog can't answer (champions)",
  },
  options: {
    noteDataset: "The dataset: its key or its title",
    noteKind: "use_case (a best use case) or caveat",
    noteText: "The note, in a sentence or two",
  },
  examples: {
    note: "Food Inspections | caveat: inspections before 2010 use older violation codes",
  },
  noteKinds: {
    use_case: "best use case",
    caveat: "caveat",
  },
  noteUsage: "Tell me the dataset and the note, like this: {{usage}}",
  noteAdded: "Added a {{kind}} to ",
  noteAddedSource: "Catalog {{source}} · key {{key}}",
  datasetNotFound: "No current dataset matches “{{reference}}”. Try its key or its exact title.",
  datasetAmbiguous: "“{{reference}}” matches several datasets: {{candidates}}. Use the key to pick one.",
  catalogNotFound:
    "There is no catalog called “{{name}}”. `datadesk catalog list` shows the catalogs there are.",
  sourceFailed: "{{detail}} Nothing was changed.",
  emptyCatalog: "{{location}} lists no datasets, so there was nothing to import. Nothing was changed.",
  noValidDatasets:
    "None of the {{read}} records in {{location}} is a dataset I can use: is it the right file, and the right --kind? Nothing was changed.",
  gapsTitle: "Most-asked metadata gaps",
  gapsIntro:
    "Questions people asked that the catalog could not answer. Fixing them at the source helps everyone.",
  gapsEmpty: "No metadata gaps yet: every question so far found its answer in the catalog.",
  gapAsked_one: "asked once, last on {{date}}",
  gapAsked_other: "asked {{count}} times, last on {{date}}",
  gapFields: {
    license: "licence",
    contact: "contact",
    columns: "columns",
    formats: "formats",
    update_frequency: "update frequency",
    freshness: "last update",
    access: "access level",
    description: "description",
    temporal: "time coverage",
    spatial: "area covered",
    publisher: "publisher",
    api: "API",
  },
};
