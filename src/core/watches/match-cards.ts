import { translator } from "../i18n/translator.js";
import type { CommunityConfig } from "../ports/community-directory.js";
import type { DataMatch } from "../ports/data-match-store.js";
import type { OutboundMessage } from "../ports/outbox.js";
import type { Problem } from "../problems/problem.js";
import { problemRef } from "../problems/problem-cards.js";
import type { Card } from "../shared/card.js";

/** "New data may answer #12 — Link / Not a match", as champions see it in the triage channel. */
export function dataMatchCard(
  locale: string,
  match: DataMatch,
  problem: Problem,
  datasetTitle: string,
): Card {
  const t = translator(locale);
  const ref = problemRef(problem);
  const title = t("watches:match.title", { ref });
  return {
    fallbackText: title,
    accent: "info",
    blocks: [
      { type: "header", text: title },
      {
        type: "section",
        text: [t("watches:match.body", { ref, dataset: datasetTitle, problem: problem.title })],
      },
      {
        type: "actions",
        actions: [
          {
            kind: "button",
            actionId: "match.link",
            label: t("watches:buttons.link"),
            value: match.id,
            style: "primary",
          },
          { kind: "button", actionId: "match.reject", label: t("watches:buttons.notMatch"), value: match.id },
        ],
      },
    ],
  };
}

/** One post per triage channel, keyed by the suggestion: a retried sync posts nothing twice. */
export function dataMatchPosts(
  match: DataMatch,
  problem: Problem,
  datasetTitle: string,
  config: CommunityConfig,
  locale: string,
): OutboundMessage[] {
  return config.channels.flatMap((channel) =>
    channel.triageChannelId && channel.platform !== "console"
      ? [
          {
            dedupeKey: `match:${match.id}:triage:${channel.platform}:${channel.workspaceId}`,
            communityId: problem.communityId,
            platform: channel.platform,
            target: { kind: "channel" as const, channelId: channel.triageChannelId },
            card: dataMatchCard(locale, match, problem, datasetTitle),
          },
        ]
      : [],
  );
}
