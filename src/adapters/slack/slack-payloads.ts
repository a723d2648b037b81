import { z } from "zod";

/**
 * The parts of Slack's payloads we rely on, validated at the edge. Bolt has already checked the
 * signature (HTTP) or the connection (Socket Mode); this checks the shape, so a field Slack renamed
 * or a hand-crafted request becomes a logged "invalid" instead of undefined deep in a handler.
 * Unknown fields are dropped.
 */

const slackId = z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,63}$/i);
const messageTs = z.string().regex(/^\d{1,12}\.\d{1,9}$/);
const text = z.string().max(40_000);
/** Lets us open a modal, for 3 seconds after the click, command or shortcut. */
const triggerId = z.string().min(1).max(255);

/** https://docs.slack.dev/interactivity/implementing-slash-commands (form fields). */
export const slashCommandSchema = z.object({
  command: z.string().min(1),
  text: text.default(""),
  team_id: slackId,
  user_id: slackId,
  user_name: z.string().max(200).optional(),
  channel_id: slackId,
  response_url: z.url({ protocol: /^https?$/ }),
  trigger_id: triggerId,
});
export type SlashCommand = z.infer<typeof slashCommandSchema>;

/** The event_callback envelope: `team_id` is the workspace the app is installed in. */
export const eventEnvelopeSchema = z.object({
  team_id: slackId,
  /** Unique per event, and the same on Slack's retries (X-Slack-Retry-Num): what we dedupe on. */
  event_id: z.string().min(1).max(200).optional(),
});

export const appMentionSchema = z.object({
  type: z.literal("app_mention"),
  user: slackId,
  text: text.default(""),
  channel: slackId,
  ts: messageTs,
  thread_ts: messageTs.optional(),
});

/**
 * Which `message` events are a person writing to us in a DM: edits, deletions, joins and bot
 * posts all carry a subtype or a bot_id. Everything else is not for us (not "invalid").
 */
export const personalDirectMessageFilter = z.object({
  channel_type: z.literal("im"),
  subtype: z.undefined().optional(),
  bot_id: z.undefined().optional(),
});

export const directMessageSchema = z.object({
  type: z.literal("message"),
  user: slackId,
  text: text.default(""),
  channel: slackId,
  ts: messageTs,
  thread_ts: messageTs.optional(),
});

export const appHomeOpenedSchema = z.object({
  type: z.literal("app_home_opened"),
  user: slackId,
  channel: slackId.optional(),
  tab: z.string(),
});

/** Links to domains in the manifest's unfurl list, shared in a message or typed in the composer. */
export const linkSharedSchema = z.object({
  type: z.literal("link_shared"),
  user: slackId,
  channel: z.string().min(1).max(64),
  message_ts: z.string().max(64).optional(),
  unfurl_id: z.string().max(200).optional(),
  source: z.enum(["conversations_history", "composer"]).optional(),
  links: z.array(z.object({ url: z.string().max(2000), domain: z.string().max(255).optional() })).max(50),
});

export const blockActionsSchema = z.object({
  type: z.literal("block_actions"),
  user: z.object({ id: slackId, name: z.string().max(200).optional(), team_id: slackId.optional() }),
  team: z.object({ id: slackId }).nullish(),
  actions: z
    .array(z.object({ action_id: z.string().max(255), value: z.string().max(2000).optional() }))
    .min(1),
  /** Present for buttons on messages; absent for buttons in App Home. */
  response_url: z.url({ protocol: /^https?$/ }).optional(),
  trigger_id: triggerId,
  channel: z.object({ id: slackId }).nullish(),
  /** Where the button is: a message (ephemeral or not) or a view (App Home, a modal). */
  container: z
    .object({
      type: z.string().max(40),
      channel_id: slackId.optional(),
      message_ts: messageTs.optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
});
export type BlockActions = z.infer<typeof blockActionsSchema>;

/** A submitted modal; `state.values` is checked field by field in form-modal.ts. */
export const viewSubmissionSchema = z.object({
  type: z.literal("view_submission"),
  user: z.object({ id: slackId, name: z.string().max(200).optional(), team_id: slackId.optional() }),
  team: z.object({ id: slackId }).nullish(),
  trigger_id: triggerId.optional(),
  view: z.object({
    callback_id: z.string().max(255),
    private_metadata: z.string().max(3000),
    blocks: z.array(z.object({ type: z.string(), block_id: z.string().max(255).optional() })).max(100),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.unknown())) }),
  }),
});

/** A message shortcut ("Turn into problem" from a message's menu). */
export const messageShortcutSchema = z.object({
  type: z.literal("message_action"),
  callback_id: z.string().min(1).max(255),
  trigger_id: triggerId,
  user: z.object({ id: slackId, name: z.string().max(200).optional(), team_id: slackId.optional() }),
  team: z.object({ id: slackId }).nullish(),
  channel: z.object({ id: slackId }).nullish(),
  /** A message may have blocks and no text (posted by an app); then there is nothing to prefill. */
  message: z.object({ text: text.optional(), ts: messageTs.optional() }),
  response_url: z.url({ protocol: /^https?$/ }).optional(),
});
