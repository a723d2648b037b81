import { auditEntry } from "./access-change.js";
import type { AccessDeps } from "./access-deps.js";

export interface RetentionSettings {
  /** Days a closed request keeps its personal data; 0 keeps it forever (retention off). */
  days: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Requests purged per read; each is its own small transaction. */
const BATCH = 100;
/** A run stops here and the next day's run continues: a huge backlog never holds the job for long. */
const MAX_PER_RUN = 5_000;

/**
 * Retention (issue 8): a closed request's personal data is erased once `days` have passed since it
 * closed (for a grant, since the grant ended). The request keeps what accountability needs (its
 * number, dataset, status, routing, dates, who decided) and its audit trail keeps every step in
 * order; the trail's personal text (what the requester wrote, the questions and reasons about it,
 * the requester's name) becomes unreadable, and one `purged` entry says when and under which rule.
 *
 * Each request is purged in its own unit of work, together with forgetting its audit text and
 * appending that entry, so a crash leaves every request either untouched or wholly purged. A
 * request someone else purged meanwhile (two processes) is skipped, not purged twice.
 */
export async function purgeClosedRequests(
  deps: Pick<AccessDeps, "accessRequests" | "accessUnitOfWork">,
  now: Date,
  settings: RetentionSettings,
): Promise<{ purged: number }> {
  if (settings.days <= 0) return { purged: 0 };
  const closedBy = new Date(now.getTime() - settings.days * DAY_MS);
  let purged = 0;
  let seen = 0;
  while (seen < MAX_PER_RUN) {
    const batch = await deps.accessRequests.closedUnpurged(closedBy, BATCH);
    seen += batch.length;
    let purgedInBatch = 0;
    for (const request of batch) {
      const done = await deps.accessUnitOfWork.run(async (tx) => {
        if (!(await tx.requests.purgePersonalData(request.id, now))) return false;
        await tx.audit.forgetPersonalText(request.id, request.requesterId);
        await tx.audit.append(
          auditEntry(request, "purged", null, now, null, { retentionDays: String(settings.days) }),
        );
        return true;
      });
      if (done) purgedInBatch++;
    }
    purged += purgedInBatch;
    // A short batch is the end; a batch where nothing could be purged would only repeat itself.
    if (batch.length < BATCH || purgedInBatch === 0) break;
  }
  return { purged };
}
