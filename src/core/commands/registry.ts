import type { CommandSpec } from "./command-spec.js";

/** The Slack slash command under which every datadesk command is a subcommand. */
export const slackSlashCommand = "/datadesk";

export const commandRegistry: readonly CommandSpec[] = [
  { name: "help", descriptionKey: "help:commandDescriptions.help", options: [] },
];

export function findCommand(name: string): CommandSpec | undefined {
  return commandRegistry.find((command) => command.name === name);
}
