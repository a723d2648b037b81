import type { types, webApi } from "@slack/bolt";
import type { Card, FormReply, Reply } from "../../core/shared/card.js";
import type { Form } from "../../core/shared/form.js";
import type { AppLogger } from "../../ops/logger.js";
import { FORM_OFFER_ACTION_ID } from "./button-action-ids.js";
import { renderFormModal } from "./form-modal.js";
import { capLength, slackEscape } from "./inbound-text.js";
import { toPlainText } from "./mrkdwn.js";
import { summarizeSlackError } from "./slack-errors.js";

/**
 * One place that knows what each kind of core answer means on Slack, given what the way of
 * asking makes possible: a card is shown, an update replaces the message whose button was
 * pressed (or is shown where there is none, then its notice), a form opens as a modal where Slack
 * gave us a trigger_id (or is offered as a button where it did not).
 */

type CardReply = Extract<Reply, { kind: "card" }>;

export interface ReplyTarget {
  /** Shows a card to the person (in the channel when public and the surface allows it). */
  show(reply: CardReply): Promise<void>;
  /** Replaces the message whose button was pressed; absent where there is no such message. */
  replace?: (card: Card) => Promise<void>;
  /** Opens the form (a modal with the request's trigger_id, or an offer to open it). */
  openForm(form: Form): Promise<void>;
}

function privately(card: Card): CardReply {
  return { kind: "card", card, visibility: "ephemeral" };
}

export async function deliverReply(reply: FormReply, target: ReplyTarget, logger: AppLogger): Promise<void> {
  switch (reply.kind) {
    case "card":
      await target.show(reply);
      return;
    case "update":
      if (target.replace) await target.replace(reply.card);
      else await target.show(privately(reply.card));
      if (reply.notice) await target.show(privately(reply.notice));
      return;
    case "form":
      await target.openForm(reply.form);
      return;
    case "errors":
      // Only a form submission is answered with errors, and that has its own path (the ack).
      logger.warn({ fields: Object.keys(reply.errors) }, "form errors outside a form submission; ignored");
      return;
    case "none":
      return;
  }
}

/** Slack's answers to views.open meaning the click is too old (trigger_ids live 3 seconds). */
const TRIGGER_GONE = new Set(["expired_trigger_id", "invalid_trigger_id", "exchanged_trigger_id"]);

/**
 * Opens a form as a modal with the trigger_id of the click, command or shortcut. When the
 * trigger has expired (the core was slow), `tooLate` tells the person; the error still
 * propagates so the request counts as failed and is logged.
 */
export function modalOpener(
  client: webApi.WebClient,
  triggerId: string,
  origin: { channelId?: string | undefined },
  tooLate: () => Promise<void>,
): (form: Form) => Promise<void> {
  return async (form) => {
    try {
      await client.views.open({ trigger_id: triggerId, view: renderFormModal(form, origin) });
    } catch (error) {
      if (TRIGGER_GONE.has(summarizeSlackError(error).slackError ?? "")) await tooLate();
      throw error;
    }
  };
}

/** Button values hold at most 2000 characters. */
const MAX_OFFER_TEXT = 2000;

/**
 * Events (a mention, a DM) carry no trigger_id, so a modal cannot open from them. Instead the
 * person gets a button named after the form; its click has a trigger_id and asks the core the
 * same thing again (the button's value is the request text, read back with slackTextToPlain),
 * whose form then opens.
 */
export function renderFormOffer(
  form: Form,
  requestText: string,
): { text: string; blocks: types.KnownBlock[] } {
  const label = toPlainText(form.title, 75);
  const button: types.Button = {
    type: "button",
    action_id: FORM_OFFER_ACTION_ID,
    text: { type: "plain_text", text: label, emoji: true },
    style: "primary",
  };
  // Slack refuses an empty value. The text is never rendered, only sent back to us, but it is kept
  // in Slack's own escaped form so no payload of ours ever carries "<!channel>" from user text.
  const value = capLength(slackEscape(requestText), MAX_OFFER_TEXT).replace(/&[a-z]{0,3}$/, "");
  if (value !== "") button.value = value;
  return { text: label, blocks: [{ type: "actions", elements: [button] }] };
}
