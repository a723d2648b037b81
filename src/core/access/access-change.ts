import type { RequestContext } from "../bot/request-context.js";
import type { AuditAction, NewAuditEntry } from "../ports/audit-log.js";
import type { OutboundMessage } from "../ports/outbox.js";
import type { Platform } from "../shared/platform.js";
import type { AccessDeps } from "./access-deps.js";
import { reviewUpdates } from "./access-messages.js";
import { type AccessRequest, accessRef } from "./access-request.js";
import type { AccessStatusChange, AccessTransactionStores } from "./ports.js";

/** Who did something, as the audit log records it; null is the system (a job, a catalog sync). */
export interface AuditActor {
  personId: string;
  displayName: string;
  platform: Platform;
}

export function auditActorOf(ctx: Pick<RequestContext, "actor" | "identity">): AuditActor {
  return {
    personId: ctx.actor.personId,
    displayName: ctx.actor.displayName,
    platform: ctx.identity.platform,
  };
}

export function auditEntry(
  request: Pick<AccessRequest, "id" | "communityId" | "number" | "dataset">,
  action: AuditAction,
  actor: AuditActor | null,
  at: Date,
  reason: string | null,
  details: Record<string, string> = {},
): NewAuditEntry {
  return {
    communityId: request.communityId,
    at,
    actorId: actor?.personId ?? null,
    actorName: actor?.displayName ?? null,
    platform: actor?.platform ?? null,
    action,
    subjectType: "access_request",
    subjectId: request.id,
    subjectRef: accessRef(request),
    reason,
    details: { dataset: request.dataset.title, datasetId: request.dataset.id, ...details },
  };
}

export interface AccessChangeOptions {
  action: AuditAction;
  actor: AuditActor | null;
  reason: string | null;
  details?: Record<string, string>;
  /** The community's timezone, for the dates on the review cards. */
  timezone: string;
  /** Messages the change causes besides the review card edits (DMs, notes to deciders). */
  messages?: (updated: AccessRequest, tx: AccessTransactionStores) => Promise<OutboundMessage[]>;
}

/**
 * Moves a request to a new status and, in the same transaction, edits every review card, queues
 * the messages it causes and appends the audit entry. Null when the request is no longer in the
 * status the actor saw (a second click, a retried event, someone else first): nothing is written,
 * not even to the audit log, because nothing happened.
 */
export function changeAccessStatus(
  access: Pick<AccessDeps, "accessUnitOfWork">,
  request: AccessRequest,
  change: Omit<AccessStatusChange, "from">,
  options: AccessChangeOptions,
): Promise<AccessRequest | null> {
  return access.accessUnitOfWork.run(async (tx) => {
    const updated = await tx.requests.changeStatus(request.id, { ...change, from: request.status });
    if (!updated) return null;
    const extra = options.messages ? await options.messages(updated, tx) : [];
    await tx.outbox.enqueue([...reviewUpdates(updated, options.timezone), ...extra]);
    await tx.audit.append(
      auditEntry(updated, options.action, options.actor, change.at, options.reason, options.details),
    );
    return updated;
  });
}
