import { translator } from "../i18n/translator.js";
import type { CommunityConfig, CommunityDirectory, PersonContact } from "../ports/community-directory.js";
import type { OutboundMessage } from "../ports/outbox.js";
import type { Card, RichText } from "../shared/card.js";
import type { Platform } from "../shared/platform.js";
import type { Problem } from "./problem.js";
import { type CardContext, publicProblemCard, triageProblemCard } from "./problem-cards.js";
import { threadName } from "./problem-thread-messages.js";

/**
 * The outbox messages a problem causes: its card in each problems channel, the triage ping,
 * edits of both when it changes, and DMs to the people who follow it. Keys are stable, so a
 * retried click or a replayed event enqueues nothing new.
 */

type Where = "public" | "triage";

function anchorKey(problem: Problem, where: Where, platform: Platform, workspaceId: string): string {
  return `problem:${problem.id}:${where}:${platform}:${workspaceId}`;
}

function channelsFor(config: CommunityConfig, where: Where) {
  return config.channels.flatMap((c) => {
    const channelId = where === "public" ? c.problemChannelId : c.triageChannelId;
    return channelId && c.platform !== "console"
      ? [{ platform: c.platform, workspaceId: c.workspaceId, channelId }]
      : [];
  });
}

function communityCardContext(config: CommunityConfig, locale: string): CardContext {
  return { t: translator(locale), timezone: config.timezone };
}

/** The first posts of a new problem: its public card and, for champions, the triage card with pings. */
export function newProblemPosts(
  problem: Problem,
  config: CommunityConfig,
  locale: string,
  pings: Map<Platform, RichText>,
): OutboundMessage[] {
  const ctx = communityCardContext(config, locale);
  const messages: OutboundMessage[] = [];
  for (const where of ["public", "triage"] as const) {
    for (const channel of channelsFor(config, where)) {
      const key = anchorKey(problem, where, channel.platform, channel.workspaceId);
      const card =
        where === "public"
          ? publicProblemCard(problem, ctx)
          : triageProblemCard(problem, ctx, pings.get(channel.platform) ?? []);
      messages.push({
        dedupeKey: `${key}:post`,
        communityId: problem.communityId,
        platform: channel.platform,
        target: {
          kind: "channel",
          channelId: channel.channelId,
          // The public card's thread is the problem's conversation, mirrored across platforms.
          ...(where === "public"
            ? { thread: { problemId: problem.id, name: threadName(ctx.t, problem) } }
            : {}),
        },
        card,
        anchor: { key, version: problem.cardVersion },
      });
    }
  }
  return messages;
}

/** Edits of every posted card of the problem to its current state (vote count, status, datasets). */
export function problemCardUpdates(
  problem: Problem,
  config: CommunityConfig,
  locale: string,
): OutboundMessage[] {
  const ctx = communityCardContext(config, locale);
  const messages: OutboundMessage[] = [];
  for (const where of ["public", "triage"] as const) {
    for (const channel of channelsFor(config, where)) {
      const key = anchorKey(problem, where, channel.platform, channel.workspaceId);
      messages.push({
        dedupeKey: `${key}:v${problem.cardVersion}`,
        communityId: problem.communityId,
        platform: channel.platform,
        target: { kind: "anchor", key },
        card: where === "public" ? publicProblemCard(problem, ctx) : triageProblemCard(problem, ctx),
        anchor: { key, version: problem.cardVersion },
      });
    }
  }
  return messages;
}

/** The account a DM reaches: the most recently active one on a platform that has DMs. */
export function dmAccount(contact: PersonContact) {
  return contact.accounts.find((a) => a.platform !== "console") ?? null;
}

/** The language to write to someone in: their choice → their platform's → the community's. */
export function contactLocale(contact: PersonContact, fallback: string): string {
  return contact.locale ?? dmAccount(contact)?.locale ?? fallback;
}

/**
 * One DM per person (never two for linked accounts: a person has one contact), written in their
 * language. `key` names the cause ("problem:<id>:event:<eventId>"), so a retry enqueues nothing.
 */
export async function directMessages(
  directory: Pick<CommunityDirectory, "contacts">,
  personIds: readonly string[],
  options: {
    key: string;
    communityId: string;
    communityLocale: string;
    card: (locale: string, personId: string) => Card;
  },
): Promise<OutboundMessage[]> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return [];
  const contacts = await directory.contacts(unique);
  const messages: OutboundMessage[] = [];
  for (const contact of contacts) {
    const account = dmAccount(contact);
    if (!account) continue;
    messages.push({
      dedupeKey: `${options.key}:to:${contact.personId}`,
      communityId: options.communityId,
      platform: account.platform,
      target: { kind: "user", userId: account.userId },
      card: options.card(contactLocale(contact, options.communityLocale), contact.personId),
    });
  }
  return messages;
}
