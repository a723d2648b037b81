import type { CommandSpec } from "../commands/command-spec.js";
import { championLevels } from "../people/roles.js";

/**
 * The community commands for the registry: `champions [topic]`, `profile`, `role` and `setup`.
 * Imports only leaves at run time, so the registry can list them without loading the use cases.
 * `role` takes one line on Slack and the console ("grant @maria champion internal"), all in
 * `action`; Discord shows each part as its own option.
 */
export const communityCommandSpecs: CommandSpec[] = [
  {
    name: "champions",
    descriptionKey: "community:commands.champions",
    exampleKey: "community:examples.champions",
    options: [
      {
        name: "topic",
        descriptionKey: "community:options.topic",
        type: "string",
        required: false,
        autocomplete: true,
        takesRest: true,
        maxLength: 75,
      },
    ],
  },
  { name: "profile", descriptionKey: "community:commands.profile", options: [] },
  {
    name: "claim",
    descriptionKey: "community:commands.claim",
    surface: "typed",
    options: [
      {
        name: "code",
        descriptionKey: "community:options.claimCode",
        type: "string",
        required: true,
        takesRest: true,
        maxLength: 30,
      },
    ],
  },
  {
    name: "role",
    descriptionKey: "community:commands.role",
    audience: "admins",
    exampleKey: "community:examples.role",
    options: [
      {
        name: "action",
        descriptionKey: "community:options.action",
        type: "string",
        required: true,
        takesRest: true,
        maxLength: 600,
      },
      {
        name: "user",
        descriptionKey: "community:options.user",
        type: "user",
        required: false,
        maxLength: 100,
      },
      {
        name: "role",
        descriptionKey: "community:options.role",
        type: "string",
        required: false,
        choices: (["champion", "steward", "admin"] as const).map((value) => ({
          value,
          labelKey: `community:roleNames.${value}`,
        })),
        maxLength: 20,
      },
      {
        name: "level",
        descriptionKey: "community:options.level",
        type: "string",
        required: false,
        choices: championLevels.map((value) => ({ value, labelKey: `community:levelNames.${value}` })),
        maxLength: 20,
      },
      {
        name: "reason",
        descriptionKey: "community:options.reason",
        type: "string",
        required: false,
        maxLength: 500,
      },
    ],
  },
  { name: "setup", descriptionKey: "community:commands.setup", audience: "admins", options: [] },
];
