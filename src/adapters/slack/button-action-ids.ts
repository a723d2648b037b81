/**
 * How card buttons are named in Block Kit, and back.
 *
 * Slack wants action_ids unique within a message, but a card may show the same action twice
 * (say "vote" on two problems): repeats get a "#n" suffix, which the core never sees. Link
 * buttons still send an interaction when clicked, so they get ids outside the card-action
 * grammar ("datadesk:link:n") and are only acknowledged.
 */

/** The card-action grammar of core/shared/card.ts, optionally followed by "#n". */
export const CARD_BUTTON_ACTION_ID = /^[a-z][a-z0-9_.-]{0,39}(?:#\d{1,3})?$/;
export const LINK_BUTTON_ACTION_ID = /^datadesk:link:\d{1,3}$/;
/** "Open the form" offered where Slack gave no trigger_id to open it at once (mentions, DMs). */
export const FORM_OFFER_ACTION_ID = "datadesk:form:open";

/** `occurrence` counts from 1; the first keeps the plain id. */
export function encodeButtonActionId(actionId: string, occurrence: number): string {
  return occurrence <= 1 ? actionId : `${actionId}#${occurrence}`;
}

export function linkButtonActionId(index: number): string {
  return `datadesk:link:${index}`;
}

/** The core's action id for a Slack action_id, or null if it is not one of our card buttons. */
export function decodeButtonActionId(slackActionId: string): string | null {
  if (!CARD_BUTTON_ACTION_ID.test(slackActionId)) return null;
  return slackActionId.replace(/#\d+$/, "");
}
