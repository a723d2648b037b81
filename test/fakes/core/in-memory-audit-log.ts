import { randomUUID } from "node:crypto";
import {
  type AuditEntry,
  type AuditLog,
  auditActions,
  impersonalAuditFacts,
  type NewAuditEntry,
  PURGED_TEXT,
} from "../../../src/core/ports/audit-log.js";

/**
 * An append-only AuditLog in memory: entries get increasing sequence numbers and are frozen, so a
 * test (or a use case) that tried to change one would throw, like the SQL store refusing UPDATE.
 */
export class InMemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];
  /** Subjects whose personal text retention forgot, and whose requester that was. */
  readonly forgotten = new Map<string, string>();
  private seq = 0;

  async append(entry: NewAuditEntry): Promise<AuditEntry> {
    if (!auditActions.includes(entry.action)) throw new Error(`unknown audit action ${entry.action}`);
    const stored: AuditEntry = Object.freeze({
      ...structuredClone(entry),
      details: Object.freeze({ ...entry.details }),
      id: randomUUID(),
      seq: ++this.seq,
    });
    this.entries.push(stored);
    return stored;
  }

  async list(communityId: string, filter: { subjectId?: string } = {}): Promise<AuditEntry[]> {
    return this.entries
      .filter(
        (e) =>
          e.communityId === communityId &&
          (filter.subjectId === undefined || e.subjectId === filter.subjectId),
      )
      .map((e) => this.asRead(e));
  }

  /** Like the SQL store, nothing stored changes: reads show the forgotten text as purged. */
  async forgetPersonalText(subjectId: string, personId: string): Promise<void> {
    this.forgotten.set(subjectId, personId);
  }

  private asRead(entry: AuditEntry): AuditEntry {
    const requester = this.forgotten.get(entry.subjectId);
    if (requester === undefined || entry.subjectType !== "access_request") return entry;
    const byRequester = entry.actorId !== null && entry.actorId === requester;
    return {
      ...entry,
      details: Object.fromEntries(
        Object.entries(entry.details).map(([fact, value]) => [
          fact,
          impersonalAuditFacts.includes(fact) ? value : PURGED_TEXT,
        ]),
      ),
      reason: entry.reason === null ? null : PURGED_TEXT,
      actorId: byRequester ? null : entry.actorId,
      actorName: byRequester ? PURGED_TEXT : entry.actorName,
    };
  }

  /** The actions recorded for one subject, in order (test helper). */
  actionsOf(subjectId: string): string[] {
    return this.entries.filter((e) => e.subjectId === subjectId).map((e) => e.action);
  }
}
