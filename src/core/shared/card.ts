import { z } from "zod";
import type { Form } from "./form.js";

/**
 * Neutral cards: what the core says, before any platform decides how it looks.
 *
 * Text is a list of segments. A plain string segment is *data* (possibly user-written) and every
 * renderer escapes it; styling and links are structure, never markup inside strings. That makes
 * "@everyone" or "<!channel>" in a problem title inert by construction.
 */
export const inlineSchema = z.union([
  z.string(),
  /**
   * A deliberate ping of one platform user (a topic champion in the triage channel). Renderers
   * emit the platform's user mention and allow exactly these ids to notify (Discord
   * allowed_mentions.users); `text` is the display name used where mentions don't exist.
   * Only core code creates these, from stored account ids: never from user-typed text.
   * (Listed before the styled segment: a union takes the first match, which would strip `mention`.)
   */
  z.object({ mention: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), text: z.string() }),
  z.object({
    text: z.string(),
    style: z.enum(["bold", "italic", "code"]).optional(),
    href: z.url({ protocol: /^https?$/ }).optional(),
  }),
]);
export type Inline = z.infer<typeof inlineSchema>;
export const richTextSchema = z.array(inlineSchema);
export type RichText = Inline[];

export const cardActionSchema = z.union([
  z.object({
    kind: z.literal("button"),
    /** Routed by the core: "<capability>.<verb>", e.g. "problem.vote". */
    actionId: z.string().regex(/^[a-z][a-z0-9_.-]{0,39}$/),
    label: z.string().min(1).max(75),
    /**
     * A short reference (an id), never content: Discord packs "actionId:value" into a 100-character
     * custom_id, so together they must fit.
     */
    value: z.string().max(58),
    style: z.enum(["primary", "danger"]).optional(),
  }),
  z.object({
    kind: z.literal("link"),
    label: z.string().min(1).max(75),
    url: z.url({ protocol: /^https?$/ }),
  }),
]);
export type CardAction = z.infer<typeof cardActionSchema>;

export const cardBlockSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("header"), text: z.string() }),
  z.object({ type: z.literal("section"), text: richTextSchema }),
  z.object({
    type: z.literal("fields"),
    fields: z.array(z.object({ label: z.string(), value: richTextSchema })),
  }),
  z.object({ type: z.literal("list"), items: z.array(richTextSchema) }),
  z.object({ type: z.literal("context"), text: richTextSchema }),
  z.object({ type: z.literal("divider") }),
  z.object({ type: z.literal("actions"), actions: z.array(cardActionSchema) }),
  z.object({ type: z.literal("image"), url: z.url({ protocol: /^https?$/ }), alt: z.string() }),
]);
export type CardBlock = z.infer<typeof cardBlockSchema>;

export const cardSchema = z.object({
  /** Plain-text summary for notifications, screen readers and platforms without rich layout. */
  fallbackText: z.string(),
  accent: z.enum(["info", "success", "warning", "danger"]).optional(),
  blocks: z.array(cardBlockSchema),
});
export type Card = z.infer<typeof cardSchema>;

/** What a use case answers to the person who asked. */
export type Reply =
  | { kind: "card"; card: Card; visibility: "ephemeral" | "public" }
  /**
   * Replace the message whose button was pressed (a vote count, "Approved by …"), and optionally
   * tell the presser something only they see. Where nothing can be replaced (the console, a
   * command), adapters show `card` (and `notice`) as an ephemeral reply instead.
   */
  | { kind: "update"; card: Card; notice?: Card }
  /** Open a form (Slack modal, Discord modal, console prompts). */
  | { kind: "form"; form: Form }
  | { kind: "none" };

/**
 * What a form submission answers: either per-field errors shown in the form itself (Slack
 * `response_action: errors`; Discord and the console, which cannot keep a modal open, show them
 * with a way back into the form), or an ordinary reply once the form is accepted.
 */
export type FormReply = { kind: "errors"; errors: Record<string, string>; retry?: Form } | Reply;

/** A one-section card: the short answers (done, refused, what to do next) every capability gives. */
export function noticeCard(text: string, accent?: Card["accent"]): Card {
  return { fallbackText: text, ...(accent ? { accent } : {}), blocks: [{ type: "section", text: [text] }] };
}

export function ephemeral(card: Card): Reply {
  return { kind: "card", card, visibility: "ephemeral" };
}

/** Flattens rich text to plain text (fallbacks, console, logs). */
export function plainText(text: RichText): string {
  return text.map((segment) => (typeof segment === "string" ? segment : segment.text)).join("");
}

/** The user ids a card deliberately pings (renderers allow exactly these to notify). */
export function mentionedUserIds(card: Card): string[] {
  const ids = new Set<string>();
  const visit = (text: RichText) => {
    for (const segment of text)
      if (typeof segment !== "string" && "mention" in segment) ids.add(segment.mention);
  };
  for (const block of card.blocks) {
    if (block.type === "section" || block.type === "context") visit(block.text);
    else if (block.type === "list") block.items.forEach(visit);
    else if (block.type === "fields") for (const field of block.fields) visit(field.value);
  }
  return [...ids];
}

function blockPlainText(block: CardBlock): string {
  switch (block.type) {
    case "header":
      return block.text;
    case "section":
    case "context":
      return plainText(block.text);
    case "list":
      return block.items.map(plainText).join("\n");
    case "fields":
      return block.fields.map((field) => `${field.label}: ${plainText(field.value)}`).join("\n");
    case "actions":
      return block.actions.map((action) => action.label).join(" ");
    case "image":
      return block.alt;
    case "divider":
      return "";
  }
}

/** A whole card as plain text, one block per line (search indexes, logs, tests). */
export function cardPlainText(card: Card): string {
  return card.blocks.map(blockPlainText).join("\n");
}
