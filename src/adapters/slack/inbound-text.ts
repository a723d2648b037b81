/**
 * What a person typed, from Slack's wire format back to plain text for the core.
 *
 * Slack sends message and slash-command text with `&`, `<`, `>` entity-escaped and with mentions,
 * channels and links as `<…>` markup. The core wants the words the person saw: "@maria",
 * "#general", "data.gov" — except, in slash commands, a user mention, which stays `<@U123>` so a
 * command that names someone knows exactly who (names are neither unique nor stable). Our own mention is removed, since "@datadesk ask x" means "ask x".
 */

const ENTITY = /&(amp|lt|gt);/g;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">" };

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_, name: string) => ENTITIES[name] ?? "");
}

/** One `<…>` token (without the brackets) as the text Slack displayed for it. */
function displayed(token: string, keepUserMentions: boolean): string {
  const bar = token.indexOf("|");
  const target = bar === -1 ? token : token.slice(0, bar);
  const label = bar === -1 ? undefined : token.slice(bar + 1);
  if (target.startsWith("@")) {
    // A command that names someone ("role grant @maria champion") needs who, not what they are called.
    if (keepUserMentions && /^@[UW][A-Z0-9]{1,20}$/.test(target)) return `<${target}>`;
    return label ? `@${label.replace(/^@/, "")}` : target;
  }
  if (target.startsWith("#")) return label ? `#${label}` : target;
  if (target.startsWith("!")) {
    // <!here>, <!channel>, <!everyone>, <!subteam^S1|@team>, <!date^…|fallback>
    const special = target.slice(1).split("^")[0] ?? "";
    return label ?? `@${special}`;
  }
  return label ?? target.replace(/^mailto:/, "");
}

export function slackTextToPlain(
  text: string,
  options: { botUserId?: string | undefined; keepUserMentions?: boolean } = {},
): string {
  let out = text;
  if (options.botUserId) {
    const id = options.botUserId.replace(/[^A-Za-z0-9]/g, "");
    out = out.replace(new RegExp(`<@${id}(?:\\|[^>]*)?>\\s*`, "g"), "");
  }
  // One pass, so an entity produced by decoding is never decoded a second time ("&amp;lt;" stays "&lt;").
  out = out.replace(
    /<([^<>]+)>|&(amp|lt|gt);/g,
    (_, token: string | undefined, entity: string | undefined) =>
      token !== undefined
        ? displayed(decodeEntities(token), options.keepUserMentions ?? false)
        : (ENTITIES[entity ?? ""] ?? ""),
  );
  return out.trim();
}

/** At most `max` UTF-16 units (what zod's max counts), never ending in half a surrogate pair. */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Text in Slack's wire form (`&`, `<`, `>` as entities): what slackTextToPlain reads back. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
