import { randomUUID } from "node:crypto";
import {
  type AuditEntry,
  type AuditLog,
  auditActions,
  type NewAuditEntry,
} from "../../../src/core/ports/audit-log.js";

/**
 * An append-only AuditLog in memory: entries get increasing sequence numbers and are frozen, so a
 * test (or a use case) that tried to change one would throw, like the SQL store refusing UPDATE.
 */
export class InMemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];
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
    return this.entries.filter(
      (e) =>
        e.communityId === communityId && (filter.subjectId === undefined || e.subjectId === filter.subjectId),
    );
  }

  /** The actions recorded for one subject, in order (test helper). */
  actionsOf(subjectId: string): string[] {
    return this.entries.filter((e) => e.subjectId === subjectId).map((e) => e.action);
  }
}
