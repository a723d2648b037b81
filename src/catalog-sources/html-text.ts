import { convert, type HtmlToTextOptions } from "html-to-text";

/**
 * Catalog text that reaches people (titles, descriptions, licences, contacts, notes) is stored as
 * plain text: ArcGIS Hub portals publish licences and descriptions as HTML fragments (nested
 * `<span style=…>`, `<font>`, `&quot;`), and an answer that shows markup is unreadable on every
 * platform. The conversion is html-to-text's (a real HTML parser, htmlparser2): entities decoded,
 * block tags to line breaks, scripts, styles and images dropped. Table rows become lines of
 * `| cell | cell`, so a data dictionary published as a table stays readable and can be read back
 * as columns (`data-dictionary.ts`).
 *
 * Text without markup is returned as it is (trimmed): CKAN descriptions are Markdown, whose line
 * structure an HTML parser would fold into one paragraph.
 */

/** A tag (`<p>`, `</span>`, `<br/>`) or an entity (`&amp;`, `&#39;`): text a parser must read. */
const markup = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:#x[0-9a-f]+|#\d+|[a-z][a-z0-9]{1,31});/i;

/** Escaped markup is re-read at most this often (`&amp;lt;p&amp;gt;` is a real ArcGIS spelling). */
const MAX_PASSES = 3;

/** What each cell of a table row starts with. */
export const TABLE_CELL_SEPARATOR = "| ";

/**
 * html-to-text walks the tree recursively, so thousands of unclosed tags (`<a><a><a>…`, which a
 * parser nests) would overflow the stack and lose the whole record. No real description nests
 * anywhere near this deep; text below it is dropped (ellipsis) instead.
 */
const MAX_DEPTH = 200;

const options: HtmlToTextOptions = {
  wordwrap: false,
  preserveNewlines: false,
  limits: { maxDepth: MAX_DEPTH, ellipsis: "…" },
  formatters: {
    tableCell: (elem, walk, builder) => {
      builder.addInline(TABLE_CELL_SEPARATOR, { noWordTransform: true });
      walk(elem.children, builder);
      builder.addInline(" ");
    },
  },
  selectors: [
    { selector: "img", format: "skip" },
    { selector: "a", options: { hideLinkHrefIfSameAsText: true, linkBrackets: ["(", ")"] } },
    // A mail link's text is the address (or a name next to it); "mailto:" is noise.
    { selector: "a[href^='mailto:']", format: "inline" },
    { selector: "table", format: "block" },
    { selector: "tr", format: "block" },
    { selector: "td", format: "tableCell" },
    { selector: "th", format: "tableCell" },
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
    { selector: "h3", options: { uppercase: false } },
    { selector: "h4", options: { uppercase: false } },
    { selector: "h5", options: { uppercase: false } },
    { selector: "h6", options: { uppercase: false } },
    { selector: "ul", options: { itemPrefix: " • " } },
  ],
};

/** What tidy would change: without any of it (most titles, keywords, names), text stays as it is. */
const untidy = /^\s|\s$|[\r\n\t\f\v\u00a0\u200b]| {2}/;

/** Collapses runs of spaces, trims lines and keeps at most one blank line between paragraphs. */
function tidy(text: string): string {
  if (!untidy.test(text)) return text;
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\f\v\u00a0\u200b]+/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function looksLikeMarkup(text: string): boolean {
  return markup.test(text);
}

/**
 * Word's HTML wraps every cell's text in paragraphs (and html-to-text's selectors have no
 * descendant combinator to say "a paragraph inside a cell"), so inside a cell they become spaces.
 */
function flattenTableCells(html: string): string {
  return html.replace(/(<t[dh]\b[^>]*>)([\s\S]*?)(<\/t[dh]\s*>)/gi, (_whole, open, inner: string, close) => {
    return `${open}${inner.replace(/<\/?(?:p|div|br)\b[^>]*>/gi, " ")}${close}`;
  });
}

/** Plain text from catalog text that may be HTML; "" for nothing. */
export function htmlToPlainText(text: string | null | undefined): string {
  if (!text) return "";
  // Without "<" or "&" there is neither markup nor an autolink: no parser needed.
  if (!text.includes("<") && !text.includes("&")) return tidy(text);
  // Markdown autolinks (<https://…>) are not tags; keep the address as text.
  let current = text.replace(/<((?:https?|ftp|mailto):[^<>\s]+)>/gi, "$1");
  for (let pass = 0; pass < MAX_PASSES && looksLikeMarkup(current); pass += 1) {
    current = convert(flattenTableCells(current), options);
  }
  return tidy(current);
}

/** The same for an optional field: null when nothing readable is left. */
export function htmlToPlainTextOrNull(text: string | null | undefined): string | null {
  const plain = htmlToPlainText(text);
  return plain === "" ? null : plain;
}
