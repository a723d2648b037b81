import type { RequestContext } from "../bot/request-context.js";
import type { FormReply, Reply } from "./card.js";
import type { FormValues } from "./form.js";

/*
 * The shapes of a route handler, in a leaf of their own: bot/routes.ts imports every capability's
 * route table, and those tables (and their use cases) need these types back; keeping them here
 * stops that from being an import circle.
 */

export type CommandArgs = Record<string, string | number | boolean>;
export type CommandHandler = (ctx: RequestContext, args: CommandArgs) => Promise<Reply> | Reply;
export type ActionHandler = (ctx: RequestContext, value: string) => Promise<Reply> | Reply;
export type FormHandler = (
  ctx: RequestContext,
  context: string,
  values: FormValues,
) => Promise<FormReply> | FormReply;
export type ShortcutHandler = (ctx: RequestContext, text: string) => Promise<Reply> | Reply;
export type FreeTextHandler = (ctx: RequestContext, text: string) => Promise<Reply> | Reply;

/** One suggestion for a command option as the person types (Discord autocomplete, Slack external select). */
export interface Choice {
  /** Shown to the person (≤ 100 characters). */
  label: string;
  /** Sent back as the option value (≤ 100 characters). */
  value: string;
}
export type AutocompleteHandler = (ctx: RequestContext, text: string) => Promise<Choice[]> | Choice[];

/**
 * What a capability module (core/<capability>/index.ts) hands the bot: its route tables by
 * command name, "command.option", action id and form id, plus whatever else it owns (command
 * specs, jobs, strings).
 */
export interface CapabilityModule {
  commands: Record<string, CommandHandler>;
  autocomplete: Record<string, AutocompleteHandler>;
  actions: Record<string, ActionHandler>;
  forms: Record<string, FormHandler>;
  /** Message shortcuts by id. */
  shortcuts?: Record<string, ShortcutHandler>;
  /** Its commands for the registry (typed there: this leaf imports no registry). */
  commandSpecs?: readonly unknown[];
  /** Its scheduled jobs and hooks, by name, for main.ts to wire. */
  jobs?: Record<string, unknown>;
  /** Its i18n namespace by language. */
  i18n?: Record<string, unknown>;
}
