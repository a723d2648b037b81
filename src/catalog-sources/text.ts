/**
 * Turns catalog descriptions (Markdown from CKAN, sometimes mixed with HTML) into plain text for
 * search indexing, so `**`, `<p>` or link targets are not indexed as words. What people read is
 * made plain earlier, by html-to-text (`readable-text.ts`); this runs on that result. It is deliberately regex-based: descriptions are short, and
 * a slightly imperfect strip is harmless for search while a full parser would be heavy.
 */

const namedEntities: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  hellip: "…",
  bull: "•",
  middot: "·",
  copy: "©",
  reg: "®",
  trade: "™",
  deg: "°",
  pound: "£",
  euro: "€",
  eacute: "é",
  egrave: "è",
  aacute: "á",
  oacute: "ó",
  uacute: "ú",
  iacute: "í",
  ntilde: "ñ",
  uuml: "ü",
  ouml: "ö",
  auml: "ä",
  ccedil: "ç",
  shy: "",
};

/** Decodes `&amp;`, `&#39;`, `&#x2019;` and the common named entities; unknown ones are kept. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body.startsWith("#")) {
      const codePoint =
        body[1] === "x" || body[1] === "X"
          ? Number.parseInt(body.slice(2), 16)
          : Number.parseInt(body.slice(1), 10);
      return Number.isInteger(codePoint) && codePoint > 0 && codePoint <= 0x10ffff
        ? String.fromCodePoint(codePoint)
        : whole;
    }
    return namedEntities[body.toLowerCase()] ?? whole;
  });
}

/** Removes HTML markup, keeping text and turning block-level boundaries into line breaks. */
function stripHtml(text: string): string {
  return (
    text
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ")
      // Markdown autolinks (<https://…>) look like tags; keep the address as text.
      .replace(/<((?:https?|ftp|mailto):[^<>\s]+)>/gi, "$1")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/?(p|div|li|ul|ol|tr|table|h[1-6]|blockquote|pre|section|article)\b[^>]*>/gi, "\n")
      // Inline tags sit inside words and sentences (`<b>x</b>.`): remove them without a gap.
      .replace(/<\/?(a|abbr|b|code|em|font|i|mark|small|span|strong|sub|sup|u)\b[^<>]*>/gi, "")
      .replace(/<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi, " ")
  );
}

/** Removes Markdown syntax, keeping the words a reader would see. */
function stripMarkdown(text: string): string {
  // Line-anchored rules use [ \t] rather than \s so they never swallow the blank lines
  // that separate paragraphs.
  return (
    text
      // Fenced code: drop the fences, keep the code (it is often column names worth finding).
      .replace(/^[ \t]*(```|~~~).*$/gm, "")
      // Reference-style link definitions: `[id]: https://…`
      .replace(/^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$/gm, "")
      // Images and links: keep the alt text / link text. The text stops at a "[" and the target
      // at a "(" (one level of parentheses allowed, as in Wikipedia links), so a line of
      // unclosed brackets costs linear time, not quadratic.
      .replace(/!\[([^[\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)/g, "$1")
      .replace(/\[([^[\]\n]+)\]\((?:[^()\n]|\([^()\n]*\))*\)/g, "$1")
      .replace(/\[([^[\]\n]+)\]\[[^\]\n]*\]/g, "$1")
      // Headings, setext underlines, blockquotes, list markers, horizontal rules, table rules.
      .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, "")
      .replace(/[ \t]+#+[ \t]*$/gm, "")
      .replace(/^[ \t]*(?:={3,}|-{3,}|\*{3,}|_{3,})[ \t]*$/gm, "")
      .replace(/^[ \t]*>+[ \t]?/gm, "")
      .replace(/^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+/gm, "")
      .replace(/^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$/gm, "")
      .replace(/[ \t]*\|[ \t]*/g, " ")
      // Emphasis and code spans. Underscore emphasis only at word edges so snake_case survives.
      // Spans are bounded, so a text full of unclosed markers costs linear time, not quadratic.
      .replace(/(\*\*|__)(?=\S)([\s\S]{0,500}?\S)\1/g, "$2")
      .replace(/\*(?=\S)([^*\n]*?\S)\*/g, "$1")
      .replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, "$1$2")
      .replace(/~~(?=\S)([\s\S]{0,500}?\S)~~/g, "$1")
      .replace(/`+([^`\n]+)`+/g, "$1")
      // Backslash escapes: `\#` → `#`.
      .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, "$1")
      // Unbalanced leftovers (`**note **`, which Markdown itself shows literally) mean nothing to search.
      .replace(/\*+/g, "")
      .replace(/_{2,}/g, " ")
  );
}

/** What tidyWhitespace would change: without any of it, a text is returned as it is. */
const untidy = /^\s|\s$|[\n\t\f\v\u00a0]| {2}/;

/** Collapses runs of spaces, trims lines and keeps at most one blank line between paragraphs. */
function tidyWhitespace(text: string): string {
  if (!untidy.test(text)) return text;
  return text
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A character some HTML, entity or Markdown rule needs, or a line-leading Markdown marker. */
const syntax = /[<&[\]#*_|~`\\]|^[ \t]*(?:[-+=>]|\d{1,3}[.)])/m;

/**
 * Plain text for search from a description that may hold HTML, Markdown, or both.
 * Entities are decoded last so an escaped `&lt;b&gt;` stays visible text rather than being
 * mistaken for a tag.
 */
export function toPlainText(text: string | null | undefined): string {
  if (!text) return "";
  // Most descriptions hold nothing any rule above matches (each one needs one of these characters,
  // or a line starting with a list, heading, rule or quote marker): a 300k-dataset import then
  // skips some thirty regular-expression passes per description.
  if (!syntax.test(text)) return tidyWhitespace(text.replace(/\r\n?/g, "\n").replace(/[ \t]{5,}/g, "    "));
  // A long run of spaces or tabs makes the [ \t]-based Markdown rules backtrack quadratically
  // (120 000 tabs took a minute). Four spaces mean to them what any longer run means (indented
  // code), and tidyWhitespace collapses runs at the end anyway.
  const normalisedNewlines = text.replace(/\r\n?/g, "\n").replace(/[ \t]{5,}/g, "    ");
  return tidyWhitespace(decodeHtmlEntities(stripMarkdown(stripHtml(normalisedNewlines))));
}
