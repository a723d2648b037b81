import type { Translate } from "../i18n/translator.js";
import { translator } from "../i18n/translator.js";
import type { CommunityConfig, CommunityDirectory } from "../ports/community-directory.js";
import type { OutboundMessage } from "../ports/outbox.js";
import { directMessages } from "../problems/problem-messages.js";
import type { Card } from "../shared/card.js";
import type { Showcase } from "./showcase.js";
import { publishedCard, reviewCard } from "./showcase-cards.js";

/**
 * The outbox messages a showcase causes: a review card in each champions' triage channel per
 * round of review, the public card in each showcase channel once published, and DMs to the
 * submitter. Keys are stable, so a double click or a retried event enqueues nothing new: above
 * all, a showcase is published once per channel whatever happens.
 */

type Purpose = "triage" | "showcase";

function channels(config: CommunityConfig, purpose: Purpose) {
  return config.channels.flatMap((c) => {
    const channelId = purpose === "triage" ? c.triageChannelId : c.showcaseChannelId;
    return channelId && c.platform !== "console"
      ? [{ platform: c.platform, workspaceId: c.workspaceId, channelId }]
      : [];
  });
}

function posts(
  showcase: Showcase,
  config: CommunityConfig,
  purpose: Purpose,
  key: (platform: string, workspaceId: string) => string,
  card: Card,
): OutboundMessage[] {
  return channels(config, purpose).map((channel) => {
    const anchorKey = key(channel.platform, channel.workspaceId);
    return {
      dedupeKey: `${anchorKey}:post`,
      communityId: showcase.communityId,
      platform: channel.platform,
      target: { kind: "channel" as const, channelId: channel.channelId },
      card,
      anchor: { key: anchorKey, version: showcase.revision },
    };
  });
}

/** One review card per triage channel for this round (a resubmission is a new round). */
export function reviewPosts(showcase: Showcase, config: CommunityConfig, locale: string): OutboundMessage[] {
  return posts(
    showcase,
    config,
    "triage",
    (platform, workspaceId) =>
      `showcase:${showcase.id}:r${showcase.revision}:review:${platform}:${workspaceId}`,
    reviewCard(translator(locale), showcase),
  );
}

/**
 * Where no platform has a triage channel yet, the review card goes to each champion and admin
 * by DM instead (never to the submitter), so a showcase never waits unseen.
 */
export async function reviewMessages(
  directory: Pick<CommunityDirectory, "contacts" | "membersWithRole">,
  showcase: Showcase,
  config: CommunityConfig,
  locale: string,
): Promise<OutboundMessage[]> {
  const posts = reviewPosts(showcase, config, locale);
  if (posts.length > 0) return posts;
  const reviewers = await directory.membersWithRole(showcase.communityId, ["champion", "admin"]);
  return directMessages(
    directory,
    reviewers.map((m) => m.personId).filter((id) => id !== showcase.submitterId),
    {
      key: `showcase:${showcase.id}:r${showcase.revision}:review`,
      communityId: showcase.communityId,
      communityLocale: locale,
      card: (personLocale) => reviewCard(translator(personLocale), showcase),
    },
  );
}

/** The public card in every connected platform's showcase channel: once per showcase, ever. */
export function publishPosts(showcase: Showcase, config: CommunityConfig, locale: string): OutboundMessage[] {
  return posts(
    showcase,
    config,
    "showcase",
    (platform, workspaceId) => `showcase:${showcase.id}:public:${platform}:${workspaceId}`,
    publishedCard(translator(locale), showcase),
  );
}

/** Whether any platform has a showcase channel to publish to (else the reviewer is told). */
export function hasShowcaseChannel(config: CommunityConfig): boolean {
  return channels(config, "showcase").length > 0;
}

/** A DM to the submitter in their language, keyed by what caused it. */
export function toSubmitter(
  directory: Pick<CommunityDirectory, "contacts">,
  showcase: Showcase,
  communityLocale: string,
  cause: string,
  card: (t: Translate) => Card,
): Promise<OutboundMessage[]> {
  return directMessages(directory, [showcase.submitterId], {
    key: `showcase:${showcase.id}:r${showcase.revision}:${cause}`,
    communityId: showcase.communityId,
    communityLocale,
    card: (locale) => card(translator(locale)),
  });
}
