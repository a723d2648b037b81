import type { types } from "@slack/bolt";
import { type Card, type CardAction, type CardBlock, plainText } from "../../core/shared/card.js";
import { encodeButtonActionId, linkButtonActionId } from "./button-action-ids.js";
import {
  ELLIPSIS,
  joinPieces,
  markup,
  richPieces,
  type TextPiece,
  toMrkdwn,
  toMrkdwnData,
  toPlainText,
} from "./mrkdwn.js";

/**
 * Neutral cards → Block Kit. Pure functions, snapshot-tested. Every string that came from a card is
 * escaped (see mrkdwn.ts); mrkdwn objects are `verbatim` so Slack does not auto-link channel names
 * or parse mentions inside them. Block Kit has no per-message colour, so a card's accent is not
 * drawn; its words already say whether something went wrong.
 */

/** Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks). */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  buttonText: 75,
  buttonsPerActions: 25,
  contextElementText: 3000,
  imageAltText: 2000,
  /** Our own cap for the notification text: a card's summary, not its body. */
  fallbackText: 3000,
} as const;

export interface SlackMessage {
  /** Notification and screen-reader text; Slack shows it where blocks cannot be drawn. */
  text: string;
  blocks: types.KnownBlock[];
}

function mrkdwnObject(text: string): types.MrkdwnElement {
  return { type: "mrkdwn", text, verbatim: true };
}

function plainTextObject(text: string, maxLength: number): types.PlainTextElement {
  return { type: "plain_text", text: toPlainText(text, maxLength), emoji: true };
}

/** Counts action ids across one message, so repeats can be made unique. */
interface ButtonNaming {
  occurrences: Map<string, number>;
  links: number;
}

function renderButton(action: CardAction, naming: ButtonNaming): types.Button {
  const text = plainTextObject(action.label, SLACK_LIMITS.buttonText);
  if (action.kind === "link") {
    naming.links += 1;
    return { type: "button", text, url: action.url, action_id: linkButtonActionId(naming.links) };
  }
  const occurrence = (naming.occurrences.get(action.actionId) ?? 0) + 1;
  naming.occurrences.set(action.actionId, occurrence);
  const button: types.Button = {
    type: "button",
    text,
    action_id: encodeButtonActionId(action.actionId, occurrence),
  };
  // Slack rejects an empty value; a missing one arrives as "" anyway.
  if (action.value !== "") button.value = action.value;
  if (action.style) button.style = action.style;
  return button;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function section(pieces: TextPiece[]): types.SectionBlock[] {
  const text = joinPieces(pieces, SLACK_LIMITS.sectionText);
  return text.trim() === "" ? [] : [{ type: "section", text: mrkdwnObject(text) }];
}

function renderBlock(block: CardBlock, naming: ButtonNaming): types.KnownBlock[] {
  switch (block.type) {
    case "header":
      return block.text.trim() === ""
        ? []
        : [{ type: "header", text: plainTextObject(block.text, SLACK_LIMITS.headerText) }];
    case "section":
      return section(richPieces(block.text));
    case "list":
      return section(
        block.items.flatMap((item, index) => [markup(index === 0 ? "• " : "\n• "), ...richPieces(item)]),
      );
    case "fields":
      return chunks(block.fields, SLACK_LIMITS.fieldsPerSection).map((fields) => ({
        type: "section",
        fields: fields.map((field) =>
          mrkdwnObject(
            joinPieces(
              [
                ...richPieces([{ text: field.label, style: "bold" }]),
                markup("\n"),
                ...richPieces(field.value),
              ],
              SLACK_LIMITS.fieldText,
            ),
          ),
        ),
      }));
    case "context": {
      const text = toMrkdwn(block.text, SLACK_LIMITS.contextElementText);
      return text.trim() === "" ? [] : [{ type: "context", elements: [mrkdwnObject(text)] }];
    }
    case "divider":
      return [{ type: "divider" }];
    case "actions":
      return chunks(block.actions, SLACK_LIMITS.buttonsPerActions).map((actions) => ({
        type: "actions",
        elements: actions.map((action) => renderButton(action, naming)),
      }));
    case "image":
      return [
        {
          type: "image",
          image_url: block.url,
          alt_text: toPlainText(block.alt.trim() === "" ? " " : block.alt, SLACK_LIMITS.imageAltText),
        },
      ];
  }
}

/** Renders all blocks, keeping within `maxBlocks` by ending with a "…" context block. */
function renderBlocks(card: Card, maxBlocks: number): types.KnownBlock[] {
  const naming: ButtonNaming = { occurrences: new Map(), links: 0 };
  const blocks = card.blocks.flatMap((block) => renderBlock(block, naming));
  if (blocks.length <= maxBlocks) return blocks;
  return [...blocks.slice(0, maxBlocks - 1), { type: "context", elements: [mrkdwnObject(ELLIPSIS)] }];
}

function fallbackOf(card: Card): string {
  const summary = card.fallbackText.trim() !== "" ? card.fallbackText : firstText(card);
  return toMrkdwnData(summary === "" ? "…" : summary, SLACK_LIMITS.fallbackText);
}

function firstText(card: Card): string {
  for (const block of card.blocks) {
    if (block.type === "header") return block.text;
    if (block.type === "section" || block.type === "context") return plainText(block.text);
  }
  return "";
}

/** A card as a chat message (chat.postMessage, chat.postEphemeral, response_url). */
export function renderMessage(card: Card): SlackMessage {
  return { text: fallbackOf(card), blocks: renderBlocks(card, SLACK_LIMITS.messageBlocks) };
}

/** A card as the App Home tab (views.publish). */
export function renderHomeView(card: Card): types.HomeView {
  return { type: "home", blocks: renderBlocks(card, SLACK_LIMITS.homeBlocks) };
}
