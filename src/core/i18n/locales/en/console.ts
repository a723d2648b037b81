export const console = {
  welcome: "datadesk console — you are {{name}} in {{community}}. Type help, a question, or quit.",
  goodbye: "Bye!",
  actionsHint: "(type !1, !2… to press a button)",
  noSuchButton: "There is no button {{number}} on the last card.",
  sample: {
    offer:
      "No data catalog yet, so there is nothing to answer from. Load a small sample (20 real datasets from Fort Collins, Colorado) to try me? (yes/no)",
    loading: "Loading the sample catalog…",
    loaded:
      'Loaded {{count}} sample datasets as the catalog "{{name}}". Try: is there data on solar panels? (Remove it later with: datadesk catalog remove {{name}})',
    declined: "No sample then. Import your own catalog with: datadesk catalog import <file|url>",
  },
  form: {
    intro: "{{title}} — answer each question (type cancel to stop).",
    optional: "(optional: press Enter to skip)",
    yesNo: "Answer yes or no.",
    current: "Now: {{value}} (press Enter to keep it)",
    required: "This one is needed.",
    pickOption: "Type a number from 1 to {{count}}.",
    pickSeveral: "Type the numbers of your choices, separated by commas (1 to {{count}}), or none.",
    tooShort: "Please write at least {{min}} characters.",
    tooLong: "Please keep it under {{max}} characters.",
    cancelled: "Form cancelled: nothing was sent.",
    fix: "Please fix: {{label}}: {{error}}",
  },
};
