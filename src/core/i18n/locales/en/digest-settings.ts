/** Words of the personal digest settings (`/datadesk digest settings`). */
export const digestSettings = {
  form: {
    title: "Your weekly digest",
    submit: "Save",
    enabled: "Send me the digest by DM",
    enabledHint: "Every week, when the community's digest goes out",
    sections: "Sections",
    sectionsHint: "What your DM keeps; tick none to keep nothing",
  },
  sections: {
    newProblems: "New problems",
    mostVoted: "Most voted problems",
    statusChanges: "Decisions on problems",
    awaitingTriage: "Problems waiting for triage (champions)",
    showcases: "Showcases published",
    datasetChanges: "Datasets added and updated",
    dataMatches: "New data that may answer problems (champions)",
    overdueDatasets: "Datasets overdue for an update",
    metadataGaps: "Most-asked metadata gaps",
    impact: "Impact figures",
    accessWaiting: "Access requests waiting (champions)",
    slaBreaches: "Requests past their response time (champions)",
  },
  errors: {
    onOff: "Choose on or off.",
    unknownSection: "That is not a section you can choose: {{value}}.",
    championsOnly: "Only champions can get the champions' sections (triage, matches and access requests).",
    noSections: "Pick at least one section, or turn the digest off.",
  },
  saved: {
    title: "Your digest settings are saved",
    on: "On: a DM every week, next on {{date}}.",
    off: "Off: you will not get a personal digest. The community's digest channel still has it.",
    sections: "Sections",
    none: "none",
  },
};
