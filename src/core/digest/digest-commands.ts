import type { CommandSpec } from "../commands/command-spec.js";

/**
 * `digest [action]` for the registry. One command with an action keeps room for more digest
 * actions (personal settings) without another slash command; with no action it previews.
 * A file of its own, importing nothing at run time, so the registry can list it cheaply.
 */
export const digestCommandSpecs: CommandSpec[] = [
  {
    name: "digest",
    descriptionKey: "digest:commands.digest",
    options: [
      {
        name: "action",
        descriptionKey: "digest:options.action",
        type: "string",
        required: false,
        autocomplete: true,
        takesRest: true,
        maxLength: 40,
      },
    ],
  },
];
