import { httpUrl } from "../catalog/http-url.js";
import { invocationOf } from "../commands/invocation.js";
import type { Translate } from "../i18n/translator.js";
import type { RunNoticeBatch, WatchNotice } from "../ports/watch-store.js";
import type { Card, RichText } from "../shared/card.js";
import type { Platform } from "../shared/platform.js";

function linkOrTitle(notice: WatchNotice): RichText[number] {
  const href = httpUrl(notice.landingPage);
  return href ? { text: notice.datasetTitle, href } : notice.datasetTitle;
}

/**
 * What happened, in words. A restricted dataset only says that it changed: anyone in the
 * community may know it exists (the catalog lists it), but what changed is for those with access.
 */
export function noticeLine(t: Translate, notice: WatchNotice): string {
  // Overdue says only that an update is late, which the catalog's own dates show anyone.
  if (notice.accessLevel !== "public" && notice.change !== "removed" && notice.change !== "overdue")
    return t("watches:dm.restricted");
  switch (notice.change) {
    case "removed":
      return t("watches:dm.removed");
    case "new":
      return t(notice.watchKind === "topic" ? "watches:dm.newForTopic" : "watches:dm.newForWords", {
        target: notice.watchTarget,
      });
    case "overdue":
      return t("watches:dm.overdue", { date: notice.dueOn ?? "" });
    case "updated":
      return notice.fields.length === 0
        ? t("watches:dm.updated")
        : t("watches:dm.updatedFields", {
            fields: notice.fields.map((field) => t(`watches:dm.fields.${field}`)).join(", "),
          });
  }
}

/** How many changes one DM lists; the rest are counted ("and 180 more"). */
export const NOTICES_PER_MESSAGE = 20;

/** The one DM a person gets for one sync: the first changes by title, and how many more there are. */
export function watchNoticesCard(t: Translate, batch: RunNoticeBatch, platform: Platform): Card {
  const title = t("watches:dm.title", { count: batch.total });
  const more = batch.total - batch.notices.length;
  return {
    fallbackText: title,
    accent: "info",
    blocks: [
      { type: "header", text: title },
      {
        type: "list",
        items: batch.notices.map((notice): RichText => [linkOrTitle(notice), ` — ${noticeLine(t, notice)}`]),
      },
      ...(more > 0 ? [{ type: "context" as const, text: [t("watches:dm.more", { count: more })] }] : []),
      { type: "context", text: [t("watches:dm.footer", { invocation: invocationOf(platform, "watches") })] },
    ],
  };
}
