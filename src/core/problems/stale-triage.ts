import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { businessDaysCutoff } from "../access/access-dates.js";
import { translator } from "../i18n/translator.js";
import type { Clock } from "../ports/clock.js";
import type { CommunityConfig, CommunityDirectory } from "../ports/community-directory.js";
import type { DigestRunStore } from "../ports/digest-runs.js";
import type { OutboundMessage } from "../ports/outbox.js";
import type { ProblemStore } from "../ports/problem-store.js";
import type { UnitOfWork } from "../ports/unit-of-work.js";
import type { Problem } from "./problem.js";
import { problemRef, triageProblemCard } from "./problem-cards.js";
import { contactLocale, dmAccount } from "./problem-messages.js";
import { oncallPersonId } from "./triage-routing.js";

export interface StaleTriageDeps {
  problems: ProblemStore;
  directory: Pick<CommunityDirectory, "config" | "contacts">;
  unitOfWork: UnitOfWork;
  digestRuns: Pick<DigestRunStore, "communityIds">;
  clock: Clock;
}

/** Problems raised per community and run: a backlog is worked through a batch per run. */
const BATCH = 50;

/**
 * Problems nobody triaged within the community's window (business days in its zone, default 5)
 * are raised once: to this week's on-call champion by DM with the triage card, or, with nobody on
 * call (or no way to DM them), in each triage channel. The once-only mark is a compare-and-set in
 * the transaction that enqueues the messages, so a retried run or a second replica sends nothing.
 * After that the champions' digest keeps listing them until someone acts.
 */
export async function remindStaleProblems(deps: StaleTriageDeps, now: Date): Promise<{ reminded: number }> {
  let reminded = 0;
  for (const communityId of await deps.digestRuns.communityIds()) {
    const config = await deps.directory.config(communityId);
    const cutoff = businessDaysCutoff(now, config.triage.staleBusinessDays, config.timezone);
    const { items } = await deps.problems.awaitingTriage(communityId, cutoff, BATCH, {
      notRemindedOnly: true,
    });
    for (const problem of items) {
      const messages = await reminderMessages(deps, config, problem, now);
      const sent = await deps.unitOfWork.run(async (tx) => {
        if (!(await tx.problems.markStaleReminded(problem.id, now))) return false;
        await tx.outbox.enqueue(messages);
        return true;
      });
      if (sent) reminded++;
    }
  }
  return { reminded };
}

async function reminderMessages(
  deps: StaleTriageDeps,
  config: CommunityConfig,
  problem: Problem,
  now: Date,
): Promise<OutboundMessage[]> {
  const params = {
    ref: problemRef(problem),
    days: config.triage.staleBusinessDays,
    filed: format(problem.createdAt, "yyyy-MM-dd", { in: tz(config.timezone) }),
  };
  const oncall = oncallPersonId(config.oncall, now);
  if (oncall) {
    const [contact] = await deps.directory.contacts([oncall]);
    const account = contact ? dmAccount(contact) : null;
    if (contact && account) {
      const t = translator(contactLocale(contact, config.locale));
      return [
        {
          dedupeKey: `problem:${problem.id}:stale:to:${contact.personId}`,
          communityId: problem.communityId,
          platform: account.platform,
          target: { kind: "user", userId: account.userId },
          card: triageProblemCard(problem, { t, timezone: config.timezone }, [
            t("problems:stale.oncall", params),
          ]),
        },
      ];
    }
  }
  const t = translator(config.locale);
  return config.channels.flatMap((channel): OutboundMessage[] =>
    channel.triageChannelId && channel.platform !== "console"
      ? [
          {
            dedupeKey: `problem:${problem.id}:stale:${channel.platform}:${channel.workspaceId}`,
            communityId: problem.communityId,
            platform: channel.platform,
            target: { kind: "channel", channelId: channel.triageChannelId },
            card: triageProblemCard(problem, { t, timezone: config.timezone }, [
              t("problems:stale.nobodyOnCall", params),
            ]),
          },
        ]
      : [],
  );
}
