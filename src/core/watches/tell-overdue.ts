import type { Clock } from "../ports/clock.js";
import type { UnitOfWork } from "../ports/unit-of-work.js";
import { noticeMessages } from "./notice-messages.js";
import { NOTICES_PER_MESSAGE } from "./watch-notices.js";

export interface TellOverdueDeps {
  unitOfWork: UnitOfWork;
  clock: Clock;
}

/**
 * Tells watchers, once per overdue spell, that a dataset they watch lapsed past its own update
 * frequency (accrualPeriodicity): a dataset becomes overdue as time passes, not at a sync, so a
 * scheduled job looks. One DM per person and community per look, recorded and enqueued in one
 * unit of work; the key names the look, so a retried look (its unit rolled back) sends once.
 */
export async function tellOverdueWatchers(deps: TellOverdueDeps): Promise<number> {
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (tx) => {
    const batches = await tx.watches.recordOverdueNotices(now, NOTICES_PER_MESSAGE);
    const messages = await noticeMessages(tx, batches, {
      communityLocale: async (communityId) => (await tx.directory.config(communityId)).locale,
      dedupeKey: (batch) => `watch:overdue:${batch.communityId}:${batch.personId}:${now.toISOString()}`,
    });
    await tx.outbox.enqueue(messages);
    return messages.length;
  });
}
