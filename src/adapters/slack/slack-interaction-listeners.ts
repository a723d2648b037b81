import type { App, webApi } from "@slack/bolt";
import { inboundRequestSchema } from "../../core/bot/inbound-request.js";
import type { Card } from "../../core/shared/card.js";
import type { AppLogger } from "../../ops/logger.js";
import {
  CARD_BUTTON_ACTION_ID,
  decodeButtonActionId,
  FORM_OFFER_ACTION_ID,
  LINK_BUTTON_ACTION_ID,
} from "./button-action-ids.js";
import { capLength, slackTextToPlain } from "./inbound-text.js";
import {
  type RespondFn,
  replaceOriginal,
  replyInConversation,
  respondWith,
  showPrivately,
  updateMessage,
} from "./slack-card-replies.js";
import { registerFormSubmissionListener } from "./slack-form-submission-listener.js";
import { SLACK_MESSAGE_SHORTCUTS } from "./slack-manifest.js";
import { type BlockActions, blockActionsSchema, messageShortcutSchema } from "./slack-payloads.js";
import { deliverReply, modalOpener, type ReplyTarget } from "./slack-replies.js";
import { MAX_REQUEST_TEXT, type RequestOutcome, type SlackRequests } from "./slack-requests.js";

/**
 * Buttons, message shortcuts and modal submissions (slack-form-submission-listener.ts). Buttons
 * and shortcuts are acknowledged at once (their answers go through response_url, chat.* and
 * views.open); a modal submission is acknowledged with the core's answer, since errors and a
 * next form can only go in that ack.
 */
export function registerSlackInteractionListeners(
  app: App,
  requests: SlackRequests,
  logger: AppLogger,
): void {
  const invalid = (what: string, issues: unknown): RequestOutcome => {
    logger.warn({ what, issues }, "ignored a Slack payload we could not read");
    return "invalid";
  };

  /**
   * Answers to a button: shown through its response_url (App Home buttons have none: the DM),
   * an update replaces the button's message, a form opens with the click's trigger_id.
   */
  function buttonTarget(
    payload: BlockActions,
    respond: RespondFn,
    client: webApi.WebClient,
    locale: string | undefined,
  ): ReplyTarget {
    const channelId = payload.channel?.id ?? payload.container?.channel_id;
    const messageTs = payload.container?.message_ts;
    const ephemeral = payload.container?.is_ephemeral === true;
    const show = async (reply: Parameters<ReplyTarget["show"]>[0]) => {
      if (payload.response_url) await respondWith(respond, reply);
      else await replyInConversation(client, { channel: payload.user.id, threadTs: undefined }, reply);
    };
    const replace = async (card: Card) => {
      try {
        await replaceOriginal(respond, card);
      } catch (error) {
        // A response_url lasts 30 minutes and 5 uses; a channel message can still be edited by ts.
        if (ephemeral || !channelId || !messageTs) throw error;
        await updateMessage(client, { channel: channelId, ts: messageTs }, card);
      }
    };
    const tooLate = () => show(requests.notice(locale, "slack:formExpired"));
    return {
      show,
      ...(payload.response_url ? { replace } : {}),
      openForm: modalOpener(client, payload.trigger_id, { channelId }, tooLate),
    };
  }

  /** Who pressed a button, as the core knows them; null when the payload names no team. */
  function presser(data: BlockActions) {
    const teamId = data.team?.id ?? data.user.team_id;
    if (!teamId) return null;
    return requests.identify({
      teamId,
      userId: data.user.id,
      fallbackName: data.user.name,
      channelId: data.channel?.id ?? data.container?.channel_id,
    });
  }

  app.action(CARD_BUTTON_ACTION_ID, async ({ ack, body, respond, client }) => {
    await ack();
    await requests.serve("action", async () => {
      const parsed = blockActionsSchema.safeParse(body);
      if (!parsed.success) return invalid("block_actions", parsed.error.issues);
      const pressed = parsed.data.actions[0];
      const request = inboundRequestSchema.safeParse({
        kind: "action",
        actionId: decodeButtonActionId(pressed?.action_id ?? ""),
        value: pressed?.value ?? "",
      });
      if (!request.success) return invalid("block_actions", request.error.issues);
      const identity = await presser(parsed.data);
      if (!identity) return invalid("block_actions", "no team id");
      const reply = await requests.answer("action", identity, request.data);
      await deliverReply(reply, buttonTarget(parsed.data, respond, client, identity.locale), logger);
      return "ok";
    });
  });

  // "Open the form" from a mention or DM: ask the same again, now with a trigger_id to open it.
  app.action(FORM_OFFER_ACTION_ID, async ({ ack, body, respond, client }) => {
    await ack();
    await requests.serve("action", async () => {
      const parsed = blockActionsSchema.safeParse(body);
      if (!parsed.success) return invalid("block_actions", parsed.error.issues);
      const identity = await presser(parsed.data);
      if (!identity) return invalid("block_actions", "no team id");
      // The offer keeps the request in Slack's escaped form (see renderFormOffer).
      const text = capLength(slackTextToPlain(parsed.data.actions[0]?.value ?? ""), MAX_REQUEST_TEXT);
      const reply = await requests.answerText("action", identity, { kind: "message", text });
      await deliverReply(reply, buttonTarget(parsed.data, respond, client, identity.locale), logger);
      return "ok";
    });
  });

  // Link buttons open their URL in the browser; Slack still expects the click to be acknowledged.
  app.action(LINK_BUTTON_ACTION_ID, async ({ ack }) => {
    await ack();
  });

  for (const shortcut of SLACK_MESSAGE_SHORTCUTS) {
    app.shortcut(
      { callback_id: shortcut.callbackId, type: "message_action" },
      async ({ ack, body, respond, client }) => {
        await ack();
        await requests.serve("shortcut", async () => {
          const parsed = messageShortcutSchema.safeParse(body);
          if (!parsed.success) return invalid("message_action", parsed.error.issues);
          const { user, team, channel, message, trigger_id, response_url } = parsed.data;
          const teamId = team?.id ?? user.team_id;
          // The message as its readers saw it ("@maria", not "<@U1>"), cut to what the core takes.
          const text = capLength(slackTextToPlain(message.text ?? ""), MAX_REQUEST_TEXT);
          const request = inboundRequestSchema.safeParse({
            kind: "shortcut",
            shortcutId: parsed.data.callback_id,
            text,
          });
          if (!teamId || !request.success)
            return invalid("message_action", request.error?.issues ?? "no team id");
          const identity = await requests.identify({
            teamId,
            userId: user.id,
            fallbackName: user.name,
            channelId: channel?.id,
          });
          const reply = await requests.answer("shortcut", identity, request.data);
          const show: ReplyTarget["show"] = (card) =>
            response_url
              ? respondWith(respond, card)
              : showPrivately(client, { channel: channel?.id, user: user.id }, card.card);
          const tooLate = () => show(requests.notice(identity.locale, "slack:formExpired"));
          await deliverReply(
            reply,
            { show, openForm: modalOpener(client, trigger_id, { channelId: channel?.id }, tooLate) },
            logger,
          );
          return "ok";
        });
      },
    );
  }

  registerFormSubmissionListener(app, requests, logger);
}
