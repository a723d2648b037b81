import { type Card, cardPlainText, type FormReply } from "../../src/core/shared/card.js";
import type { Form } from "../../src/core/shared/form.js";

/** Readers of the core's replies, shared by the core tests over fakes. */

/** The cards in a reply that would reach chat. */
export function cardsOf(reply: FormReply): Card[] {
  switch (reply.kind) {
    case "card":
      return [reply.card];
    case "update":
      return reply.notice ? [reply.card, reply.notice] : [reply.card];
    default:
      return [];
  }
}

/** What a person would read: the cards' text, or a form's field errors. */
export function textOf(reply: FormReply): string {
  if (reply.kind === "errors") return Object.values(reply.errors).join("\n");
  return cardsOf(reply).map(cardPlainText).join("\n");
}

export function formOf(reply: FormReply): Form {
  if (reply.kind !== "form") throw new Error(`expected a form, got ${reply.kind}: ${textOf(reply)}`);
  return reply.form;
}

export function buttonsOfCard(card: Card | undefined): { actionId: string; value: string; label: string }[] {
  return (card?.blocks ?? []).flatMap((b) =>
    b.type === "actions" ? b.actions.flatMap((a) => (a.kind === "button" ? [a] : [])) : [],
  );
}

export function buttonsOf(reply: FormReply): { actionId: string; value: string; label: string }[] {
  return cardsOf(reply).flatMap(buttonsOfCard);
}
