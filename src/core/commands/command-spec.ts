/**
 * One description of every chat command, from which the Slack manifest, the Discord command
 * list, the console parser and the help card are all derived, so they cannot drift apart.
 */
export interface CommandOptionSpec {
  name: string;
  /** i18n key of the option's description. */
  descriptionKey: string;
  /**
   * "user": a person. Discord offers its member picker; Slack and the console take a typed
   * mention. Either way the handler receives a string, `<@platform user id>` when picked.
   */
  type: "string" | "integer" | "boolean" | "user";
  required: boolean;
  /** Discord offers autocomplete for this option. */
  autocomplete?: boolean;
  /**
   * The only values the handler accepts. Discord offers them as a fixed list (labels translated,
   * the value sent as written here); Slack and the console take them typed.
   */
  choices?: readonly { value: string; labelKey: string }[];
  /** On Slack and the console, the rest of the typed text fills this option. */
  takesRest?: boolean;
  maxLength?: number;
}

export interface CommandSpec {
  /** Lower-case, 1–32 characters: a Discord command name and a Slack `/datadesk` subcommand. */
  name: string;
  /** i18n key of the one-line description (help card, Slack usage, Discord description). */
  descriptionKey: string;
  options: CommandOptionSpec[];
  /** Example of the arguments, shown in help ("bike lanes"), as an i18n key. */
  exampleKey?: string;
  /**
   * "admins": only community admins may run it. The core enforces that on every platform; a
   * platform that can also hide a command from others by default (Discord) does so.
   */
  audience?: "admins";
  /**
   * "typed": reached only by typing it (a DM, a mention, `/datadesk <name>` on Slack, the
   * console), never registered as a Discord command nor listed in help: for one-off words such
   * as the first-admin claim, which would otherwise sit in every member's command list for ever.
   */
  surface?: "typed";
}
