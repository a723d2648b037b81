import { addDays, subDays } from "date-fns";
import type { CommunityConfig } from "../ports/community-directory.js";
import { auditEntry, changeAccessStatus } from "./access-change.js";
import { afterBusinessDays } from "./access-dates.js";
import type { AccessJobDeps } from "./access-deps.js";
import { reviewPosts, reviewUpdates, toCurrentDeciders, toRequester } from "./access-messages.js";
import { escalatedIntro, expiredDm, expiryNoticeDm, reminderNote, stillWaitingDm } from "./access-notices.js";
import { type AccessRequest, currentRoute } from "./access-request.js";
import { routeAfter } from "./access-routing.js";
import {
  type AccessSlaSettings,
  accessSlaSettingsSchema,
  defaultAccessSlaSettings,
} from "./access-sla-settings.js";

/**
 * The clock-driven side of access requests, for a job to call as often as it likes: every effect
 * fires once, guarded by a compare-and-set (escalation, expiry) or a once-only mark (reminders,
 * notices) written in the same transaction as its messages and audit entry.
 *
 * - After N business days (community timezone, Mon–Fri) waiting at a step, the people deciding
 *   get a reminder.
 * - After M business days, the request goes to the next routing level and the requester is told
 *   it is still waiting (and where); at the last level the requester is told it is still waiting.
 *   Each step (and an answer to a question) starts the clock again.
 * - K days before a grant ends the requester is told; when it ends it is marked expired.
 */
export interface AccessSlaRun {
  reminded: number;
  escalated: number;
  stillWaiting: number;
  expiryNotices: number;
  expired: number;
}

type Configs = (communityId: string) => Promise<CommunityConfig>;

function configCache(deps: AccessJobDeps): Configs {
  const cache = new Map<string, Promise<CommunityConfig>>();
  return (communityId) => {
    let config = cache.get(communityId);
    if (!config) {
      config = deps.directory.config(communityId);
      cache.set(communityId, config);
    }
    return config;
  };
}

/** Moves a request that waited M business days one level up; false when there is no level up. */
async function escalate(
  deps: AccessJobDeps,
  request: AccessRequest,
  config: CommunityConfig,
  now: Date,
  settings: AccessSlaSettings,
): Promise<boolean> {
  const from = currentRoute(request);
  if (!from) return false;
  const dataset = await deps.datasetLookup.byId(request.communityId, request.dataset.id);
  const next = await routeAfter(
    { directory: deps.directory, stewards: deps.stewards },
    { config, dataset, requesterId: request.requesterId, communityLocale: request.communityLocale, at: now },
    from.level,
  );
  if (!next) return false;
  const moved = await deps.accessUnitOfWork.run(async (tx) => {
    const updated = await tx.requests.reroute(request.id, { fromLevel: from.level, route: next, at: now });
    if (!updated) return null;
    const step = currentRoute(updated) ?? next;
    await tx.outbox.enqueue([
      ...reviewUpdates(updated, config.timezone),
      ...reviewPosts(updated, config.timezone, (t) =>
        escalatedIntro(t, from, settings.escalationBusinessDays),
      ),
      ...(await toRequester(
        tx.directory,
        updated,
        `access:${updated.id}:escalated:${updated.slaRound}`,
        (t) => stillWaitingDm(t, updated, step, true),
      )),
    ]);
    await tx.audit.append(
      auditEntry(updated, "escalated", null, now, null, {
        from: from.level,
        to: step.level,
        ...(step.topic ? { topic: step.topic } : {}),
      }),
    );
    return updated;
  });
  return moved !== null;
}

/** Once per round: the requester hears it is still waiting where it is (nowhere further to go). */
async function stillWaiting(deps: AccessJobDeps, request: AccessRequest, now: Date): Promise<boolean> {
  const step = currentRoute(request);
  if (!step) return false;
  return deps.accessUnitOfWork.run(async (tx) => {
    if (!(await tx.requests.markOnce(request.id, `still_waiting:${request.slaRound}`, now))) return false;
    await tx.outbox.enqueue(
      await toRequester(
        tx.directory,
        request,
        `access:${request.id}:still_waiting:${request.slaRound}`,
        (t) => stillWaitingDm(t, request, step, false),
      ),
    );
    await tx.audit.append(auditEntry(request, "still_waiting", null, now, null, { level: step.level }));
    return true;
  });
}

async function remind(
  deps: AccessJobDeps,
  request: AccessRequest,
  now: Date,
  settings: AccessSlaSettings,
): Promise<boolean> {
  return deps.accessUnitOfWork.run(async (tx) => {
    if (!(await tx.requests.markOnce(request.id, `reminder:${request.slaRound}`, now))) return false;
    await tx.outbox.enqueue(
      toCurrentDeciders(request, `access:${request.id}:reminder:${request.slaRound}`, (t) =>
        reminderNote(t, request, settings.reminderBusinessDays),
      ),
    );
    await tx.audit.append(
      auditEntry(request, "reminded", null, now, null, { level: currentRoute(request)?.level ?? "" }),
    );
    return true;
  });
}

async function expiryNotice(deps: AccessJobDeps, grant: AccessRequest, now: Date): Promise<boolean> {
  return deps.accessUnitOfWork.run(async (tx) => {
    if (!(await tx.requests.markOnce(grant.id, "expiry_notice", now))) return false;
    await tx.outbox.enqueue(
      await toRequester(tx.directory, grant, `access:${grant.id}:expiry_notice`, (t) =>
        expiryNoticeDm(t, grant),
      ),
    );
    await tx.audit.append(
      auditEntry(grant, "expiry_notified", null, now, null, { expiresOn: grant.decision?.expiresOn ?? "" }),
    );
    return true;
  });
}

export async function runAccessReminders(
  deps: AccessJobDeps,
  now: Date,
  rawSettings: AccessSlaSettings = defaultAccessSlaSettings,
): Promise<AccessSlaRun> {
  const settings = accessSlaSettingsSchema.parse(rawSettings);
  const configs = configCache(deps);
  const run: AccessSlaRun = { reminded: 0, escalated: 0, stillWaiting: 0, expiryNotices: 0, expired: 0 };
  // N business days are at least N calendar days: nothing younger can be due.
  const youngest = subDays(now, Math.min(settings.reminderBusinessDays, settings.escalationBusinessDays));
  for (const request of await deps.accessRequests.waitingSince(youngest)) {
    const config = await configs(request.communityId);
    const zone = config.timezone;
    if (now >= afterBusinessDays(request.waitingSince, settings.escalationBusinessDays, zone)) {
      if (await escalate(deps, request, config, now, settings)) {
        run.escalated++;
        continue;
      }
      if (await stillWaiting(deps, request, now)) run.stillWaiting++;
    }
    if (now >= afterBusinessDays(request.waitingSince, settings.reminderBusinessDays, zone)) {
      if (await remind(deps, request, now, settings)) run.reminded++;
    }
  }
  for (const grant of await deps.accessRequests.grantsEndingBy(addDays(now, settings.expiryNoticeDays))) {
    if (!grant.grantExpiresAt) continue;
    if (now >= grant.grantExpiresAt) {
      const config = await configs(grant.communityId);
      const expired = await changeAccessStatus(
        deps,
        grant,
        { to: "expired", actorId: null, at: now },
        {
          action: "expired",
          actor: null,
          reason: null,
          details: { expiresOn: grant.decision?.expiresOn ?? "" },
          timezone: config.timezone,
          messages: (after, tx) =>
            toRequester(tx.directory, after, `access:${after.id}:expired`, (t) => expiredDm(t, after)),
        },
      );
      if (expired) run.expired++;
    } else if (await expiryNotice(deps, grant, now)) {
      run.expiryNotices++;
    }
  }
  return run;
}
