import { httpUrl } from "../catalog/http-url.js";
import { invocationOf } from "../commands/invocation.js";
import type { Translate } from "../i18n/translator.js";
import type { WatchNotice } from "../ports/watch-store.js";
import type { Card, RichText } from "../shared/card.js";
import type { Platform } from "../shared/platform.js";

function linkOrTitle(notice: WatchNotice): RichText[number] {
  const href = httpUrl(notice.landingPage);
  return href ? { text: notice.datasetTitle, href } : notice.datasetTitle;
}

/**
 * A sync's notices, batched: one entry per person, each dataset once (a dataset that reached a
 * person through two watches, say a topic and saved words, is listed under the first). One
 * person gets one message per sync, however many of their watches the sync touched.
 */
export function batchNotices(notices: readonly WatchNotice[]): Map<string, WatchNotice[]> {
  const byPerson = new Map<string, WatchNotice[]>();
  for (const notice of notices) {
    const mine = byPerson.get(notice.personId) ?? [];
    if (!mine.some((seen) => seen.datasetId === notice.datasetId)) mine.push(notice);
    byPerson.set(notice.personId, mine);
  }
  return byPerson;
}

/**
 * What happened, in words. A restricted dataset only says that it changed: anyone in the
 * community may know it exists (the catalog lists it), but what changed is for those with access.
 */
export function noticeLine(t: Translate, notice: WatchNotice): string {
  if (notice.accessLevel !== "public" && notice.change !== "removed") return t("watches:dm.restricted");
  switch (notice.change) {
    case "removed":
      return t("watches:dm.removed");
    case "new":
      return t(notice.watchKind === "topic" ? "watches:dm.newForTopic" : "watches:dm.newForWords", {
        target: notice.watchTarget,
      });
    case "updated":
      return notice.fields.length === 0
        ? t("watches:dm.updated")
        : t("watches:dm.updatedFields", {
            fields: notice.fields.map((field) => t(`watches:dm.fields.${field}`)).join(", "),
          });
  }
}

/** The one DM a person gets for one sync. */
export function watchNoticesCard(t: Translate, notices: readonly WatchNotice[], platform: Platform): Card {
  const title = t("watches:dm.title", { count: notices.length });
  return {
    fallbackText: title,
    accent: "info",
    blocks: [
      { type: "header", text: title },
      {
        type: "list",
        items: notices.map((notice): RichText => [linkOrTitle(notice), ` — ${noticeLine(t, notice)}`]),
      },
      { type: "context", text: [t("watches:dm.footer", { invocation: invocationOf(platform, "watches") })] },
    ],
  };
}
