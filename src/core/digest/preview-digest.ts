import type { RequestContext } from "../bot/request-context.js";
import { hasAnyRole } from "../people/roles.js";
import { ephemeral, noticeCard, type Reply } from "../shared/card.js";
import { buildDigest, digestCard, isQuietWeek } from "./digest.js";
import { digestWeekOf } from "./digest-week.js";

/** Who may see the champions' digest before it goes out: it lists access requests waiting. */
export const DIGEST_PREVIEW_ROLES = ["champion", "admin"] as const;

/** "21 Nov 2026, 12:00" in the reader's language and the community's time zone. */
function localTime(at: Date, locale: string, timeZone: string): string {
  const options = { dateStyle: "medium", timeStyle: "short", timeZone } as const;
  try {
    return new Intl.DateTimeFormat(locale, options).format(at);
  } catch {
    // A platform locale Intl does not know ("en_US"): the date still reads fine in English.
    return new Intl.DateTimeFormat("en", options).format(at);
  }
}

/**
 * `/datadesk digest`: this week so far as the champions' digest would say it, only to the
 * champion asking. Members hear kindly where the digest is posted instead.
 */
export async function previewDigest(ctx: RequestContext): Promise<Reply> {
  const { t } = ctx;
  if (!hasAnyRole(ctx.actor, DIGEST_PREVIEW_ROLES))
    return ephemeral(noticeCard(t("digest:preview.refused"), "info"));
  const now = ctx.deps.clock.now();
  const digest = await buildDigest(ctx.deps, {
    communityId: ctx.community.id,
    week: digestWeekOf(now, ctx.community.timezone),
    audience: { kind: "champions" },
  });
  const card = digestCard(digest, t);
  const asOf = localTime(now, ctx.actor.locale, ctx.community.timezone);
  const note = isQuietWeek(digest) ? t("digest:quietPreview") : t("digest:soFar", { date: asOf });
  // The header stays first; the note says this is a preview of a week still going on.
  const [header, ...rest] = card.blocks;
  return ephemeral({
    ...card,
    blocks: [...(header ? [header] : []), { type: "context", text: [note] }, ...rest],
  });
}
