import type { CommandSpec } from "../commands/command-spec.js";

/**
 * `watch <dataset | topic <topic> | "words">` and `watches`, for the registry. A file of its own,
 * importing nothing at run time, so the registry can list it cheaply.
 */
export const watchCommandSpecs: CommandSpec[] = [
  {
    name: "watch",
    descriptionKey: "watches:commands.watch",
    exampleKey: "watches:examples.watch",
    options: [
      {
        name: "what",
        descriptionKey: "watches:options.what",
        type: "string",
        required: true,
        autocomplete: true,
        takesRest: true,
        maxLength: 200,
      },
    ],
  },
  { name: "watches", descriptionKey: "watches:commands.watches", options: [] },
];
