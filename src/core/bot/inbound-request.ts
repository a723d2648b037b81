import { z } from "zod";
import { formValuesSchema } from "../shared/form.js";

/**
 * Everything a person can send us, in platform-neutral form. Adapters build one of these from a
 * validated platform payload; the core routes it. Lengths are capped here so no platform can
 * hand the core a megabyte of text.
 */
export const inboundRequestSchema = z.discriminatedUnion("kind", [
  /** A structured command (Discord slash command with options). */
  z.object({
    kind: z.literal("command"),
    name: z.string().min(1).max(32),
    args: z.record(z.string(), z.union([z.string().max(4000), z.number(), z.boolean()])),
  }),
  /** Text typed after `/datadesk` on Slack or a line at the console: "ask bike lanes". */
  z.object({ kind: z.literal("commandText"), text: z.string().max(4000) }),
  /** Free text: an @mention or a direct message. */
  z.object({ kind: z.literal("message"), text: z.string().max(4000) }),
  /** A button press on a card we sent. */
  z.object({ kind: z.literal("action"), actionId: z.string().min(1).max(40), value: z.string().max(58) }),
  /** A submitted form (Slack view_submission, Discord modal submit, console prompts). */
  z.object({
    kind: z.literal("form"),
    formId: z.string().min(1).max(40),
    context: z.string().max(58),
    values: formValuesSchema,
  }),
  /**
   * A message shortcut ("Turn into problem" on a Slack message): the message's text, which the
   * core may use to prefill a form.
   */
  z.object({
    kind: z.literal("shortcut"),
    shortcutId: z.string().min(1).max(40),
    text: z.string().max(4000),
  }),
]);
export type InboundRequest = z.infer<typeof inboundRequestSchema>;
