import type { Translate } from "../i18n/translator.js";
import { translator } from "../i18n/translator.js";
import type { CommunityConfig, CommunityDirectory } from "../ports/community-directory.js";
import type { OutboundMessage } from "../ports/outbox.js";
import { contactLocale, directMessages, dmAccount } from "../problems/problem-messages.js";
import type { Card } from "../shared/card.js";
import type { Showcase, ShowcaseStatus } from "./showcase.js";
import { publishedCard, reviewCard, reviewedCard } from "./showcase-cards.js";

/**
 * The outbox messages a showcase causes: a review card in each champions' triage channel (or
 * each reviewer's DMs) per round of review, edits of every copy of that card once the round is
 * decided or withdrawn, the public card in each showcase channel once published, and DMs to the
 * submitter. Keys are stable, so a double click or a retried event enqueues nothing new: above
 * all, a showcase is published once per channel whatever happens.
 */

/**
 * The version a round's review card shows: the revision when posted with buttons, then one more
 * once decided, two more once withdrawn (also after "changes asked"). Each round has its own
 * anchor keys, so versions only need to grow within a round (the worker skips an edit older
 * than what is shown); starting from the revision keeps cards posted before edits existed,
 * which carried the revision as their version, editable.
 */
const statusStep: Record<ShowcaseStatus, number> = {
  pending_review: 0,
  published: 1,
  changes_requested: 1,
  rejected: 1,
  withdrawn: 2,
};
const cardVersion = (showcase: Showcase) => showcase.revision + statusStep[showcase.status];

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

const reviewKey = (showcase: Showcase) => `showcase:${showcase.id}:r${showcase.revision}:review`;
const channelReviewKey = (showcase: Showcase) => (platform: string, workspaceId: string) =>
  `${reviewKey(showcase)}:${platform}:${workspaceId}`;
const dmReviewKey = (showcase: Showcase, personId: string) => `${reviewKey(showcase)}:to:${personId}`;

/** One review card per triage channel for this round (a resubmission is a new round). */
export function reviewPosts(showcase: Showcase, config: CommunityConfig, locale: string): OutboundMessage[] {
  return posts(
    showcase,
    config,
    "triage",
    channelReviewKey(showcase),
    reviewCard(translator(locale), showcase),
  );
}

/** Champions and admins other than the submitter: who gets the review card by DM. */
async function dmReviewers(
  directory: Pick<CommunityDirectory, "contacts" | "membersWithRole">,
  showcase: Showcase,
) {
  const reviewers = await directory.membersWithRole(showcase.communityId, ["champion", "admin"]);
  const ids = [...new Set(reviewers.map((m) => m.personId))].filter((id) => id !== showcase.submitterId);
  if (ids.length === 0) return [];
  return (await directory.contacts(ids)).flatMap((contact) => {
    const account = dmAccount(contact);
    return account ? [{ contact, account }] : [];
  });
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
  // Anchored like the channel cards, so the decision edits each reviewer's copy too.
  return (await dmReviewers(directory, showcase)).map(({ contact, account }) => {
    const key = dmReviewKey(showcase, contact.personId);
    return {
      dedupeKey: `${key}:post`,
      communityId: showcase.communityId,
      platform: account.platform,
      target: { kind: "user" as const, userId: account.userId },
      card: reviewCard(translator(contactLocale(contact, locale)), showcase),
      anchor: { key, version: cardVersion(showcase) },
    };
  });
}

/**
 * Edits of every copy of this round's review card (each triage channel, or each reviewer's DM)
 * to its outcome, without buttons: "Approved by X", "Rejected by X", "Withdrawn by Y". Where the
 * copies went is worked out as when they were posted (triage channels if any, else reviewers).
 * `name` is who decided (the reviewer, or the submitter for a withdrawal).
 */
export async function reviewCardEdits(
  directory: Pick<CommunityDirectory, "contacts" | "membersWithRole">,
  showcase: Showcase,
  config: CommunityConfig,
  locale: string,
  name: string,
): Promise<OutboundMessage[]> {
  const version = cardVersion(showcase);
  const edit = (platform: OutboundMessage["platform"], key: string, cardLocale: string): OutboundMessage => ({
    dedupeKey: `${key}:v${version}`,
    communityId: showcase.communityId,
    platform,
    target: { kind: "anchor", key },
    card: reviewedCard(translator(cardLocale), showcase, name),
    anchor: { key, version },
  });
  const inChannels = channels(config, "triage").map((c) =>
    edit(c.platform, channelReviewKey(showcase)(c.platform, c.workspaceId), locale),
  );
  if (inChannels.length > 0) return inChannels;
  return (await dmReviewers(directory, showcase)).map(({ contact, account }) =>
    edit(account.platform, dmReviewKey(showcase, contact.personId), contactLocale(contact, locale)),
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
