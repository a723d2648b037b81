import { type Translate, translator } from "../i18n/translator.js";
import type { CommunityConfig } from "../ports/community-directory.js";
import type { DataMatch } from "../ports/data-match-store.js";
import type { OutboundMessage } from "../ports/outbox.js";
import type { Problem } from "../problems/problem.js";
import { problemRef } from "../problems/problem-cards.js";
import type { Card } from "../shared/card.js";
import { noticeCard } from "../shared/card.js";

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

function triageChannels(config: CommunityConfig) {
  return config.channels.flatMap((channel) =>
    channel.triageChannelId && channel.platform !== "console"
      ? [{ ...channel, triageChannelId: channel.triageChannelId }]
      : [],
  );
}

const postKey = (matchId: string, channel: { platform: string; workspaceId: string }) =>
  `match:${matchId}:triage:${channel.platform}:${channel.workspaceId}`;

/**
 * One post per triage channel, keyed by the suggestion: a retried sync posts nothing twice.
 * Each is anchored, so a decision on one platform takes the buttons off the others.
 */
export function dataMatchPosts(
  match: DataMatch,
  problem: Problem,
  datasetTitle: string,
  config: CommunityConfig,
  locale: string,
): OutboundMessage[] {
  return triageChannels(config).map((channel) => {
    const key = postKey(match.id, channel);
    return {
      dedupeKey: key,
      communityId: problem.communityId,
      platform: channel.platform,
      target: { kind: "channel" as const, channelId: channel.triageChannelId },
      card: dataMatchCard(locale, match, problem, datasetTitle),
      anchor: { key, version: 0 },
    };
  });
}

/**
 * Every triage post of a decided suggestion, edited to the decision without its buttons, in the
 * community's language: a champion on the other platform sees it was decided instead of
 * pressing a button that can only say "already decided".
 */
export function dataMatchDecidedEdits(
  match: Pick<DataMatch, "id">,
  config: CommunityConfig,
  decision: (t: Translate) => string,
  communityId: string,
): OutboundMessage[] {
  const text = decision(translator(config.locale));
  return triageChannels(config).map((channel) => {
    const key = postKey(match.id, channel);
    return {
      dedupeKey: `${key}:decided`,
      communityId,
      platform: channel.platform,
      target: { kind: "anchor" as const, key },
      card: noticeCard(text, "success"),
      anchor: { key, version: 1 },
    };
  });
}
