import type { RichText } from "../../core/shared/card.js";

/**
 * Discord markdown with user data kept inert.
 *
 * Every plain string of a card is data. Discord's markdown treats a backslash before any
 * punctuation as "show this character", so data is escaped character by character: emphasis,
 * code, spoiler and strike marks (`* _ ~ \` |`), masked-link brackets (`[ ]`), `<` (so `<@123>`,
 * `<@&456>`, `<#789>`, `</cmd:1>` stay text) and the backslash itself; block markers (`# - >` and
 * "1.") only where they start a line. "@everyone"/"@here" get a zero-width space after the @.
 *
 * A bare URL is left as it is, exactly as far as Discord's own autolink reaches, so links in
 * dataset descriptions keep working (escaping their underscores would break them) and nothing
 * around them stays live.
 *
 * discord.js's `escapeMarkdown` is not used: it is heuristic (it leaves a second masked link on a
 * line and underscores inside emoji-looking text live) and its look-behinds make it quadratic in
 * the length of a word, seconds for a long one. This escaper is linear and complete.
 *
 * Rendering is only half of it: every message is sent with `allowed_mentions` parsing nothing and
 * listing only the users the core deliberately mentions (`mention` segments, which render as
 * `<@id>`), so even a mention that slipped through could never notify anyone else.
 *
 * Text is built from pieces (opening markup, escaped units, closing markup) so truncation to
 * Discord's limits can cut inside the data and still close the markup, never half an escape.
 */

export const ELLIPSIS = "…";
const ZWSP = "\u200B";

/** No Discord message shows more text than this, so longer data is cut before any work on it. */
const MAX_VISIBLE_TEXT = 6000;

export interface TextPiece {
  open: string;
  /** Indivisible units: one character, or an escape such as `\*`. */
  units: string[];
  close: string;
}

/** Markup we write ourselves (bullets, line breaks, headings of our own): one indivisible unit. */
export function markup(text: string): TextPiece {
  return { open: "", units: text === "" ? [] : [text], close: "" };
}

/** Discord's autolink rule: what it turns into a link, so we leave exactly that untouched. */
const BARE_URL = /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/g;

function escapeInline(text: string): string {
  return text.replace(/[\\*_~`|[\]<]/g, "\\$&");
}

/** Escapes data for any markdown-rendering Discord text (description, field, title). */
export function escapeData(text: string): string {
  const source = text.slice(0, MAX_VISIBLE_TEXT);
  let out = "";
  let from = 0;
  for (const url of source.matchAll(BARE_URL)) {
    out += escapeInline(source.slice(from, url.index)) + url[0];
    from = url.index + url[0].length;
  }
  out += escapeInline(source.slice(from));
  return out
    .replace(/^([ \t]*)([-#>])/gm, "$1\\$2")
    .replace(/^([ \t]*\d+)\./gm, "$1\\.")
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`);
}

/** Splits escaped text so a cut never separates a backslash from the character it escapes. */
function unitsOf(escaped: string): string[] {
  return escaped.match(/\\[\s\S]|[\s\S]/gu) ?? [];
}

/** Data as one piece, optionally flattened to one line (subtext and titles cannot wrap). */
export function data(text: string, options: { singleLine?: boolean } = {}): TextPiece {
  const source = options.singleLine ? text.replace(/\s*[\r\n]+\s*/g, " ") : text;
  return { open: "", units: unitsOf(escapeData(source)), close: "" };
}

/**
 * Inside a code span nothing is parsed (mentions and links included), so only a backtick could
 * end it early; a look-alike keeps the text readable. Spans cannot hold line breaks.
 */
function codePiece(text: string): TextPiece {
  const inner = text.replace(/`/g, "ˋ").replace(/[\r\n]+/g, " ");
  return { open: "`", units: [...inner], close: "`" };
}

/** A URL we link to is structure, but `)` or whitespace inside it would end the link early. */
function linkTarget(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

const STYLE_MARK = { bold: "**", italic: "*" } as const;

/** Discord user ids are snowflakes: anything else cannot be a Discord mention. */
export function isDiscordUserId(id: string): boolean {
  return /^\d{1,20}$/.test(id);
}

/**
 * A deliberate mention the core put in the card: Discord's `<@id>`, one unit so a cut never
 * leaves half of it. An id that is not a Discord user id (a card meant for another platform)
 * shows the person's name instead, escaped like any data.
 */
function mentionPiece(
  segment: { mention: string; text: string },
  options: { singleLine?: boolean },
): TextPiece {
  return isDiscordUserId(segment.mention) ? markup(`<@${segment.mention}>`) : data(segment.text, options);
}

/** Rich text as pieces; styled segments keep their edge whitespace outside the marks. */
export function richPieces(text: RichText, options: { singleLine?: boolean } = {}): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const segment of text) {
    if (typeof segment === "string") {
      pieces.push(data(segment, options));
      continue;
    }
    if ("mention" in segment) {
      pieces.push(mentionPiece(segment, options));
      continue;
    }
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(segment.text);
    const [lead, core, trail] = [match?.[1] ?? "", match?.[2] ?? "", match?.[3] ?? ""];
    if (lead) pieces.push(data(lead, options));
    if (core !== "") {
      const styled =
        segment.style === "code"
          ? codePiece(core)
          : segment.style
            ? { ...data(core, options), open: STYLE_MARK[segment.style], close: STYLE_MARK[segment.style] }
            : data(core, options);
      if (segment.href) {
        const target = linkTarget(segment.href);
        pieces.push({ ...styled, open: `[${styled.open}`, close: `${styled.close}](${target})` });
      } else {
        pieces.push(styled);
      }
    } else if (segment.href) {
      pieces.push(data(segment.href, options));
    }
    if (trail) pieces.push(data(trail, options));
  }
  return pieces;
}

function pieceLength(piece: TextPiece): number {
  return piece.open.length + piece.close.length + piece.units.reduce((n, u) => n + u.length, 0);
}

/**
 * Joins pieces within `maxLength` characters. When they do not fit, the piece that overflows is
 * cut between units, keeps its closing markup, and "…" ends the text.
 */
export function joinPieces(pieces: readonly TextPiece[], maxLength: number): { text: string; cut: boolean } {
  const total = pieces.reduce((n, p) => n + pieceLength(p), 0);
  if (total <= maxLength) return { text: pieces.map(render).join(""), cut: false };
  let out = "";
  let room = maxLength - ELLIPSIS.length;
  for (const piece of pieces) {
    const length = pieceLength(piece);
    if (length <= room) {
      out += render(piece);
      room -= length;
      continue;
    }
    const fixed = piece.open.length + piece.close.length;
    let inner = "";
    for (const unit of piece.units) {
      if (inner.length + unit.length > room - fixed) break;
      inner += unit;
    }
    // A styled piece with nothing left inside would leave bare marks ("****"): drop it instead.
    if (inner !== "") out += `${piece.open}${inner}${piece.close}`;
    break;
  }
  return { text: `${out}${ELLIPSIS}`, cut: true };
}

function render(piece: TextPiece): string {
  return `${piece.open}${piece.units.join("")}${piece.close}`;
}

/** Plain (non-markdown) text such as a button label, cut to `maxLength` with "…". */
export function truncatePlain(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let out = "";
  // By code point, so an emoji is never split; lengths in UTF-16 units, the stricter count.
  for (const char of text) {
    if (out.length + char.length > maxLength - ELLIPSIS.length) break;
    out += char;
  }
  return `${out}${ELLIPSIS}`;
}
