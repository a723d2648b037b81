import type { CommandSpec } from "../commands/command-spec.js";

/**
 * The showcase command for the registry: `showcase` opens the form; on Discord the optional
 * `dataset` option autocompletes from the catalog and starts step two with it. A file of its
 * own, importing nothing at run time, so the registry can list it without loading the use cases.
 */
export const showcaseCommandSpecs: CommandSpec[] = [
  {
    name: "showcase",
    descriptionKey: "showcases:commands.showcase",
    exampleKey: "showcases:examples.showcase",
    options: [
      {
        name: "dataset",
        descriptionKey: "showcases:options.dataset",
        type: "string",
        required: false,
        autocomplete: true,
        takesRest: true,
        maxLength: 200,
      },
    ],
  },
];
