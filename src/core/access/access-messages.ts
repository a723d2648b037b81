import { type Translate, translator } from "../i18n/translator.js";
import type { CommunityDirectory } from "../ports/community-directory.js";
import type { OutboundMessage, PostTarget } from "../ports/outbox.js";
import { directMessages } from "../problems/problem-messages.js";
import type { Card } from "../shared/card.js";
import { reviewCard } from "./access-cards.js";
import type { AccessRequest, RouteTarget } from "./access-request.js";

/**
 * The outbox messages an access request causes. Privacy by construction: request details only
 * ever go to the targets stored in the request's routes (DMs to the people deciding, the private
 * triage channel) or by DM to the requester. Nothing here takes a channel id from anywhere else,
 * and the problems channel is never a target. Keys are stable, so a retry enqueues nothing new.
 */

function anchorKey(request: Pick<AccessRequest, "id">, target: RouteTarget): string {
  return `access:${request.id}:review:${target.platform}:${target.kind}:${target.id}`;
}

function postTarget(target: RouteTarget): PostTarget {
  return target.kind === "user"
    ? { kind: "user", userId: target.id }
    : { kind: "channel", channelId: target.id };
}

/** Every place the request's review card was posted, each once (a person can be routed twice). */
function allTargets(request: AccessRequest): RouteTarget[] {
  const seen = new Map<string, RouteTarget>();
  for (const step of request.routes)
    for (const target of step.targets)
      if (!seen.has(anchorKey(request, target))) seen.set(anchorKey(request, target), target);
  return [...seen.values()];
}

/**
 * The review cards of the request's current routing step, posted with an anchor so later changes
 * edit them. Targets that already had the card from an earlier step get no second copy (an
 * escalation that reaches the same person edits their card instead).
 */
export function reviewPosts(
  request: AccessRequest,
  timezone: string,
  intro?: (t: Translate) => string,
): OutboundMessage[] {
  const step = request.routes[request.routes.length - 1];
  if (!step) return [];
  const earlier = new Set(
    request.routes.slice(0, -1).flatMap((s) => s.targets.map((target) => anchorKey(request, target))),
  );
  return step.targets
    .filter((target) => !earlier.has(anchorKey(request, target)))
    .map((target) => {
      const key = anchorKey(request, target);
      const t = translator(target.locale);
      return {
        dedupeKey: `${key}:post`,
        communityId: request.communityId,
        platform: target.platform,
        target: postTarget(target),
        card: reviewCard(t, request, timezone, intro?.(t)),
        anchor: { key, version: request.cardVersion },
      };
    });
}

/** Edits of every review card to the request's current state ("Approved by …"). */
export function reviewUpdates(request: AccessRequest, timezone: string): OutboundMessage[] {
  return allTargets(request).map((target) => {
    const key = anchorKey(request, target);
    return {
      dedupeKey: `${key}:v${request.cardVersion}`,
      communityId: request.communityId,
      platform: target.platform,
      target: { kind: "anchor", key },
      card: reviewCard(translator(target.locale), request, timezone),
      anchor: { key, version: request.cardVersion },
    };
  });
}

/** A message to where the request is now (a reminder, an answer to a question), each target once. */
export function toCurrentDeciders(
  request: AccessRequest,
  key: string,
  card: (t: Translate) => Card,
): OutboundMessage[] {
  const step = request.routes[request.routes.length - 1];
  if (!step) return [];
  return step.targets.map((target) => ({
    dedupeKey: `${key}:${target.platform}:${target.kind}:${target.id}`,
    communityId: request.communityId,
    platform: target.platform,
    target: postTarget(target),
    card: card(translator(target.locale)),
  }));
}

/** A DM to the requester, in their language (their choice → their platform's → the community's). */
export function toRequester(
  directory: Pick<CommunityDirectory, "contacts">,
  request: AccessRequest,
  key: string,
  card: (t: Translate) => Card,
): Promise<OutboundMessage[]> {
  return directMessages(directory, [request.requesterId], {
    key,
    communityId: request.communityId,
    communityLocale: request.communityLocale,
    card: (locale) => card(translator(locale)),
  });
}
