/**
 * Interaction REST routes: the one-shot callback (POST /interactions/:id/:token/callback) and the
 * token-authenticated webhook routes used for `@original` edits and follow-ups afterwards.
 */
import {
  type APIMessage,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
} from "discord.js";
import type { RecordedCall, TrackedInteraction } from "./interaction-ledger.js";
import { modalProblem } from "./modal-payloads.js";
import {
  apiError,
  type Handler,
  invalidMessage,
  messageFields,
  noContent,
  ok,
  type RestContext,
  type Route,
  record,
  unknownMessage,
  updateStoredMessage,
} from "./rest-kit.js";
import { storeMessage } from "./world.js";

export function interactionRoutes(ctx: RestContext): Route[] {
  const { world, ledger } = ctx;

  const interactionMessage = (i: TrackedInteraction, data: unknown, call: RecordedCall, type: MessageType) =>
    storeMessage(world, {
      channel_id: i.channelId ?? world.textChannelId,
      type,
      // Interaction responses are webhook messages owned by the application.
      webhook_id: world.application.id,
      application_id: world.application.id,
      ...messageFields(data, call),
    });

  /** Which message (if any) a callback creates or targets; that message becomes `@original`. */
  const respond = (
    i: TrackedInteraction,
    type: InteractionResponseType,
    data: unknown,
    call: RecordedCall,
  ) => {
    const fromCommand = i.type === InteractionType.ApplicationCommand;
    const replyType = fromCommand ? MessageType.ChatInputCommand : MessageType.Reply;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
        return interactionMessage(i, data, call, replyType);
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        // A deferred reply is a placeholder message flagged Loading until the first @original edit.
        const flags = (Number(record(data).flags) || 0) | MessageFlags.Loading;
        return interactionMessage(i, { flags }, call, replyType);
      }
      case InteractionResponseType.UpdateMessage:
        return updateStoredMessage(world, i.sourceMessageId, data, call);
      case InteractionResponseType.DeferredMessageUpdate:
        return i.sourceMessageId ? world.messages.get(i.sourceMessageId) : undefined;
      default:
        return undefined; // autocomplete results, modals and the rest create no message
    }
  };

  const callback: Handler = ([id = "", token = ""], call) => {
    const i = ledger.get(id);
    if (!i || i.token !== token) return apiError(404, 10062, "Unknown interaction");
    if (ctx.interactionDeadlineMs !== undefined && Date.now() - i.dispatchedAt > ctx.interactionDeadlineMs) {
      return apiError(404, 10062, "Unknown interaction");
    }
    if (i.acknowledged) return apiError(400, 40060, "Interaction has already been acknowledged.");
    const body = record(call.body);
    const type = body.type as InteractionResponseType;
    if (type === InteractionResponseType.ChannelMessageWithSource) {
      const invalid = invalidMessage(body.data, call, true);
      if (invalid) return invalid;
    }
    const refused = refusedResponse(i, type, body.data);
    if (refused) return apiError(400, 50035, "Invalid Form Body", { _errors: [{ message: refused }] });
    const message: APIMessage | undefined = respond(i, type, body.data, call);
    i.acknowledged = true;
    i.originalMessageId = message?.id;
    ledger.callbacks.push({ interactionId: id, interactionType: i.type, type, data: body.data, call });
    // discord.js always sends ?with_response=…; only `true` (withResponse option) wants a body.
    if (call.query.with_response !== "true") return noContent;
    const flags = message?.flags ?? 0;
    return ok({
      interaction: {
        id,
        type: i.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: (flags & MessageFlags.Loading) !== 0,
              response_message_ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
            }
          : {}),
      },
      resource: { type, ...(message ? { message } : {}) },
    });
  };

  /** Why Discord would refuse this kind of response to this interaction, if it would. */
  const refusedResponse = (i: TrackedInteraction, type: InteractionResponseType, data: unknown) => {
    const updates =
      type === InteractionResponseType.UpdateMessage ||
      type === InteractionResponseType.DeferredMessageUpdate;
    // Only an interaction born on a message (a component, a modal opened from one) can update it.
    if (updates && !i.sourceMessageId) return "This interaction has no message to update";
    if (type !== InteractionResponseType.Modal) return undefined;
    // A modal can open from a command or a component, never from a modal submit or autocomplete.
    if (i.type === InteractionType.ModalSubmit || i.type === InteractionType.ApplicationCommandAutocomplete) {
      return "A modal cannot be the response to this interaction";
    }
    return modalProblem(data);
  };

  /** Resolves the interaction behind a webhook token and the message id (`@original` included). */
  const webhookTarget = (token: string, messageId: string) => {
    const i = ledger.byWebhookToken(token);
    const id = messageId === "@original" ? i?.originalMessageId : messageId;
    return { i, message: id ? world.messages.get(id) : undefined };
  };
  const unknownWebhook = () => apiError(404, 10015, "Unknown Webhook");

  return [
    [/^\/interactions\/(\d+)\/([^/]+)\/callback$/, { POST: callback }],
    [
      /^\/webhooks\/\d+\/([^/]+)$/,
      {
        // Follow-up messages.
        POST: ([token = ""], call) => {
          const i = ledger.byWebhookToken(token);
          if (!i) return unknownWebhook();
          return (
            invalidMessage(call.body, call, true) ??
            ok(interactionMessage(i, call.body, call, MessageType.Default))
          );
        },
      },
    ],
    [
      /^\/webhooks\/\d+\/([^/]+)\/messages\/(@original|\d+)$/,
      {
        GET: ([token = "", id = ""]) => {
          const { message } = webhookTarget(token, id);
          return message ? ok(message) : unknownMessage();
        },
        PATCH: ([token = "", id = ""], call) => {
          const { i, message } = webhookTarget(token, id);
          if (!i) return unknownWebhook();
          const invalid = invalidMessage(call.body, call, false);
          if (invalid) return invalid;
          const updated = updateStoredMessage(world, message?.id, call.body, call);
          return updated ? ok(updated) : unknownMessage();
        },
        DELETE: ([token = "", id = ""]) => {
          const { i, message } = webhookTarget(token, id);
          if (!i) return unknownWebhook();
          return message && world.messages.delete(message.id) ? noContent : unknownMessage();
        },
      },
    ],
  ];
}
