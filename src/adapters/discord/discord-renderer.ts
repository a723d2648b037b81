import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import { type Card, type CardAction, type CardBlock, mentionedUserIds } from "../../core/shared/card.js";
import { encodeButtonCustomId } from "./button-custom-id.js";
import {
  data,
  isDiscordUserId,
  joinPieces,
  markup,
  richPieces,
  type TextPiece,
  truncatePlain,
} from "./discord-markdown.js";

/**
 * Neutral cards → Discord messages (embeds + button rows). Pure functions, snapshot-tested.
 *
 * An embed shows its description above its fields and its image last, so to keep the card's
 * reading order a paragraph that follows fields or an image starts a new embed. Every string from
 * a card is escaped (see discord-markdown.ts); limits are met by cutting with "…", never by
 * letting Discord reject the message.
 */

/** https://discord.com/developers/docs/resources/message#embed-object-embed-limits and components. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fieldsPerEmbed: 25,
  /** Title, description, field names and values of all embeds of one message together. */
  embedsTotalText: 6000,
  embedsPerMessage: 10,
  buttonLabel: 80,
  buttonUrl: 512,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  allowedMentionUsers: 100,
} as const;

/** Discord's brand palette, so accents look native. */
const ACCENT_COLOR = {
  info: 0x5865f2,
  success: 0x57f287,
  warning: 0xfee75c,
  danger: 0xed4245,
} as const;

/** Discord rejects empty field names and values; a zero-width space is its documented blank. */
const BLANK = "\u200B";
const RULE = "─".repeat(24);

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/**
 * Who a message may notify: nobody by parsing (not @everyone/@here, not roles, not users named in
 * text), only the users the card deliberately mentions.
 */
export interface DiscordAllowedMentions {
  parse: [];
  /** Present only when the card mentions someone (an absent list and an empty one both allow none). */
  users?: string[];
}

export interface DiscordMessage {
  /**
   * The deliberate mentions (Discord notifies for mentions in content only, never in embeds), and
   * the card's summary when it has nothing an embed can show (Discord refuses empty messages).
   */
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  allowed_mentions: DiscordAllowedMentions;
}

interface EmbedDraft {
  title: TextPiece[] | null;
  description: TextPiece[];
  fields: Array<{ name: TextPiece[]; value: TextPiece[] }>;
  image: string | null;
  /** A divider was seen: the next paragraph of this embed starts below a rule. */
  ruleBeforeNext: boolean;
}

const emptyDraft = (): EmbedDraft => ({
  title: null,
  description: [],
  fields: [],
  image: null,
  ruleBeforeNext: false,
});

const isBlank = (pieces: TextPiece[]) => pieces.every((p) => p.units.join("").trim() === "");

function draftEmbeds(blocks: readonly CardBlock[]): EmbedDraft[] {
  let current = emptyDraft();
  const drafts = [current];
  const startNew = () => {
    current = emptyDraft();
    drafts.push(current);
  };
  const isEmpty = (d: EmbedDraft) =>
    !d.title && d.description.length === 0 && d.fields.length === 0 && !d.image;
  const addParagraph = (pieces: TextPiece[]) => {
    if (isBlank(pieces)) return;
    if (current.fields.length > 0 || current.image) startNew();
    if (current.description.length > 0) {
      current.description.push(markup(current.ruleBeforeNext ? `\n${RULE}\n` : "\n\n"));
    }
    current.ruleBeforeNext = false;
    current.description.push(...pieces);
  };

  for (const block of blocks) {
    switch (block.type) {
      case "header":
        if (block.text.trim() === "") break;
        if (!isEmpty(current)) startNew();
        current.title = [data(block.text, { singleLine: true })];
        break;
      case "section":
        addParagraph(richPieces(block.text));
        break;
      case "list":
        addParagraph(
          block.items.flatMap((item, i) => [
            markup(i === 0 ? "• " : "\n• "),
            ...richPieces(item, { singleLine: true }),
          ]),
        );
        break;
      case "context":
        // Subtext: small grey text, like Slack's context block. It only spans one line.
        addParagraph([markup("-# "), ...richPieces(block.text, { singleLine: true })]);
        break;
      case "divider":
        // Between embeds the box edge is the divider; inside one, a rule before what follows.
        if (current.fields.length > 0 || current.image) startNew();
        else if (current.description.length > 0) current.ruleBeforeNext = true;
        break;
      case "fields":
        for (const field of block.fields) {
          if (current.fields.length >= DISCORD_LIMITS.fieldsPerEmbed || current.image) startNew();
          current.fields.push({
            name: [data(field.label, { singleLine: true })],
            value: richPieces(field.value),
          });
        }
        break;
      case "image":
        if (current.image) startNew();
        current.image = block.url;
        break;
      case "actions":
        break;
    }
  }
  return drafts.filter((d) => !isEmpty(d)).slice(0, DISCORD_LIMITS.embedsPerMessage);
}

/** Shares Discord's 6000-character allowance across embeds in reading order; stops once cut. */
function textBudget() {
  let remaining: number = DISCORD_LIMITS.embedsTotalText;
  let exhausted = false;
  return (pieces: TextPiece[], limit: number): string | null => {
    if (exhausted) return null;
    const room = Math.min(limit, remaining);
    if (room < 2) {
      exhausted = true;
      return null;
    }
    const { text, cut } = joinPieces(pieces, room);
    remaining -= text.length;
    if (cut && room < limit) exhausted = true;
    return text;
  };
}

const orBlank = (text: string | null) => (text === null || text.trim() === "" ? BLANK : text);

function renderEmbeds(card: Card): APIEmbed[] {
  const take = textBudget();
  const color = card.accent ? ACCENT_COLOR[card.accent] : undefined;
  const embeds: APIEmbed[] = [];
  for (const draft of draftEmbeds(card.blocks)) {
    const embed: APIEmbed = {};
    const title = draft.title ? take(draft.title, DISCORD_LIMITS.embedTitle) : null;
    if (title) embed.title = title;
    const description =
      draft.description.length > 0 ? take(draft.description, DISCORD_LIMITS.embedDescription) : null;
    if (description) embed.description = description;
    const fields: NonNullable<APIEmbed["fields"]> = [];
    for (const field of draft.fields) {
      const name = take(field.name, DISCORD_LIMITS.fieldName);
      const value = name === null ? null : take(field.value, DISCORD_LIMITS.fieldValue);
      if (name === null || value === null) break;
      fields.push({ name: orBlank(name), value: orBlank(value), inline: true });
    }
    if (fields.length > 0) embed.fields = fields;
    if (draft.image) embed.image = { url: draft.image };
    if (!embed.title && !embed.description && !embed.fields && !embed.image) continue;
    if (color !== undefined) embed.color = color;
    embeds.push(embed);
  }
  return embeds;
}

function renderButton(action: CardAction): APIButtonComponent | null {
  const label = truncatePlain(action.label, DISCORD_LIMITS.buttonLabel);
  if (action.kind === "link") {
    if (action.url.length > DISCORD_LIMITS.buttonUrl) return null;
    return { type: ComponentType.Button, style: ButtonStyle.Link, label, url: action.url };
  }
  const style =
    action.style === "primary"
      ? ButtonStyle.Primary
      : action.style === "danger"
        ? ButtonStyle.Danger
        : ButtonStyle.Secondary;
  return {
    type: ComponentType.Button,
    style,
    label,
    custom_id: encodeButtonCustomId(action.actionId, action.value),
  };
}

/**
 * One row per five buttons of an actions block, at most five rows. Discord refuses two buttons
 * with the same custom_id in a message; such twins do the same thing, so the first one stays.
 */
function renderRows(blocks: readonly CardBlock[]): ButtonRow[] {
  const seen = new Set<string>();
  const rows: ButtonRow[] = [];
  for (const block of blocks) {
    if (block.type !== "actions") continue;
    const buttons: APIButtonComponent[] = [];
    for (const action of block.actions) {
      const button = renderButton(action);
      if (!button) continue;
      if ("custom_id" in button) {
        if (seen.has(button.custom_id)) continue;
        seen.add(button.custom_id);
      }
      buttons.push(button);
    }
    for (let i = 0; i < buttons.length; i += DISCORD_LIMITS.buttonsPerRow) {
      rows.push({
        type: ComponentType.ActionRow,
        components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow),
      });
    }
  }
  return rows.slice(0, DISCORD_LIMITS.rowsPerMessage);
}

/** A card as a Discord message body (interaction reply, follow-up, channel message). */
export function renderDiscordMessage(card: Card): DiscordMessage {
  const users = mentionedUserIds(card).filter(isDiscordUserId).slice(0, DISCORD_LIMITS.allowedMentionUsers);
  const allowed_mentions: DiscordAllowedMentions = users.length > 0 ? { parse: [], users } : { parse: [] };
  const pings = users.map((id) => `<@${id}>`).join(" ");
  const embeds = renderEmbeds(card);
  const components = renderRows(card.blocks);
  if (embeds.length > 0)
    return { ...(pings ? { content: pings } : {}), embeds, components, allowed_mentions };
  const summary = card.fallbackText.trim() === "" ? "…" : card.fallbackText;
  const pieces = pings ? [markup(`${pings} `), data(summary)] : [data(summary)];
  return { content: joinPieces(pieces, DISCORD_LIMITS.content).text, embeds, components, allowed_mentions };
}

/**
 * A card replacing a message's content: like a new message, but content that is no longer there
 * (a mention the old card had) is cleared instead of kept.
 */
export function renderDiscordEdit(card: Card): DiscordMessage & { content: string } {
  const message = renderDiscordMessage(card);
  return { ...message, content: message.content ?? "" };
}

/**
 * The same body as discord.js message options: discord.js reads `allowedMentions` (camelCase) and
 * would otherwise fall back to the client default, which allows no user at all.
 */
export function discordJsMessage<M extends DiscordMessage>({ allowed_mentions, ...rest }: M) {
  return { ...rest, allowedMentions: { ...allowed_mentions, repliedUser: false } };
}
