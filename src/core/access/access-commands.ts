import type { CommandSpec } from "../commands/command-spec.js";

/**
 * The access commands for the registry: `request <dataset>` (Discord autocompletes the dataset)
 * and `requests`. A file of its own, importing nothing at run time, so the registry can list it
 * without loading the use cases.
 */
export const accessCommandSpecs: CommandSpec[] = [
  {
    name: "request",
    descriptionKey: "access:commands.request",
    exampleKey: "access:examples.request",
    options: [
      {
        name: "dataset",
        descriptionKey: "access:options.dataset",
        type: "string",
        required: true,
        autocomplete: true,
        takesRest: true,
        maxLength: 200,
      },
    ],
  },
  { name: "requests", descriptionKey: "access:commands.requests", options: [] },
];
