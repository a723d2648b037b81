import type { RichText } from "../../core/shared/card.js";

/**
 * Slack text building with user data kept inert.
 *
 * Slack parses `<…>` as links and mentions (`<!channel>`, `<@U1>`, `<http://x|y>`) in every text
 * field, so `&`, `<` and `>` in data are always entity-escaped (Slack's documented rule). In mrkdwn,
 * `*`, `_`, `~` and `` ` `` would let user text style itself (or close the bold we wrapped it in),
 * so each is fenced with zero-width joiners: invisible, but no longer a formatting delimiter.
 * A leading `>` would quote a line, so it gets a joiner in front too.
 *
 * Text is built from pieces (opening markup, data, closing markup) so truncation to Slack's
 * limits can cut inside the data and still close the markup, never half an entity or a link.
 */

const ZWJ = "\u200D";
export const ELLIPSIS = "…";

/** How one character of data is written in a given kind of Slack text. */
type CharEscaper = (char: string) => string;

/** plain_text objects: no formatting, but Slack still decodes the three entities. */
export const plainTextChar: CharEscaper = (char) =>
  char === "&" ? "&amp;" : char === "<" ? "&lt;" : char === ">" ? "&gt;" : char;

/** mrkdwn data: entities plus fenced formatting characters. */
export const mrkdwnDataChar: CharEscaper = (char) => {
  switch (char) {
    case "&":
      return "&amp;";
    case "<":
      return "&lt;";
    case ">":
      return `${ZWJ}&gt;`;
    case "*":
    case "_":
    case "~":
    case "`":
      return `${ZWJ}${char}${ZWJ}`;
    default:
      return char;
  }
};

/**
 * Inside a code span only a backtick can end the span early; a look-alike keeps the text readable
 * and copyable (column names with underscores stay intact).
 */
const codeChar: CharEscaper = (char) => (char === "`" ? "ˋ" : plainTextChar(char));

const verbatimChar: CharEscaper = (char) => char;

/** Without link_names Slack does not turn "@here" into a mention; a joiner keeps it so if that ever changes. */
function defuseBroadcasts(raw: string): string {
  return raw.replace(/@(here|channel|everyone)\b/gi, `@${ZWJ}$1`);
}

export interface TextPiece {
  open: string;
  raw: string;
  close: string;
  writeChar: CharEscaper;
}

/** Markup we write ourselves (bullets, line breaks): emitted as is. */
export function markup(text: string): TextPiece {
  return { open: "", raw: text, close: "", writeChar: verbatimChar };
}

/** Data in mrkdwn. */
export function data(text: string): TextPiece {
  return { open: "", raw: defuseBroadcasts(text), close: "", writeChar: mrkdwnDataChar };
}

/**
 * A deliberate ping the core chose (a champion in the triage channel): Slack's `<@U…>` markup.
 * Only this segment kind produces it; the id is checked again here because it becomes markup.
 * All in `open` with no data, so truncation keeps the whole mention or drops it, never half.
 */
function mention(userId: string, displayName: string): TextPiece {
  // Not a Slack user id (say, a Discord one that reached a Slack card): show the name, ping no one.
  if (!/^[UW][A-Z0-9]{1,63}$/.test(userId)) return data(`@${displayName}`);
  return { open: `<@${userId}>`, raw: "", close: "", writeChar: verbatimChar };
}

function escapeUrl(url: string): string {
  // A URL is structure we chose, but `|` or `>` inside it would end the link early.
  return url.replace(/&/g, "&amp;").replace(/</g, "%3C").replace(/>/g, "%3E").replace(/\|/g, "%7C");
}

const STYLE_MARK = { bold: "*", italic: "_", code: "`" } as const;

/** Rich text segments as mrkdwn pieces; styled segments keep their edge whitespace outside the marks. */
export function richPieces(text: RichText): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const segment of text) {
    if (typeof segment === "string") {
      pieces.push(data(segment));
      continue;
    }
    if ("mention" in segment) {
      pieces.push(mention(segment.mention, segment.text));
      continue;
    }
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(segment.text);
    const [lead, body, trail] = [match?.[1] ?? "", match?.[2] ?? "", match?.[3] ?? ""];
    if (lead) pieces.push(data(lead));
    if (body) {
      const mark = segment.style ? STYLE_MARK[segment.style] : "";
      const writeChar = segment.style === "code" ? codeChar : mrkdwnDataChar;
      const raw = defuseBroadcasts(body);
      pieces.push(
        segment.href
          ? { open: `${mark}<${escapeUrl(segment.href)}|`, raw, close: `>${mark}`, writeChar }
          : { open: mark, raw, close: mark, writeChar },
      );
    }
    if (trail) pieces.push(data(trail));
  }
  return pieces;
}

/** Writes as many characters of `raw` as fit in `budget` (code points, never half a surrogate pair). */
function fitChars(raw: string, writeChar: CharEscaper, budget: number): string {
  let text = "";
  for (const char of raw) {
    const next = writeChar(char);
    if (text.length + next.length > budget) break;
    text += next;
  }
  return text;
}

function renderPiece(piece: TextPiece): string {
  return `${piece.open}${fitChars(piece.raw, piece.writeChar, Number.POSITIVE_INFINITY)}${piece.close}`;
}

/**
 * Joins pieces into one Slack string of at most `maxLength` characters, ending in "…" when
 * something had to be cut.
 */
export function joinPieces(pieces: readonly TextPiece[], maxLength: number): string {
  const full = pieces.map(renderPiece);
  if (full.reduce((sum, part) => sum + part.length, 0) <= maxLength) return full.join("");
  const budget = maxLength - ELLIPSIS.length;
  let out = "";
  for (const [index, piece] of pieces.entries()) {
    const whole = full[index] ?? "";
    if (out.length + whole.length <= budget) {
      out += whole;
      continue;
    }
    const room = budget - out.length - piece.open.length - piece.close.length;
    const partial = room > 0 ? fitChars(piece.raw, piece.writeChar, room) : "";
    if (partial) out += `${piece.open}${partial}${piece.close}`;
    break;
  }
  return `${out}${ELLIPSIS}`;
}

/** Rich text as mrkdwn within `maxLength`. */
export function toMrkdwn(text: RichText, maxLength: number): string {
  return joinPieces(richPieces(text), maxLength);
}

/** Data for a plain_text object within `maxLength`. */
export function toPlainText(text: string, maxLength: number): string {
  return joinPieces(
    [{ open: "", raw: defuseBroadcasts(text), close: "", writeChar: plainTextChar }],
    maxLength,
  );
}

/** Data for mrkdwn that is not rich text (message fallback text). */
export function toMrkdwnData(text: string, maxLength: number): string {
  return joinPieces([data(text)], maxLength);
}
