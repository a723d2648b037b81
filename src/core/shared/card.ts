import { z } from "zod";

/**
 * Neutral cards: what the core says, before any platform decides how it looks.
 *
 * Text is a list of segments. A plain string segment is *data* (possibly user-written) and every
 * renderer escapes it; styling and links are structure, never markup inside strings. That makes
 * "@everyone" or "<!channel>" in a problem title inert by construction.
 */
export const inlineSchema = z.union([
  z.string(),
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
export type Reply = { kind: "card"; card: Card; visibility: "ephemeral" | "public" } | { kind: "none" };

export function ephemeral(card: Card): Reply {
  return { kind: "card", card, visibility: "ephemeral" };
}

/** Flattens rich text to plain text (fallbacks, console, logs). */
export function plainText(text: RichText): string {
  return text.map((segment) => (typeof segment === "string" ? segment : segment.text)).join("");
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
