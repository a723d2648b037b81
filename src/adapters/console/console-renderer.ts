import type { Card, CardAction, RichText } from "../../core/shared/card.js";

/**
 * Renders a neutral card as terminal text. Pure, so it is snapshot-tested. Terminal text has no
 * markup to inject, so user text is printed as is, minus control characters that could move
 * the cursor or rewrite earlier lines.
 */
export interface ConsoleRendering {
  text: string;
  /** Buttons, numbered from 1, that the person can choose by typing `!N`. */
  buttons: Extract<CardAction, { kind: "button" }>[];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function inline(text: RichText): string {
  return text
    .map((segment) => {
      if (typeof segment === "string") return segment.replace(CONTROL, "");
      if ("mention" in segment) return `@${segment.text.replace(CONTROL, "")}`;
      const body = segment.text.replace(CONTROL, "");
      const styled =
        segment.style === "code"
          ? `\`${body}\``
          : segment.style === "bold"
            ? body.toUpperCase() === body
              ? body
              : `*${body}*`
            : segment.style === "italic"
              ? `_${body}_`
              : body;
      return segment.href ? `${styled} <${segment.href}>` : styled;
    })
    .join("");
}

export function renderConsoleCard(card: Card, labels: { actionsHint: string }): ConsoleRendering {
  const lines: string[] = [];
  const buttons: ConsoleRendering["buttons"] = [];
  for (const block of card.blocks) {
    switch (block.type) {
      case "header":
        lines.push(block.text.replace(CONTROL, ""), "=".repeat(Math.min(60, Math.max(8, block.text.length))));
        break;
      case "section":
        lines.push(inline(block.text));
        break;
      case "context":
        lines.push(`  ${inline(block.text)}`);
        break;
      case "fields":
        for (const field of block.fields) lines.push(`${field.label}: ${inline(field.value)}`);
        break;
      case "list":
        for (const item of block.items) lines.push(`  • ${inline(item)}`);
        break;
      case "divider":
        lines.push("-".repeat(40));
        break;
      case "image":
        lines.push(`[${block.alt.replace(CONTROL, "")}] ${block.url}`);
        break;
      case "actions": {
        const parts: string[] = [];
        for (const action of block.actions) {
          if (action.kind === "link") {
            parts.push(`${action.label}: ${action.url}`);
          } else {
            buttons.push(action);
            parts.push(`[!${buttons.length}] ${action.label}`);
          }
        }
        lines.push(parts.join("   "));
        break;
      }
    }
  }
  if (buttons.length > 0) lines.push(labels.actionsHint);
  return { text: lines.join("\n"), buttons };
}
