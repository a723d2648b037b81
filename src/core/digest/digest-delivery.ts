import { translator } from "../i18n/translator.js";
import type { CommunityConfig, CommunityDirectory } from "../ports/community-directory.js";
import type { DigestRunStore } from "../ports/digest-runs.js";
import type { DigestSubscriptionStore } from "../ports/digest-subscriptions.js";
import type { Logger } from "../ports/logger.js";
import type { OutboundMessage, PostTarget } from "../ports/outbox.js";
import type { UnitOfWork } from "../ports/unit-of-work.js";
import { contactLocale, dmAccount } from "../problems/problem-messages.js";
import type { Platform } from "../shared/platform.js";
import { buildDigest, digestCard, isQuietWeek } from "./digest.js";
import { dueDigest } from "./digest-schedule.js";
import {
  championOnlySectionKeys,
  type Digest,
  type DigestAudience,
  type DigestDeps,
  type DigestWeek,
} from "./digest-types.js";

/**
 * Weekly digest delivery: for every community whose digest is due, one digest per target (each
 * connected workspace's digest channel, its triage channel for the champions' version, and each
 * person who opted in to a DM), exactly once per target and week.
 *
 * Exactly once, across restarts and replicas sharing one database: the digest is built first
 * (reads only, so the transaction stays short), then one unit of work claims the DigestRun row
 * (unique per community, target and week) and enqueues the outbox message. Only the unit that
 * inserted the row enqueues; a crash before the commit leaves nothing, so the next run builds and
 * sends it once; a crash after it leaves the message to the outbox worker, which delivers once.
 */
export type DigestDeliveryDeps = DigestDeps & {
  directory: Pick<CommunityDirectory, "config" | "contacts" | "membersWithRole">;
  digestRuns: DigestRunStore;
  digestSubscriptions: DigestSubscriptionStore;
  unitOfWork: UnitOfWork;
  logger: Logger;
};

export interface DigestRunSummary {
  /** Digests enqueued by this run. */
  sent: number;
  /** Quiet weeks (or people with nowhere to DM) recorded as skipped. */
  skipped: number;
  /** Targets another run (this process earlier, or another replica) had already claimed. */
  alreadyDone: number;
  /** Targets that failed; they stay due and the next run tries again. */
  failed: number;
}

interface DigestTarget {
  key: string;
  audience: DigestAudience;
  /** Where it goes, or null for a person with no account to DM (recorded as skipped). */
  to: { platform: Platform; target: PostTarget } | null;
  locale: string;
}

/** The champions' version goes to the triage channel; the public one to the digest channel. */
function channelTargets(config: CommunityConfig): DigestTarget[] {
  const targets: DigestTarget[] = [];
  for (const channels of config.channels) {
    // The console has no channels to post to and no outbox delivery.
    if (channels.platform === "console") continue;
    const where = `${channels.platform}:${channels.workspaceId}`;
    if (channels.digestChannelId) {
      targets.push({
        key: `channel:${where}`,
        audience: { kind: "channel" },
        to: { platform: channels.platform, target: { kind: "channel", channelId: channels.digestChannelId } },
        locale: config.locale,
      });
    }
    if (channels.triageChannelId) {
      targets.push({
        key: `champions:${where}`,
        audience: { kind: "champions" },
        to: { platform: channels.platform, target: { kind: "channel", channelId: channels.triageChannelId } },
        locale: config.locale,
      });
    }
  }
  return targets;
}

const personKey = (personId: string) => `person:${personId}`;

/**
 * Everyone who opted in (and not yet sent this week's), with only the sections they kept. Request details stay with champions:
 * someone who is no longer a champion loses the champion-only sections they once chose.
 */
async function personTargets(
  deps: DigestDeliveryDeps,
  config: CommunityConfig,
  done: ReadonlySet<string>,
): Promise<DigestTarget[]> {
  const subscriptions = (await deps.digestSubscriptions.enabledIn(config.communityId)).filter(
    (subscription) => !done.has(personKey(subscription.personId)),
  );
  if (subscriptions.length === 0) return [];
  const champions = new Set(
    (await deps.directory.membersWithRole(config.communityId, ["champion", "admin"])).map((m) => m.personId),
  );
  const contacts = new Map(
    (await deps.directory.contacts(subscriptions.map((s) => s.personId))).map((c) => [c.personId, c]),
  );
  return subscriptions.map((subscription) => {
    const contact = contacts.get(subscription.personId);
    const account = contact ? dmAccount(contact) : null;
    const sections = champions.has(subscription.personId)
      ? subscription.sections
      : subscription.sections.filter((key) => !championOnlySectionKeys.includes(key));
    return {
      key: personKey(subscription.personId),
      audience: { kind: "person", personId: subscription.personId, sections },
      to: account ? { platform: account.platform, target: { kind: "user", userId: account.userId } } : null,
      locale: contact ? contactLocale(contact, config.locale) : config.locale,
    };
  });
}

/** Claims the target's digest for the week and enqueues its message, together. */
async function deliver(
  deps: DigestDeliveryDeps,
  config: CommunityConfig,
  week: DigestWeek,
  target: DigestTarget,
  digest: Digest,
  now: Date,
): Promise<"sent" | "skipped" | "alreadyDone"> {
  const quiet = isQuietWeek(digest) && !config.digest.sendWhenQuiet;
  const dedupeKey = `digest:${config.communityId}:${target.key}:${week.isoWeek}`;
  const message: OutboundMessage | null =
    quiet || !target.to
      ? null
      : {
          dedupeKey,
          communityId: config.communityId,
          platform: target.to.platform,
          target: target.to.target,
          card: digestCard(digest, translator(target.locale)),
        };
  const claimed = await deps.unitOfWork.run(async (tx) => {
    const first = await tx.digestRuns.claim({
      communityId: config.communityId,
      target: target.key,
      isoWeek: week.isoWeek,
      outcome: message ? "sent" : "skipped",
      dedupeKey: message ? dedupeKey : null,
      at: now,
    });
    if (first && message) await tx.outbox.enqueue([message]);
    return first;
  });
  if (!claimed) return "alreadyDone";
  return message ? "sent" : "skipped";
}

async function runCommunity(
  deps: DigestDeliveryDeps,
  communityId: string,
  now: Date,
  summary: DigestRunSummary,
): Promise<void> {
  const config = await deps.directory.config(communityId);
  const { week } = dueDigest(config, now);
  const done = new Set(await deps.digestRuns.doneTargets(communityId, week.isoWeek));
  const targets = [
    ...channelTargets(config).filter((target) => !done.has(target.key)),
    ...(await personTargets(deps, config, done)),
  ];
  // The public and champions' digests read the same week for every platform, and people who kept
  // the same sections read the same digest: build each once (a community may have many readers).
  const built = new Map<string, Promise<Digest>>();
  const digestFor = async (audience: DigestAudience): Promise<Digest> => {
    const key = audience.kind === "person" ? `person:${audience.sections.join(",")}` : audience.kind;
    let digest = built.get(key);
    if (!digest) {
      digest = buildDigest(deps, { communityId, week, audience });
      built.set(key, digest);
    }
    return { ...(await digest), audience };
  };
  for (const target of targets) {
    try {
      const digest = await digestFor(target.audience);
      summary[await deliver(deps, config, week, target, digest, now)]++;
    } catch (err) {
      summary.failed++;
      deps.logger.error(
        { err, communityId, target: target.key, week: week.isoWeek },
        "digest failed; it stays due and the next run tries again",
      );
    }
  }
}

/**
 * Sends every digest due at `now`. Safe to run as often as you like, on as many machines as you
 * like: each target's digest for a week is claimed once. A failure is logged and counted; the
 * target stays due, so the next run tries again.
 */
export async function runDigests(deps: DigestDeliveryDeps, now: Date): Promise<DigestRunSummary> {
  const summary: DigestRunSummary = { sent: 0, skipped: 0, alreadyDone: 0, failed: 0 };
  for (const communityId of await deps.digestRuns.communityIds()) {
    try {
      await runCommunity(deps, communityId, now, summary);
    } catch (err) {
      summary.failed++;
      deps.logger.error({ err, communityId }, "digests of a community failed; the next run tries again");
    }
  }
  return summary;
}
