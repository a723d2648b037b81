import { accessCommandSpecs } from "../access/access-commands.js";
import { communityCommandSpecs } from "../community/community-commands.js";
import { digestCommandSpecs } from "../digest/digest-commands.js";
import { CHANNEL_COMMAND_PURPOSES } from "../problems/channel-command-purposes.js";
import { showcaseCommandSpecs } from "../showcases/showcase-commands.js";
import { watchCommandSpecs } from "../watches/watch-commands.js";
import type { CommandSpec } from "./command-spec.js";

/** The Slack slash command under which every datadesk command is a subcommand. */
export const slackSlashCommand = "/datadesk";

export const commandRegistry: readonly CommandSpec[] = [
  { name: "help", descriptionKey: "help:commandDescriptions.help", options: [] },
  {
    name: "note",
    descriptionKey: "catalogAdmin:commands.note",
    exampleKey: "catalogAdmin:examples.note",
    options: [
      {
        name: "dataset",
        descriptionKey: "catalogAdmin:options.noteDataset",
        type: "string",
        required: true,
        autocomplete: true,
        maxLength: 200,
      },
      {
        name: "kind",
        descriptionKey: "catalogAdmin:options.noteKind",
        type: "string",
        required: true,
        autocomplete: true,
        maxLength: 30,
      },
      {
        name: "text",
        descriptionKey: "catalogAdmin:options.noteText",
        type: "string",
        required: true,
        takesRest: true,
        maxLength: 1000,
      },
    ],
  },
  { name: "gaps", descriptionKey: "catalogAdmin:commands.gaps", options: [] },
  {
    name: "ask",
    descriptionKey: "catalog:commands.ask",
    exampleKey: "catalog:examples.ask",
    options: [
      {
        name: "question",
        descriptionKey: "catalog:options.question",
        type: "string",
        required: true,
        takesRest: true,
        maxLength: 500,
      },
      {
        name: "catalog",
        descriptionKey: "catalog:options.catalog",
        type: "string",
        required: false,
        autocomplete: true,
        maxLength: 100,
      },
    ],
  },
  {
    name: "dataset",
    descriptionKey: "catalog:commands.dataset",
    exampleKey: "catalog:examples.dataset",
    options: [
      {
        name: "name",
        descriptionKey: "catalog:options.name",
        type: "string",
        required: true,
        autocomplete: true,
        takesRest: true,
        maxLength: 200,
      },
    ],
  },
  {
    name: "problem",
    descriptionKey: "problems:commands.problem",
    exampleKey: "problems:examples.problem",
    options: [
      {
        name: "topic",
        descriptionKey: "problems:options.topic",
        type: "string",
        required: false,
        autocomplete: true,
        takesRest: true,
        maxLength: 75,
      },
      { name: "anonymous", descriptionKey: "problems:options.anonymous", type: "boolean", required: false },
    ],
  },
  {
    name: "problems",
    descriptionKey: "problems:commands.problems",
    exampleKey: "problems:examples.problems",
    options: [
      {
        name: "view",
        descriptionKey: "problems:options.view",
        type: "string",
        required: false,
        autocomplete: true,
        takesRest: true,
        maxLength: 75,
      },
      { name: "page", descriptionKey: "problems:options.page", type: "integer", required: false },
    ],
  },
  {
    name: "link",
    descriptionKey: "problems:commands.link",
    options: [
      {
        name: "code",
        descriptionKey: "problems:options.code",
        type: "string",
        required: false,
        takesRest: true,
        maxLength: 20,
      },
    ],
  },
  {
    name: "channel",
    descriptionKey: "problems:commands.channel",
    audience: "admins",
    exampleKey: "problems:examples.channel",
    options: [
      {
        name: "purpose",
        descriptionKey: "problems:options.purpose",
        type: "string",
        required: true,
        choices: CHANNEL_COMMAND_PURPOSES.map((value) => ({
          value,
          labelKey: `community:setup.channelNames.${value}`,
        })),
        takesRest: true,
        maxLength: 20,
      },
    ],
  },
  // Access requests: `request <dataset>` and `requests` (specs kept with the use cases).
  ...accessCommandSpecs,
  // The community: champions directory, profiles, roles and setup.
  ...communityCommandSpecs,
  // Showcases: `showcase [dataset]` opens the two-step form.
  ...showcaseCommandSpecs,
  // The weekly digest: `digest [action]` (champions preview this week so far).
  ...digestCommandSpecs,
  // Watches: `watch <dataset | topic <topic> | "words">` and `watches`.
  ...watchCommandSpecs,
];

/** What help, the Discord command list and the Slack usage hint show: all but typed-only words. */
export const listedCommands: readonly CommandSpec[] = commandRegistry.filter(
  (command) => command.surface !== "typed",
);

export function findCommand(name: string): CommandSpec | undefined {
  return commandRegistry.find((command) => command.name === name);
}
